import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../storage/index.js";
import { appendAudit, entryHash, GENESIS_HASH } from "./append.js";
import { verifyAuditChain } from "./verify.js";

let db: Db;
const sqlite = () => db.$client;

/** What an attacker with the database file does first. */
function dropTriggers(): void {
  sqlite().exec(`DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_log_append_at_end;`);
}

function fill(n: number): void {
  for (let i = 1; i <= n; i++) {
    appendAudit(
      db,
      {
        actor: "system:test",
        action: i % 2 ? "alert.opened" : "outbox.sent",
        centerId: "center_001",
        subject: `alert:${i}`,
        sourceIds: [`procare:evt_${i}`],
        correlationId: `procare:evt_${i}`,
        data: { n: i, note: `entry ${i}` },
      },
      new Date(Date.UTC(2026, 10, 23, 9, 0, i)).toISOString(),
    );
  }
}

beforeEach(() => {
  db = openDatabase(":memory:");
  fill(10);
});

describe("verifyAuditChain", () => {
  it("accepts an intact chain and returns its length and last hash", () => {
    const last = sqlite()
      .prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
      .get();
    expect(verifyAuditChain(db)).toEqual({
      ok: true,
      entries: 10,
      lastSeq: 10,
      lastHash: (last as { hash: string }).hash,
    });
  });

  it("accepts an empty log", () => {
    expect(verifyAuditChain(openDatabase(":memory:"))).toEqual({
      ok: true,
      entries: 0,
      lastSeq: 0,
      lastHash: GENESIS_HASH,
    });
  });

  it("hashes data as it reads back, so values JSON cannot keep do not break the chain", () => {
    appendAudit(
      db,
      {
        actor: "system:test",
        action: "x.y",
        centerId: null,
        subject: null,
        sourceIds: [],
        correlationId: null,
        data: { gone: undefined, nan: Number.NaN, when: new Date(0), nested: { b: 1, a: 2 } },
      },
      "2026-11-23T10:00:00.000Z",
    );
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 11 });
  });

  it("names a row whose JSON is damaged as broken at its seq, instead of failing to read the log", () => {
    dropTriggers();
    sqlite().prepare(`UPDATE audit_log SET data = '{"n":7,' WHERE seq = 7`).run();
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 6,
      firstBroken: { seq: 7, reason: "unreadable entry" },
    });
  });

  it("names an edited field's entry: hash mismatch", () => {
    dropTriggers();
    sqlite().prepare(`UPDATE audit_log SET data = '{"n":5,"note":"edited"}' WHERE seq = 5`).run();
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 4,
      firstBroken: { seq: 5, action: "alert.opened", reason: "hash mismatch" },
    });
  });

  it("names an edited actor (a column outside data) too", () => {
    dropTriggers();
    sqlite().prepare(`UPDATE audit_log SET actor = 'user:someone-else' WHERE seq = 3`).run();
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: "hash mismatch" },
    });
  });

  it("names the entry after a deleted one: gap in seq", () => {
    dropTriggers();
    sqlite().prepare("DELETE FROM audit_log WHERE seq = 5").run();
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 4,
      firstBroken: { seq: 6, reason: "gap in seq", expected: "5", found: "6" },
    });
  });

  it("catches a deleted first entry", () => {
    dropTriggers();
    sqlite().prepare("DELETE FROM audit_log WHERE seq = 1").run();
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 0,
      firstBroken: { seq: 2, reason: "gap in seq" },
    });
  });

  it("names the first of two swapped entries: prev_hash mismatch", () => {
    dropTriggers();
    sqlite().exec(`UPDATE audit_log SET seq = -4 WHERE seq = 4;
      UPDATE audit_log SET seq = 4 WHERE seq = 5;
      UPDATE audit_log SET seq = 5 WHERE seq = -4;`);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { seq: 4, reason: "prev_hash mismatch" },
    });
  });

  it("catches an entry inserted into the middle, even with a correct hash of its own", () => {
    dropTriggers();
    // Make room at seq 5 (descending, so no two rows share a seq on the way).
    for (let seq = 10; seq >= 5; seq--) {
      sqlite()
        .prepare("UPDATE audit_log SET seq = ? WHERE seq = ?")
        .run(seq + 1, seq);
    }
    const prev = sqlite().prepare("SELECT hash FROM audit_log WHERE seq = 4").get() as {
      hash: string;
    };
    const forged = {
      seq: 5,
      at: "2026-11-23T09:00:04.500Z",
      actor: "user:forger",
      action: "approval.approved",
      centerId: "center_001",
      subject: "approval:1",
      sourceIds: [],
      correlationId: null,
      data: {},
    };
    sqlite()
      .prepare(
        `INSERT INTO audit_log (seq, at, actor, action, center_id, subject, source_ids,
           correlation_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, '[]', NULL, '{}', ?, ?)`,
      )
      .run(
        forged.seq,
        forged.at,
        forged.actor,
        forged.action,
        forged.centerId,
        forged.subject,
        prev.hash,
        entryHash(prev.hash, forged),
      );
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 5,
      firstBroken: { seq: 6, reason: "prev_hash mismatch" },
    });
  });

  it("catches a rewritten entry whose own hash was recomputed: the next entry no longer links", () => {
    dropTriggers();
    const row = sqlite().prepare("SELECT * FROM audit_log WHERE seq = 5").get() as Record<
      string,
      string | number
    >;
    const data = { n: 5, note: "rewritten" };
    const hash = entryHash(String(row.prev_hash), {
      seq: 5,
      at: String(row.at),
      actor: String(row.actor),
      action: String(row.action),
      centerId: String(row.center_id),
      subject: String(row.subject),
      sourceIds: JSON.parse(String(row.source_ids)) as string[],
      correlationId: String(row.correlation_id),
      data,
    });
    sqlite()
      .prepare("UPDATE audit_log SET data = ?, hash = ? WHERE seq = 5")
      .run(JSON.stringify(data), hash);
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 5,
      firstBroken: { seq: 6, action: "outbox.sent", reason: "prev_hash mismatch", found: row.hash },
    });
  });

  it("reads the chain in batches: a chain longer than a batch verifies, and a later break is found", () => {
    fill(15);
    expect(verifyAuditChain(db, { batchSize: 4 })).toMatchObject({ ok: true, entries: 25 });
    dropTriggers();
    sqlite().prepare("UPDATE audit_log SET at = '2026-01-01T00:00:00.000Z' WHERE seq = 22").run();
    expect(verifyAuditChain(db, { batchSize: 4 })).toMatchObject({
      ok: false,
      checked: 21,
      firstBroken: { seq: 22, reason: "hash mismatch" },
    });
  });
});

describe("append-only enforcement in the database", () => {
  it("refuses an UPDATE of an entry", () => {
    expect(() => sqlite().prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 10 });
  });

  it("refuses a DELETE, of one entry or all", () => {
    expect(() => sqlite().prepare("DELETE FROM audit_log WHERE seq = 10").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite().prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 10 });
  });

  it("refuses INSERT OR REPLACE over an entry and an insert that does not extend the chain", () => {
    const row = sqlite().prepare("SELECT * FROM audit_log WHERE seq = 3").get() as Record<
      string,
      unknown
    >;
    const insert = (verb: string, seq: number, prevHash: string) =>
      sqlite()
        .prepare(
          `${verb} INTO audit_log (seq, at, actor, action, center_id, subject, source_ids,
             correlation_id, data, prev_hash, hash) VALUES (?, ?, 'x', 'y', NULL, NULL, '[]', NULL, '{}', ?, ?)`,
        )
        .run(seq, row.at, prevHash, "f".repeat(64));
    expect(() => insert("INSERT OR REPLACE", 3, String(row.prev_hash))).toThrow(/append-only/);
    expect(() => insert("INSERT", 11, GENESIS_HASH)).toThrow(/append-only/);
    expect(() => insert("INSERT", 12, String(row.hash))).toThrow(/append-only/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 10 });
  });

  it("still takes appends through appendAudit", () => {
    fill(3);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 13 });
  });
});
