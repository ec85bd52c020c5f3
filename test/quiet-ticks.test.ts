/**
 * No work on a tick when nothing changed, on a played sandbox day through the real service: a
 * drafting tick that finds only jobs already queued opens no transaction and changes no row, after
 * close does not build the day's digest again, yet still queues a job that is new; the door's "already checked in today?" is one index probe and
 * answers exactly what scanning the day's events answered.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { instantToZoned, zonedDateTimeToInstant } from "../src/domain/time.js";
import { listAgentJobs } from "../src/storage/agent-jobs.js";
import { listEvents } from "../src/storage/attendance.js";
import type { Db } from "../src/storage/db.js";
import { hasCheckInBetween } from "../src/storage/door.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  for (const d of t.sandbox.playDay()) expect((await t.post(d)).status).toBe(200);
  t.settle();
  await t.service.draftNow();
}, 300_000);
afterAll(() => t?.stop());

const db = (): Db => t.service.ctx.db;

/** Write transactions opened and rows changed while `fn` runs, counted on the connection. */
async function writesDuring(fn: () => Promise<unknown>) {
  const client = db().$client;
  const changes = () => (client.prepare("select total_changes() as n").get() as { n: number }).n;
  const spy = vi.spyOn(client, "transaction");
  const before = changes();
  try {
    await fn();
    return { transactions: spy.mock.calls.length, changes: changes() - before };
  } finally {
    spy.mockRestore();
  }
}

describe("a drafting tick", () => {
  it("writes nothing when every job it finds is already queued", async () => {
    const jobs = listAgentJobs(db());
    expect(jobs.length).toBeGreaterThan(t.sandbox.world.centers.length);
    expect(await writesDuring(() => t.service.draftNow())).toEqual({
      transactions: 0,
      changes: 0,
    });
    expect(listAgentJobs(db())).toHaveLength(jobs.length);
  });

  it("after close, reads today's events, hire dates and the queue, not the day's digest again", async () => {
    const client = db().$client;
    const prepare = vi.spyOn(client, "prepare");
    try {
      await t.service.draftNow();
      const statements = prepare.mock.calls.map((c) => String(c[0]));
      const centers = t.sandbox.world.centers.length;
      // Per center: today's events, hire dates, which keys are queued; plus the centers and the
      // queue's claim. The digest alone (weeks of records, the directory) is many more.
      expect(statements.length).toBeLessThanOrEqual(3 * centers + 2);
      expect(statements.filter((x) => x.includes('from "children"'))).toEqual([]);
    } finally {
      prepare.mockRestore();
    }
  });

  it("still queues a job that is not queued yet, in one transaction", async () => {
    // A late pick-up is found again on every tick from the day's check-outs.
    const late = listAgentJobs(db()).find((j) => j.job === "late-pickup");
    expect(late).toBeDefined();
    db().$client.prepare("delete from agent_jobs where id = ?").run(late!.id);
    const counted = await writesDuring(() => t.service.draftNow());
    expect(counted.transactions).toBeGreaterThanOrEqual(1);
    expect(listAgentJobs(db()).filter((j) => j.dedupeKey === late!.dedupeKey)).toHaveLength(1);
  });
});

describe("the door's earlier check-in", () => {
  it("matches scanning the day's events for every check-in of the day", () => {
    let second = 0;
    let checked = 0;
    for (const center of t.sandbox.world.centers) {
      const all = listEvents(db(), center.id, "0000", "9999");
      for (const e of all.filter((x) => x.type === "child.checked_in" && x.subjectId)) {
        const local = instantToZoned(new Date(e.occurredAt), center.timeZone);
        const dayStart = zonedDateTimeToInstant(local.date, "00:00", center.timeZone);
        // What the gate computed before: every event of the day so far, scanned.
        const scanned = listEvents(db(), center.id, dayStart.toISOString(), e.occurredAt).some(
          (x) => x.type === "child.checked_in" && x.subjectId === e.subjectId,
        );
        const probed = hasCheckInBetween(
          db(),
          center.id,
          e.subjectId!,
          dayStart.toISOString(),
          e.occurredAt,
        );
        expect(probed, `${e.subjectId} at ${e.occurredAt}`).toBe(scanned);
        checked++;
        if (scanned) second++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // The day has second arrivals (back from school, room changes), so both answers are tested.
    expect(second).toBeGreaterThan(0);
  });

  it("is one probe of the check-in index, not a scan of the day", () => {
    const client = db().$client;
    const prepare = vi.spyOn(client, "prepare");
    let sql: string;
    try {
      hasCheckInBetween(db(), "c", "k", "a", "b");
      sql = String(prepare.mock.calls.at(-1)?.[0]);
    } finally {
      prepare.mockRestore();
    }
    const plan = client.prepare(`explain query plan ${sql}`).all("c", "k", "a", "b", 1) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(
      /SEARCH attendance_events USING (COVERING )?INDEX attendance_child_checkins \(center_id=\? AND subject_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
    );
  });
});
