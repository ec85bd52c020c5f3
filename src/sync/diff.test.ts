import { describe, expect, it } from "vitest";
import type { PresenceSnapshot } from "../domain/index.js";
import { emptyPresence, type Presence } from "../live/project.js";
import { diffPresence } from "./diff.js";

const at = "2026-11-23T10:00:00.000Z";
const earlier = "2026-11-23T08:00:00.000Z";

function here(
  kind: "child" | "staff",
  id: string,
  roomId: string | null,
  onBreak = false,
): Presence {
  return {
    ...emptyPresence("c1", kind, id),
    present: true,
    presentAt: earlier,
    roomId,
    roomAt: earlier,
    onBreak,
    breakAt: onBreak ? earlier : null,
  };
}

const snapshot = (s: Partial<PresenceSnapshot>): PresenceSnapshot => ({
  centerId: "c1",
  asOf: at,
  children: [],
  staff: [],
  ...s,
});

describe("diffPresence", () => {
  it("finds nothing when live state matches the platform", () => {
    const live = [here("child", "k1", "r1"), here("staff", "s1", "r1")];
    const snap = snapshot({
      children: [{ childId: "k1", roomId: "r1" }],
      staff: [{ staffId: "s1", roomId: "r1", onBreak: false }],
    });
    expect(diffPresence(snap, live)).toEqual([]);
  });

  it("checks in a child the platform has and we missed, stamped with the snapshot time", () => {
    const [drift] = diffPresence(snapshot({ children: [{ childId: "k1", roomId: "r1" }] }), []);
    expect(drift?.events).toEqual([
      { type: "child.checked_in", centerId: "c1", occurredAt: at, childId: "k1", roomId: "r1" },
    ]);
    expect(drift?.found).toEqual({ present: false, roomId: null });
  });

  it("moves a child we have in the wrong room, and checks out one the platform no longer has", () => {
    const drifts = diffPresence(snapshot({ children: [{ childId: "k1", roomId: "r2" }] }), [
      here("child", "k1", "r1"),
      here("child", "k2", "r1"),
    ]);
    expect(drifts.map((d) => d.events[0]?.type)).toEqual(["child.moved", "child.checked_out"]);
  });

  it("repairs staff presence, room and break separately", () => {
    const drifts = diffPresence(
      snapshot({
        staff: [
          { staffId: "s1", roomId: "r2", onBreak: true },
          { staffId: "s2", roomId: "r1", onBreak: false },
        ],
      }),
      [here("staff", "s1", "r1")],
    );
    expect(drifts[0]?.events.map((e) => e.type)).toEqual(["staff.assigned", "staff.break_started"]);
    expect(drifts[1]?.events.map((e) => e.type)).toEqual(["staff.clocked_in"]);
  });

  it("leaves alone staff clocked in without a room (no roster lists them)", () => {
    expect(diffPresence(snapshot({}), [here("staff", "director", null)])).toEqual([]);
  });
});
