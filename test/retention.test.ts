/**
 * Retention as an operator runs it: a sandbox day's records, judged years later. Dry by default;
 * applied, exactly the counted rows go, in an audited purge, and the audit chain still verifies.
 * Washington's rule counts from a child's last attendance.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/index.js";
import { formatRetentionReport, purgePastRetention } from "../src/retention/index.js";
import { retentionCutoff, retentionRule } from "../src/rules/retention.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  const { startsAt, endsAt } = t.sandbox.plan;
  for (const d of t.sandbox.advanceTo(new Date(endsAt))) expect((await t.post(d)).status).toBe(200);
  t.settle();
  t.service.evaluateNow();
  expect(new Date(startsAt).getTime()).toBeLessThan(new Date(endsAt).getTime());
}, 120_000);
afterAll(async () => {
  await t.service.stop();
});

const db = () => t.service.ctx.db;
const count = (table: string, where = "1 = 1") =>
  db().get<{ n: number }>(sql.raw(`select count(*) as n from ${table} where ${where}`))?.n ?? 0;
const yearsAfterDay = (years: number, days: number) => {
  const at = new Date(t.sandbox.plan.endsAt);
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return new Date(at.getTime() + days * 86_400_000);
};

describe("retention", () => {
  it("keeps at least 5 years, longer only when configured, and counts Washington from the last attendance", () => {
    expect(retentionRule("US-CA")).toMatchObject({ years: 5, fromLastAttendance: false });
    expect(retentionRule("US-CA", 7).years).toBe(7);
    expect(retentionRule("US-CA", 2).years).toBe(5);
    expect(retentionRule("US-WA")).toMatchObject({ years: 5, fromLastAttendance: true });
    expect(retentionRule("US-WA").basis).toMatch(/WAC 170-295-7030/);
    expect(retentionCutoff(new Date("2031-03-01T00:00:00Z"), 5).toISOString()).toBe(
      "2026-03-01T00:00:00.000Z",
    );
  });

  it("finds nothing inside the period", () => {
    const report = purgePastRetention(db(), { now: yearsAfterDay(5, -1) });
    expect(report.total).toBe(0);
  });

  it("reports without deleting by default, then deletes exactly that, audited, chain intact", () => {
    const events = count("attendance_events");
    const history = count("ratio_history");
    expect(events).toBeGreaterThan(100);
    const now = yearsAfterDay(5, 1);

    const dry = purgePastRetention(db(), { now });
    expect(dry.applied).toBe(false);
    expect(dry.total).toBeGreaterThan(events);
    expect(count("attendance_events")).toBe(events);
    expect(formatRetentionReport(dry)).toMatch(/would remove \(dry run; --apply to delete\)/);

    const audited = count("audit_log", "action = 'retention.purged'");
    const applied = purgePastRetention(db(), { now, apply: true });
    expect(applied.total).toBe(dry.total);
    expect(count("attendance_events")).toBe(0);
    expect(count("ratio_history")).toBe(
      history - dry.centers.reduce((s, c) => s + c.rows.ratio_history, 0),
    );
    expect(count("audit_log", "action = 'retention.purged'")).toBe(
      audited + applied.centers.filter((c) => Object.values(c.rows).some((n) => n > 0)).length,
    );
    expect(verifyAuditChain(db()).ok).toBe(true);
    expect(purgePastRetention(db(), { now }).total).toBe(0);
  });

  it("in Washington keeps a child's old records while the child still attends", () => {
    const center = t.sandbox.world.centers[0]!;
    db().run(sql`update centers set jurisdiction = 'US-WA' where id = ${center.id}`);
    const old = "2020-01-06T15:00:00.000Z";
    const recent = "2024-06-03T15:00:00.000Z";
    const insert = (subject: string, at: string, id: string) =>
      db().run(sql`insert into attendance_events
        (center_id, source, provider, source_event_id, seq, type, subject_id, room_id, occurred_at, recorded_at, applied, payload)
        values (${center.id}, 'import', 'test', ${id}, 0, 'child.checked_in', ${subject}, null, ${at}, ${at}, 0, '{}')`);
    insert("child_stays", old, "e1");
    insert("child_stays", recent, "e2");
    insert("child_left", old, "e3");
    const now = new Date("2026-01-10T00:00:00Z");
    purgePastRetention(db(), { now, apply: true });
    expect(count("attendance_events", "subject_id = 'child_stays'")).toBe(2);
    expect(count("attendance_events", "subject_id = 'child_left'")).toBe(0);
  });
});
