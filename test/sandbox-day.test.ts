/**
 * A whole sandbox day through real HTTP, hour by hour: at every checkpoint, and at the end of the
 * day, live state equals the sandbox's own truth for every room of every center.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomStates } from "../src/live/index.js";
import { startTestService, type TestService } from "./support/service.js";
import { liveSnapshot, sortedTruth } from "./support/state.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.stop());

function expectLiveEqualsTruth() {
  const db = t.service.ctx.db;
  for (const center of t.sandbox.world.centers) {
    const truth = t.sandbox.truth(center.id);
    expect(liveSnapshot(db, center.id)).toEqual(sortedTruth(truth));
    for (const room of roomStates(db, center.id)) {
      const kids = truth.children
        .filter((c) => c.roomId === room.id)
        .map((c) => c.childId)
        .sort();
      const staff = truth.staff.filter((s) => s.roomId === room.id);
      expect(room.children.map((c) => c.id).sort(), `${center.id}/${room.id}`).toEqual(kids);
      expect(room.counts.staffPresent + room.counts.staffOnBreak).toBe(staff.length);
      expect(room.counts.staffOnBreak).toBe(staff.filter((s) => s.onBreak).length);
    }
  }
}

describe("a sandbox day", () => {
  it("keeps live state equal to the sandbox's truth, hour by hour, to the end of the day", async () => {
    const { startsAt, endsAt } = t.sandbox.plan;
    let delivered = 0;
    let peakChildren = 0;
    for (let at = new Date(startsAt).getTime(); ; at += 3_600_000) {
      const until = new Date(Math.min(at, new Date(endsAt).getTime()));
      for (const d of t.sandbox.advanceTo(until)) {
        const res = await t.post(d);
        expect(res.status, d.body).toBe(200);
        delivered++;
      }
      t.settle();
      expectLiveEqualsTruth();
      const present = t.sandbox.world.centers.reduce(
        (n, c) => n + t.sandbox.truth(c.id).children.length,
        0,
      );
      peakChildren = Math.max(peakChildren, present);
      if (until.getTime() >= new Date(endsAt).getTime()) break;
    }
    // The day really happened: hundreds of events, most children in at the peak, and all gone.
    expect(delivered).toBeGreaterThan(300);
    expect(peakChildren).toBeGreaterThan(80);
    for (const center of t.sandbox.world.centers) {
      expect(t.sandbox.truth(center.id).children).toEqual([]);
      expect(liveSnapshot(t.service.ctx.db, center.id)).toEqual({ children: [], staff: [] });
    }
  });
});
