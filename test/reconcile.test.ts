/**
 * The reconciliation job finds and repairs what a dropped webhook left wrong, by polling the
 * platforms' current-attendance endpoints (the sandbox's fake APIs over real HTTP), and records
 * every repair with what it found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxDelivery } from "../src/sandbox/index.js";
import { listRepairs, recentRuns } from "../src/storage/reconciliation.js";
import { startTestService, type TestService } from "./support/service.js";
import { liveSnapshot, sortedTruth } from "./support/state.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.stop());

describe("reconciliation", () => {
  it("repairs a dropped check-in and a dropped staff clock-in, and records what it found", async () => {
    let droppedChild: SandboxDelivery | undefined;
    let droppedStaff: SandboxDelivery | undefined;
    // Infants stay all day, so a dropped infant check-in is still wrong at 09:00.
    const infants = t.sandbox.world.centers[0]?.rooms.find((r) => r.ageGroup === "infant")?.id;
    t.sandbox.dropWebhooks((d) => {
      if (!droppedChild && d.event.kind === "child.checked_in" && d.event.roomId === infants) {
        droppedChild = d;
        return true;
      }
      if (
        !droppedStaff &&
        d.provider === "kangarootime" &&
        d.event.kind === "staff.clocked_in" &&
        d.event.roomId
      ) {
        droppedStaff = d;
        return true;
      }
      return false;
    });
    for (const d of t.sandbox.advanceTo(new Date("2026-11-23T17:00:00Z"))) {
      expect((await t.post(d)).status).toBe(200);
    }
    t.settle();
    expect(droppedChild && droppedStaff).toBeTruthy();
    const procare = "center_001";
    expect(liveSnapshot(t.service.ctx.db, procare)).not.toEqual(
      sortedTruth(t.sandbox.truth(procare)),
    );

    const repairs = await t.service.reconcileNow();
    expect(repairs).toBe(2);
    for (const center of t.sandbox.world.centers) {
      expect(liveSnapshot(t.service.ctx.db, center.id)).toEqual(
        sortedTruth(t.sandbox.truth(center.id)),
      );
    }

    const runs = recentRuns(t.service.ctx.db).filter((r) => r.repairs > 0);
    const recorded = runs.flatMap((r) => listRepairs(t.service.ctx.db, r.id));
    const child = droppedChild?.event.kind === "child.checked_in" ? droppedChild.event : undefined;
    expect(recorded).toContainEqual(
      expect.objectContaining({
        subjectKind: "child",
        subjectId: child?.childId,
        found: { present: false, roomId: null },
        platform: { present: true, roomId: child?.roomId },
        action: "child.checked_in",
      }),
    );
    expect(recorded.find((r) => r.subjectKind === "staff")?.action).toMatch(/^staff.clocked_in/);
    expect(runs.every((r) => r.status === "ok" && r.asOf !== null)).toBe(true);
  });

  it("a second pass finds nothing to repair", async () => {
    expect(await t.service.reconcileNow()).toBe(0);
  });

  it("a late-arriving webhook for an already repaired event changes nothing", async () => {
    t.sandbox.dropWebhooks(null);
    const withheld = t.sandbox.withheld();
    expect(withheld.length).toBe(2);
    for (const d of withheld) expect((await t.post(d)).status).toBe(200);
    t.settle();
    for (const center of t.sandbox.world.centers) {
      expect(liveSnapshot(t.service.ctx.db, center.id)).toEqual(
        sortedTruth(t.sandbox.truth(center.id)),
      );
    }
  });
});
