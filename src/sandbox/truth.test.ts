import { describe, expect, it } from "vitest";
import { presenceSnapshotSchema } from "../domain/index.js";
import type { SandboxEvent, SandboxEventBody } from "./events.js";
import { createTruth } from "./truth.js";

let seq = 0;
const ev = (at: string, body: SandboxEventBody): SandboxEvent =>
  ({ ...body, id: `c1:test:${seq}`, seq: seq++, centerId: "c1", at }) as SandboxEvent;

describe("truth", () => {
  it("tracks children by room and staff by room and break", () => {
    const truth = createTruth(["c1"]);
    truth.apply(
      ev("2026-11-23T14:30:00Z", { kind: "staff.clocked_in", staffId: "s1", roomId: "r1" }),
    );
    truth.apply(
      ev("2026-11-23T15:00:00Z", {
        kind: "child.checked_in",
        childId: "k1",
        roomId: "r1",
        method: "pin_pad",
        staffId: null,
      }),
    );
    truth.apply(
      ev("2026-11-23T16:00:00Z", {
        kind: "child.moved",
        childId: "k1",
        fromRoomId: "r1",
        toRoomId: "r2",
      }),
    );
    truth.apply(ev("2026-11-23T17:00:00Z", { kind: "staff.break_started", staffId: "s1" }));
    const snap = truth.snapshot("c1", new Date("2026-11-23T17:05:00Z"));
    expect(presenceSnapshotSchema.parse(snap)).toEqual({
      centerId: "c1",
      asOf: "2026-11-23T17:05:00.000Z",
      children: [{ childId: "k1", roomId: "r2" }],
      staff: [{ staffId: "s1", roomId: "r1", onBreak: true }],
    });
    // Moving keeps the original check-in time; the room time changes.
    expect(truth.children("c1")[0]).toMatchObject({
      checkedInAt: "2026-11-23T15:00:00Z",
      inRoomSince: "2026-11-23T16:00:00Z",
    });
    truth.apply(ev("2026-11-23T17:30:00Z", { kind: "staff.break_ended", staffId: "s1" }));
    truth.apply(
      ev("2026-11-23T18:00:00Z", { kind: "staff.assigned", staffId: "s1", roomId: "r2" }),
    );
    expect(truth.staff("c1")).toEqual([
      { staffId: "s1", roomId: "r2", onBreak: false, clockedInAt: "2026-11-23T14:30:00Z" },
    ]);
  });

  it("throws on events the script should never produce", () => {
    const truth = createTruth(["c1"]);
    const out = ev("2026-11-23T15:00:00Z", {
      kind: "child.checked_out",
      childId: "k9",
      roomId: "r1",
      pickedUpBy: "Someone",
      relationship: null,
      method: "pin_pad",
    });
    expect(() => truth.apply(out)).toThrow(/not checked in/);
    expect(() =>
      truth.apply(ev("2026-11-23T15:00:00Z", { kind: "staff.break_started", staffId: "s9" })),
    ).toThrow(/not clocked in/);
    expect(() => truth.snapshot("nope", new Date())).toThrow(RangeError);
  });
});
