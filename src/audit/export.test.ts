import { describe, expect, it } from "vitest";
import { parseCsv } from "../../test/support/csv.js";
import { csvField } from "../reports/csv.js";
import { iterateAudit } from "../storage/audit.js";
import { openDatabase } from "../storage/index.js";
import { type AuditRow, appendAudit, entryHash } from "./append.js";
import { auditCsv, auditJson, CSV_COLUMNS, CSV_NOTE, dayRange } from "./export.js";
import { auditFilterFor, searchAudit } from "./query.js";
import { verifyAuditChain } from "./verify.js";

const TRICKY = 'He said "no, not today",\r\nthen left; naïve 🙂\nend';

function sampleDb() {
  const db = openDatabase(":memory:");
  const at = (day: number, hour: number) =>
    new Date(Date.UTC(2026, 10, day, hour, 30)).toISOString();
  const add = (at: string, centerId: string | null, data: Record<string, unknown>, extra = {}) =>
    appendAudit(
      db,
      {
        actor: "system:test",
        action: "alert.opened",
        centerId,
        subject: "alert:1",
        sourceIds: ["procare:evt_1", "violation:2"],
        correlationId: "procare:evt_1",
        data,
        ...extra,
      },
      at,
    );
  add(at(22, 23), "center_001", { n: 1 });
  add(at(23, 7), "center_001", { n: 2, note: TRICKY });
  add(at(23, 9), "center_002", { n: 3 });
  add(at(23, 12), null, { n: 4 }, { subject: null, correlationId: null, sourceIds: [] });
  add(at(24, 7), "center_001", { n: 5 }, { action: "outbox.sent", subject: TRICKY });
  add(at(24, 9), "center_001", { n: 6 });
  return db;
}

describe("csvField", () => {
  it("quotes only what RFC 4180 requires, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
  });
});

describe("auditCsv", () => {
  it("parses back to the same fields, tricky values included, with a header row", () => {
    const db = sampleDb();
    const rows = [...iterateAudit(db)];
    const text = [...auditCsv(rows)].join("");
    const [note, header, ...records] = parseCsv(text);
    expect(note).toEqual([CSV_NOTE]);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(rows.length);
    for (const [i, record] of records.entries()) {
      const row = rows[i] as AuditRow;
      const get = (column: (typeof CSV_COLUMNS)[number]) =>
        record[CSV_COLUMNS.indexOf(column)] as string;
      expect(Number(get("seq"))).toBe(row.seq);
      expect(get("subject")).toBe(row.subject ?? "");
      expect(get("centerId")).toBe(row.centerId ?? "");
      expect(JSON.parse(get("data"))).toEqual(row.data);
      expect(JSON.parse(get("sourceIds"))).toEqual(row.sourceIds);
      expect(get("hash")).toBe(row.hash);
    }
    expect(JSON.parse(records[1]?.[CSV_COLUMNS.indexOf("data")] ?? "")).toMatchObject({
      note: TRICKY,
    });
    expect(records[4]?.[CSV_COLUMNS.indexOf("subject")]).toBe(TRICKY);
  });

  it("carries what is needed to check every exported entry's hash from the file alone", () => {
    const text = [...auditCsv(iterateAudit(sampleDb()))].join("");
    const [, , ...records] = parseCsv(text);
    let prev: string | null = null;
    for (const r of records) {
      const [seq, at, actor, action, centerId, subject, sourceIds, correlationId, data] = r;
      const prevHash = r[9] as string;
      const recomputed = entryHash(prevHash, {
        seq: Number(seq),
        at: at as string,
        actor: actor as string,
        action: action as string,
        centerId: centerId || null,
        subject: subject || null,
        sourceIds: JSON.parse(sourceIds as string) as string[],
        correlationId: correlationId || null,
        data: JSON.parse(data as string) as Record<string, unknown>,
      });
      expect(recomputed).toBe(r[10]);
      if (prev !== null) expect(prevHash).toBe(prev);
      prev = r[10] as string;
    }
  });
});

describe("dayRange", () => {
  it("reads dates in the given zone, both ends inclusive", () => {
    const range = dayRange("2026-11-23", "2026-11-24", "America/Los_Angeles", "center_001");
    expect(range.ok && range.value).toMatchObject({
      fromInstant: "2026-11-23T08:00:00.000Z",
      toInstant: "2026-11-25T08:00:00.000Z",
    });
    const utc = dayRange("2026-11-23", "2026-11-23", "UTC", null);
    expect(utc.ok && utc.value).toMatchObject({
      fromInstant: "2026-11-23T00:00:00.000Z",
      toInstant: "2026-11-24T00:00:00.000Z",
    });
  });

  it("refuses a range that ends before it starts, naming `to`", () => {
    const range = dayRange("2026-11-23", "2026-11-22", "UTC", null);
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.error.details).toMatchObject({ field: "to" });
  });
});

describe("auditJson", () => {
  it("holds the range, the chain's verification and exactly the DB's entries for the range", () => {
    const db = sampleDb();
    const range = dayRange("2026-11-23", "2026-11-23", "UTC", "center_001");
    if (!range.ok) throw range.error;
    const rows = iterateAudit(db, {
      centerId: "center_001",
      from: range.value.fromInstant,
      to: range.value.toInstant,
    });
    const chain = verifyAuditChain(db);
    const parsed = JSON.parse([...auditJson(range.value, chain, rows)].join("")) as {
      range: unknown;
      chain: unknown;
      entries: AuditRow[];
    };
    expect(parsed.range).toEqual(range.value);
    expect(parsed.chain).toEqual({
      ok: true,
      entries: 6,
      lastSeq: 6,
      lastHash: chain.ok && chain.lastHash,
    });
    // Center 1 on the 23rd (UTC): seq 2 only; seq 1 is the 22nd, 3 another center, 4 no center.
    const fromDb = db.$client
      .prepare(
        "SELECT seq FROM audit_log WHERE center_id = 'center_001' AND at >= ? AND at < ? ORDER BY seq",
      )
      .all(range.value.fromInstant, range.value.toInstant) as { seq: number }[];
    expect(parsed.entries.map((e) => e.seq)).toEqual(fromDb.map((r) => r.seq));
    expect(parsed.entries.map((e) => e.seq)).toEqual([2]);
    expect(parsed.entries[0]).toEqual([...iterateAudit(db)][1]);
  });

  it("is valid JSON with no entries", () => {
    const range = dayRange("2030-01-01", "2030-01-01", "UTC", null);
    if (!range.ok) throw range.error;
    const db = sampleDb();
    const parsed = JSON.parse([...auditJson(range.value, verifyAuditChain(db), [])].join(""));
    expect(parsed.entries).toEqual([]);
  });
});

describe("searchAudit", () => {
  const center = { id: "center_001", timeZone: "UTC" };

  it("pages newest first with a stable cursor", () => {
    const db = sampleDb();
    const first = searchAudit(db, center, { limit: 2 });
    if (!first.ok) throw first.error;
    expect(first.value.entries.map((e) => e.seq)).toEqual([6, 5]);
    const second = searchAudit(db, center, { limit: 2, before: first.value.nextBefore ?? 0 });
    if (!second.ok) throw second.error;
    expect(second.value.entries.map((e) => e.seq)).toEqual([2, 1]);
    expect(second.value.nextBefore).toBeNull();
  });

  it("filters by local dates, action prefix, subject, correlation id and free text", () => {
    const db = sampleDb();
    const seqs = (query: Parameters<typeof searchAudit>[2]) => {
      const page = searchAudit(db, center, query);
      if (!page.ok) throw page.error;
      return page.value.entries.map((e) => e.seq);
    };
    expect(seqs({ from: "2026-11-24" })).toEqual([6, 5]);
    expect(seqs({ from: "2026-11-23", to: "2026-11-23" })).toEqual([2]);
    expect(seqs({ action: "outbox." })).toEqual([5]);
    expect(seqs({ subject: "alert:1" })).toEqual([6, 2, 1]);
    expect(seqs({ correlationId: "procare:evt_1" })).toEqual([6, 5, 2, 1]);
    expect(seqs({ q: "NOT TODAY" })).toEqual([5, 2]);
    expect(seqs({ actor: "system:other" })).toEqual([]);
    // LIKE wildcards in the text match only themselves.
    expect(seqs({ q: "%" })).toEqual([]);
    expect(seqs({ action: "alert_" })).toEqual([]);
    // Another center's entries never show.
    expect(seqs({ q: '"n":3' })).toEqual([]);
  });

  it("refuses `to` before `from`, naming `to`", () => {
    const filter = auditFilterFor(center, { from: "2026-11-24", to: "2026-11-23" });
    expect(filter.ok).toBe(false);
    if (!filter.ok) expect(filter.error.message).toMatch(/^to:/);
  });
});
