/**
 * The late pick-up draft carries the family's history: a family late twice in the last 30 days
 * (and once 40 days ago, outside the window) gets a third-time draft naming the two earlier days
 * with their minutes and fees under the center's policy; a sibling's late day counts for the
 * family, an on-time day does not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../src/domain/index.js";
import { zonedDateTimeToInstant } from "../src/domain/time.js";
import { draftingPolicySchema } from "../src/drafting/index.js";
import { latePickupInputSchema } from "../src/drafting/jobs/late-pickup.js";
import { scanEvents } from "../src/drafting/triggers.js";
import { applyEvents } from "../src/live/apply.js";
import { authorizedPickups } from "../src/sandbox/index.js";
import { listAgentJobs } from "../src/storage/agent-jobs.js";
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
});
