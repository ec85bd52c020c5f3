/**
 * A whole sandbox day (both centers) through the real service, one business minute at a time with
 * the periodic re-evaluation as the only timer: `approaching` means something. Every violation is
 * alerted the moment it starts; a violation the 15-minute forecast could see coming was preceded by
 * an `approaching` alert for its room; and a room merely run by one staff member with room to
 * spare raises nothing. Prints the day's alerts by kind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centerOutlook } from "../src/compliance/index.js";
import { listAlerts } from "../src/storage/alerts.js";
import { listHistory, listRoomStatus, listViolations } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
}, 60_000);
afterAll(() => t?.stop());

const MINUTE = 60_000;
const HORIZON_MINUTES = 15;

describe("a sandbox day of approaching alerts", () => {
  it("warns ahead of every foreseeable violation, alerts every violation, and nothing idle", async () => {
    const { startsAt, endsAt } = t.sandbox.plan;
    const db = t.service.ctx.db;
    const centers = t.sandbox.world.centers;
    /** room → the first business minute a 15-minute forecast showed a breach there, per episode. */
    const foreseen: { centerId: string; roomId: string; seenAt: number; breachAt: number }[] = [];
    /** Rooms with one counted staff member, room to spare, and no breach in sight, at any minute. */
    let idleSingles = 0;
    let idleSinglesApproaching = 0;

    for (let at = Date.parse(startsAt); at <= Date.parse(endsAt) + 5 * MINUTE; at += MINUTE) {
      for (const d of t.sandbox.advanceTo(new Date(Math.min(at, Date.parse(endsAt))))) {
        expect((await t.post(d)).status).toBe(200);
      }
      t.settle();
      await t.service.evaluateDue();
      await t.service.alerting.tick();
      await t.service.alerting.whenIdle();

      const now = new Date(t.service.ctx.clock());
      for (const center of centers) {
        const statuses = new Map(listRoomStatus(db, center.id).map((r) => [r.roomId, r]));
        for (const room of centerOutlook(db, center.id, now, HORIZON_MINUTES)) {
          const first = room.forecast.firstBreach;
          const compliantNow = room.forecast.timeline[0]?.compliant ?? true;
          if (first && compliantNow) {
            const open = foreseen.find(
              (f) =>
                f.roomId === room.roomId && f.centerId === center.id && f.breachAt >= now.getTime(),
            );
            if (!open) {
              foreseen.push({
                centerId: center.id,
                roomId: room.roomId,
                seenAt: now.getTime(),
                breachAt: Date.parse(first.at),
              });
            }
          }
          const row = statuses.get(room.roomId);
          const evaluation = row?.evaluation as
            | { countedStaff: number; canTake: number; compliant: boolean }
            | undefined;
          if (
            evaluation?.compliant &&
            evaluation.countedStaff === 1 &&
            evaluation.canTake > 0 &&
            first === null
          ) {
            idleSingles++;
            if (row?.status === "approaching") idleSinglesApproaching++;
          }
        }
      }
    }

    // Why rooms were approaching: full (the next check-in breaches) or a forecast breach.
    let forecastApproaching = 0;
    let fullApproaching = 0;
    for (const center of centers) {
      for (const { roomId } of listRoomStatus(db, center.id)) {
        for (const h of listHistory(db, center.id, roomId, "2000-01-01", "2100-01-01")) {
          if (h.status !== "approaching") continue;
          const e = h.evaluation as { forecastBreach: unknown; canTake: number };
          if (e.forecastBreach) forecastApproaching++;
          if (e.canTake === 0) fullApproaching++;
        }
      }
    }
    const counts: Record<string, number> = {};
    let violationsSeen = 0;
    let foreseenViolations = 0;
    for (const center of centers) {
      const alerts = listAlerts(db, center.id, { from: "2000-01-01", to: "2100-01-01" });
      for (const a of alerts) {
        const key = `${center.id} ${a.kind}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      for (const v of listViolations(db, center.id)) {
        violationsSeen++;
        // Alerted the moment it started: an out-of-ratio alert opened at the same business instant.
        const alert = alerts.find(
          (a) => a.kind === "out_of_ratio" && a.roomId === v.roomId && a.openedAt === v.startedAt,
        );
        expect(alert, `${center.id}/${v.roomId} violation at ${v.startedAt}`).toBeDefined();

        // Foreseen: some minute before it started, the forecast showed a breach by then.
        const start = Date.parse(v.startedAt);
        const seen = foreseen.find(
          (f) =>
            f.centerId === center.id &&
            f.roomId === v.roomId &&
            f.seenAt < start &&
            f.breachAt <= start &&
            start - f.seenAt <= HORIZON_MINUTES * MINUTE,
        );
        if (!seen) continue;
        foreseenViolations++;
        const warned = alerts.find(
          (a) =>
            a.kind === "approaching" &&
            a.roomId === v.roomId &&
            Date.parse(a.openedAt) < start &&
            (a.resolvedAt === null || Date.parse(a.resolvedAt) >= seen.seenAt),
        );
        expect(
          warned,
          `${center.id}/${v.roomId}: breach at ${v.startedAt} foreseen at ${new Date(seen.seenAt).toISOString()} without an approaching alert`,
        ).toBeDefined();
      }
    }

    process.stdout.write(
      `approaching day: ${JSON.stringify({ alerts: counts, violationsSeen, foreseenViolations, idleSingles, fullApproaching, forecastApproaching })}\n`,
    );
    // The day really had violations to see, and single-staffed rooms with room to spare.
    expect(violationsSeen).toBeGreaterThanOrEqual(2);
    expect(idleSingles).toBeGreaterThan(0);
    expect(idleSinglesApproaching).toBe(0);
  }, 600_000);
});
