/**
 * The late pick-up draft carries the family's history: a family late twice in the last 30 days
 * (and once 40 days ago, outside the window) gets a third-time draft naming the two earlier days
 * with their minutes and fees under the center's policy; a sibling's late day counts for the
 * family, an on-time day does not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../src/domain/index.js";
import { weekdayOf, zonedDateTimeToInstant } from "../src/domain/time.js";
import { draftingPolicySchema } from "../src/drafting/index.js";
import { attendancePatternInputSchema } from "../src/drafting/jobs/attendance-pattern.js";
import { latePickupInputSchema } from "../src/drafting/jobs/late-pickup.js";
import { scanEvents, scanSchedule } from "../src/drafting/triggers.js";
import { applyEvents } from "../src/live/apply.js";
import { authorizedPickups } from "../src/sandbox/index.js";
import { listAgentJobs } from "../src/storage/agent-jobs.js";
import { listApprovals } from "../src/storage/approvals.js";
import { listEvents } from "../src/storage/attendance.js";
import { inTransaction } from "../src/storage/db.js";
import { getCenter } from "../src/storage/directory.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t?.stop());

describe("late pick-up history", () => {
  it("the draft's input lists the family's earlier late pick-ups in the window", async () => {
    const db = t.service.ctx.db;
    const simCenter = t.sandbox.world.centers[0]!;
    const center = getCenter(db, simCenter.id)!;
    // A family with two children, so a sibling's late day is part of the family's history.
    const byFamily = new Map<string, typeof simCenter.children>();
    for (const c of simCenter.children) {
      byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
    }
    const [first, sibling] = [...byFamily.values()].find((kids) => kids.length >= 2)!;
    const policy = draftingPolicySchema.parse({
      latePickup: { closesAt: "18:00", graceMinutes: 5, fee: { per: "minute", amountCents: 100 } },
    });
    let n = 0;
    const at = (date: string, time: string) =>
      zonedDateTimeToInstant(date, time, center.timeZone).toISOString();
    const pickUp = (childId: string, occurredAt: string) => {
      const child = simCenter.children.find((c) => c.id === childId)!;
      const events: DomainEvent[] = [
        {
          type: "child.checked_in",
          centerId: center.id,
          occurredAt: new Date(Date.parse(occurredAt) - 9 * 3_600_000).toISOString(),
          childId,
          roomId: child.homeRoomId,
        },
        {
          type: "child.checked_out",
          centerId: center.id,
          occurredAt,
          childId,
          pickedUpBy: authorizedPickups(t.sandbox.world, child)[0]!.name,
        },
      ];
      inTransaction(db, (tx) =>
        applyEvents(
          tx,
          { source: "import", provider: center.provider, sourceEventId: `history-${n++}` },
          events,
          new Date().toISOString(),
        ),
      );
    };
    pickUp(first!.id, at("2026-10-14", "18:30")); // 40 days before: outside the window
    pickUp(first!.id, at("2026-11-02", "18:12")); // 12 min late
    pickUp(sibling!.id, at("2026-11-16", "18:21")); // the sibling, 21 min late
    pickUp(first!.id, at("2026-11-18", "17:58")); // on time
    pickUp(first!.id, at(SANDBOX_DATE, "18:09")); // today, 9 min late
    const now = new Date(at(SANDBOX_DATE, "18:30"));
    scanEvents(db, center, policy, now, new Date());
    const jobs = listAgentJobs(db, { centerId: center.id, job: "late-pickup" }).filter(
      (j) => (j.input as { childId: string }).childId === first!.id,
    );
    expect(jobs).toHaveLength(1);
    const input = latePickupInputSchema.parse(jobs[0]!.input);
    expect(input.assessment.minutesAfterClose).toBe(9);
    expect(input.history.windowDays).toBe(30);
    expect(input.history.earlier).toEqual([
      { date: "2026-11-02", childId: first!.id, minutesAfterClose: 12, feeCents: 1200 },
      { date: "2026-11-16", childId: sibling!.id, minutesAfterClose: 21, feeCents: 2100 },
    ]);
  });

  it("after close, a pattern today's records complete becomes one pending family follow-up", async () => {
    const db = t.service.ctx.db;
    const simCenter = t.sandbox.world.centers[0]!;
    const center = getCenter(db, simCenter.id)!;
    // A child with no recorded history yet (the test above wrote some for one family).
    const seen = new Set(
      listEvents(db, center.id, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z").map(
        (e) => e.subjectId,
      ),
    );
    const child = simCenter.children.find(
      (c) =>
        !seen.has(c.id) && c.schedule.length === 5 && c.schedule.every((d) => d.depart <= "17:30"),
    )!;
    const policy = draftingPolicySchema.parse({
      latePickup: { closesAt: "18:00", fee: { per: "minute", amountCents: 100 } },
    });
    const local = (date: string, time: string) =>
      zonedDateTimeToInstant(date, time, center.timeZone).toISOString();
    const plus = (iso: string, minutes: number) =>
      new Date(Date.parse(iso) + minutes * 60_000).toISOString();
    let n = 0;
    for (const date of ["2026-11-09", "2026-11-12", SANDBOX_DATE]) {
      const day = child.schedule.find((d) => d.day === weekdayOf(date))!;
      inTransaction(db, (tx) =>
        applyEvents(
          tx,
          { source: "import", provider: center.provider, sourceEventId: `pattern-${n++}` },
          [
            {
              type: "child.checked_in",
              centerId: center.id,
              occurredAt: local(date, day.arrive),
              childId: child.id,
              roomId: child.homeRoomId,
            },
            {
              type: "child.checked_out",
              centerId: center.id,
              occurredAt: plus(local(date, day.depart), 20),
              childId: child.id,
              pickedUpBy: authorizedPickups(t.sandbox.world, child)[0]!.name,
            },
          ],
          new Date().toISOString(),
        ),
      );
    }
    const jobsFor = () =>
      listAgentJobs(db, { centerId: center.id, job: "attendance-pattern" }).filter(
        (j) => (j.input as { childId: string }).childId === child.id,
      );
    scanSchedule(db, center, policy, new Date(local(SANDBOX_DATE, "17:00")), new Date());
    expect(jobsFor()).toHaveLength(0);
    scanSchedule(db, center, policy, new Date(local(SANDBOX_DATE, "18:30")), new Date());
    scanSchedule(db, center, policy, new Date(local(SANDBOX_DATE, "19:30")), new Date());
    const jobs = jobsFor();
    expect(jobs).toHaveLength(1);
    const input = attendancePatternInputSchema.parse(jobs[0]!.input);
    expect(input.finding.kind).toBe("chronic_late_pickup");
    expect(input.finding.dates).toEqual(["2026-11-09", "2026-11-12", SANDBOX_DATE]);
    expect(input.finding.recordIds).toHaveLength(6);
    await t.service.drafting.runDue();
    const drafts = listApprovals(db).filter(
      (a) => a.subject === child.id && (a.context as { job?: string }).job === "attendance-pattern",
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ state: "pending", kind: "family_message" });
    expect(String((drafts[0]!.platformCall as { body: string }).body)).toContain("November 12");
  });
});
