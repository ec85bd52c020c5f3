/**
 * The audit log through the real service: a sandbox morning (both centers' call-out violations,
 * their alerts, escalations, an acknowledgement, the sends) leaves a chain that verifies, and
 * every alert, violation and finished send in the tables has its entries, with the triggering
 * event as correlation id. Then the API: search, paging, the CSV download, bad ranges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correlationOf, verifyAuditChain } from "../src/audit/index.js";
import { instantToZoned } from "../src/domain/time.js";
import { listAlerts, listOpenAlerts } from "../src/storage/alerts.js";
import { type AuditLogRow, iterateAudit } from "../src/storage/audit.js";
import { listOutbox } from "../src/storage/outbox.js";
import { listViolations } from "../src/storage/ratio.js";
import { parseCsv } from "./support/csv.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
let entries: AuditLogRow[];
const started = new Date();
const ACK_BY = "user:director-test";

beforeAll(async () => {
  t = await startTestService();
  const { startsAt } = t.sandbox.plan;
  // Past both centers' call-out violations (14:26 and 16:07 UTC) and their cool-downs.
  const until = Date.parse("2026-11-23T16:40:00Z");
  const step = 3 * 60_000;
  let acknowledged = false;
  for (let at = Date.parse(startsAt); at <= until; at += step) {
    for (const d of t.sandbox.advanceTo(new Date(at))) {
      expect((await t.post(d)).status).toBe(200);
    }
    t.settle();
    t.service.evaluateNow();
    await t.service.alerting.tick();
    await t.service.alerting.whenIdle();
    if (!acknowledged) {
      for (const center of t.sandbox.world.centers) {
        const open = listOpenAlerts(t.service.ctx.db, center.id).find(
          (a) => a.kind === "out_of_ratio" && a.state === "open",
        );
        if (!open) continue;
        const res = await t.api(`/api/centers/${center.id}/alerts/${open.id}/acknowledge`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ by: ACK_BY }),
        });
        expect(res.status).toBe(200);
        acknowledged = true;
        break;
      }
    }
  }
  expect(acknowledged).toBe(true);
  await t.service.reconcileNow();
  entries = [...iterateAudit(t.service.ctx.db)];
}, 300_000);

afterAll(async () => {
  await t?.stop();
});

const about = (subject: string) => entries.filter((e) => e.subject === subject);

describe("the audit log after a sandbox morning", () => {
  it("verifies end to end, every entry stamped with wall-clock time", () => {
    const result = verifyAuditChain(t.service.ctx.db);
    expect(result).toMatchObject({ ok: true, entries: entries.length });
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) {
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started.getTime() - 1000);
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now());
    }
  });

  it("has every alert's opening with its triggering event, and its later changes", () => {
    const db = t.service.ctx.db;
    const alerts = t.sandbox.world.centers.flatMap((c) =>
      listAlerts(db, c.id, { from: "2000-01-01", to: "2100-01-01" }),
    );
    expect(alerts.filter((a) => a.kind === "out_of_ratio").length).toBeGreaterThanOrEqual(2);
    let withEvent = 0;
    for (const alert of alerts) {
      const story = about(`alert:${alert.id}`);
      const opened = story.find((e) => e.action === "alert.opened");
      expect(opened, `alert ${alert.id} opened`).toBeDefined();
      expect(opened?.centerId).toBe(alert.centerId);
      expect(opened?.actor).toBe("system:alerts");
      expect(opened?.correlationId).toBe(correlationOf(alert.cause));
      if (opened?.correlationId) {
        withEvent++;
        expect(opened.sourceIds).toContain(alert.cause);
      }
      if (alert.state === "resolved") {
        expect(story.map((e) => e.action)).toContain("alert.resolved");
      }
      if (alert.escalationLevel > 0) {
        expect(story.filter((e) => e.action === "alert.escalated")).toHaveLength(
          alert.escalationLevel,
        );
      }
      if (alert.acknowledgedBy) {
        const ack = story.find((e) => e.action === "alert.acknowledged");
        expect(ack?.actor).toBe(alert.acknowledgedBy);
      }
    }
    expect(withEvent).toBeGreaterThan(0);
    expect(
      entries.some((e) => e.action === "alert.acknowledged" && e.actor === `bootstrap (${ACK_BY})`),
    ).toBe(true);
  });

  it("has every violation opened and closed with the events that caused it", () => {
    for (const center of t.sandbox.world.centers) {
      const violations = listViolations(t.service.ctx.db, center.id);
      expect(violations.length).toBeGreaterThan(0);
      for (const v of violations) {
        const story = about(`violation:${v.id}`);
        const opened = story.find((e) => e.action === "violation.opened");
        expect(opened?.correlationId).toBe(correlationOf(v.startCause));
        expect(opened?.data).toMatchObject({ roomId: v.roomId });
        if (v.endedAt) {
          const closed = story.find((e) => e.action === "violation.closed");
          expect(closed?.correlationId).toBe(correlationOf(v.endCause));
        }
      }
    }
  });

  it("tells one event's whole story: the violation and the alert it opened share its id", () => {
    const alert = listAlerts(t.service.ctx.db, "center_001", {
      from: "2000-01-01",
      to: "2100-01-01",
    }).find((a) => a.kind === "out_of_ratio" && correlationOf(a.cause));
    expect(alert).toBeDefined();
    const story = entries.filter((e) => e.correlationId === alert?.cause);
    expect(story.map((e) => e.action)).toEqual(
      expect.arrayContaining(["violation.opened", "alert.opened"]),
    );
  });

  it("has one final-outcome entry per send the worker finished", () => {
    const rows = t.sandbox.world.centers.flatMap((c) =>
      listOutbox(t.service.ctx.db, { centerId: c.id }),
    );
    const finished = rows.filter(
      (r) => r.attempts > 0 && ["sent", "failed", "skipped"].includes(r.status),
    );
    expect(finished.length).toBeGreaterThan(0);
    for (const row of finished) {
      const outcome = about(`outbox:${row.id}`);
      expect(outcome.map((e) => e.action)).toEqual([`outbox.${row.status}`]);
      expect(outcome[0]?.sourceIds).toContain(`alert:${row.alertId}`);
      // No phone number in a log that is never erased.
      if (row.recipient.startsWith("+")) {
        expect(JSON.stringify(outcome[0])).not.toContain(row.recipient);
      }
    }
  });
});

describe("GET /api/centers/{center}/audit", () => {
  const url = (center: string, query: string) => `/api/centers/${center}/audit?${query}`;

  it("searches a center's log, newest first, a page at a time", async () => {
    const res = await t.api(url("center_001", "action=alert.&limit=3"));
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      entries: AuditLogRow[];
      nextBefore: number | null;
    };
    expect(page.entries).toHaveLength(3);
    expect(
      page.entries.every((e) => e.action.startsWith("alert.") && e.centerId === "center_001"),
    ).toBe(true);
    const seqs = page.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(page.nextBefore).toBe(seqs[2]);
    const next = (await (
      await t.api(url("center_001", `action=alert.&limit=3&before=${page.nextBefore}`))
    ).json()) as { entries: AuditLogRow[] };
    expect(Math.max(...next.entries.map((e) => e.seq))).toBeLessThan(seqs[2] ?? 0);
    const expected = entries
      .filter((e) => e.centerId === "center_001" && e.action.startsWith("alert."))
      .map((e) => e.seq)
      .reverse()
      .slice(0, 6);
    expect([...seqs, ...next.entries.map((e) => e.seq)]).toEqual(expected);
  });

  it("downloads the range as a CSV attachment that matches the database", async () => {
    const center = t.sandbox.world.centers.find((c) => c.id === "CTR_002");
    expect(center).toBeDefined();
    const today = instantToZoned(new Date(), center?.timeZone ?? "UTC").date;
    const res = await t.api(url("CTR_002", `from=${today}&to=${today}&format=csv`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const [note, header, ...records] = parseCsv(await res.text());
    expect(note?.[0]).toMatch(/data for hash verification; not for a spreadsheet/);
    expect(header?.slice(0, 4)).toEqual(["seq", "at", "actor", "action"]);
    const mine = entries.filter((e) => e.centerId === "CTR_002");
    expect(records.map((r) => Number(r[0]))).toEqual(mine.map((e) => e.seq));
    const hash = header?.indexOf("hash") ?? -1;
    expect(records.map((r) => r[hash])).toEqual(mine.map((e) => e.hash));
  });

  it("answers 400 naming `to` for a range that ends before it starts, 404 for an unknown center", async () => {
    const bad = await t.api(url("center_001", "from=2026-11-24&to=2026-11-23"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^to:/);
    const badDate = await t.api(url("center_001", "from=yesterday"));
    expect(badDate.status).toBe(400);
    const unknown = await t.api(url("nope", ""));
    expect(unknown.status).toBe(404);
  });
});
