import { describe, expect, it } from "vitest";
import { platformCallSchema } from "../approvals/platform-call.js";
import type { Shift } from "../domain/index.js";
import type { staff as staffRules } from "../rules/index.js";
import {
  floatedShifts,
  planDedupeKey,
  planProposal,
  spareStaff,
  suggestionId,
  withNames,
} from "./plan-proposal.js";

const DATE = "2026-11-23";
const center = { id: "c1", timeZone: "America/Los_Angeles" };

function slot(start: string, over: Partial<staffRules.PlanSlot> = {}): staffRules.PlanSlot {
  const m = Number(start.slice(3)) + 15;
  const end =
    m === 60
      ? `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00`
      : `${start.slice(0, 3)}${m}`;
  return {
    date: DATE,
    slot: 0,
    start,
    end,
    expected: 4,
    scheduled: 4,
    basis: "history",
    historyDates: [],
    planningChildren: 4,
    staffIds: ["s1", "s2"],
    onBreak: [],
    countedStaff: 2,
    requiredStaff: 1,
    status: "over",
    staffShort: 0,
    reasons: [],
    spare: ["s1", "s2"],
    breakCover: null,
    observed: null,
    ...over,
  };
}
const plan = (roomId: string, slots: staffRules.PlanSlot[]): staffRules.StaffingPlan => ({
  roomId,
  weekStart: DATE,
  days: [
    {
      date: DATE,
      open: true,
      why: "open: 4 shifts scheduled",
      staffedFrom: "07:00",
      staffedUntil: "17:00",
    },
  ],
  slots,
  suggestions: [],
  weights: [0.4, 0.3, 0.2, 0.1],
});
const floater = (over: Partial<{ staff: number; start: string; end: string }> = {}) =>
  ({
    kind: "floater",
    date: DATE,
    start: "15:30",
    end: "16:00",
    staff: 1,
    reason: "Up to 8 children expected 15:30–16:00.",
    ...over,
  }) as const;
const moveBreak = {
  kind: "shift_break",
  date: DATE,
  staffId: "s9",
  shiftId: "sh9",
  from: { start: "12:30", end: "13:00" },
  to: { start: "14:00", end: "14:30" },
  reason: "s9's break leaves the room short.",
} as const;
const names = { target: "Owls", donor: "Ducklings", s1: "Ana One", s2: "Bo Two" };

describe("staffing plan proposals", () => {
  it("names each suggestion by its date, kind and span", () => {
    expect(suggestionId(floater())).toBe(`${DATE}.floater.15:30-16:00`);
    expect(suggestionId(moveBreak)).toBe(`${DATE}.break.s9.12:30`);
  });

  it("finds only staff present and not on break in every slot of a room over-staffed all span", () => {
    const plans = [
      plan("target", [slot("15:30", { status: "under" }), slot("15:45", { status: "under" })]),
      plan("donor", [
        slot("15:15", { status: "ok" }),
        slot("15:30"),
        slot("15:45", { onBreak: ["s1"], spare: ["s2"] }),
        slot("16:00", { status: "ok" }),
      ]),
      // Over-staffed only in part of the span: nobody there can go for all of it.
      plan("half", [
        slot("15:30", { staffIds: ["s3", "s4"], spare: ["s3", "s4"] }),
        slot("15:45", { staffIds: ["s3", "s4"], status: "ok", spare: [] }),
      ]),
      // More counted staff than required all span, but the third covers breaks: nobody is spare.
      plan("tight", [
        slot("15:30", { staffIds: ["s5", "s6", "s7"], countedStaff: 3, status: "ok", spare: [] }),
        slot("15:45", { staffIds: ["s5", "s6", "s7"], countedStaff: 3, status: "ok", spare: [] }),
      ]),
      // Spare in one slot, but not the same person in the next.
      plan("swap", [
        slot("15:30", { staffIds: ["s8", "s9"], spare: ["s8"] }),
        slot("15:45", { staffIds: ["s8", "s9"], spare: ["s9"] }),
      ]),
    ];
    expect(spareStaff(plans, "target", DATE, { start: "15:30", end: "16:00" })).toEqual([
      { staffId: "s2", fromRoomId: "donor" },
    ]);
  });

  it("floats someone by giving their own shift a break over the span and a shift in the room", () => {
    const shift = (id: string, staffId: string, date = DATE): Shift => ({
      id,
      centerId: "c1",
      staffId,
      date,
      start: "07:00",
      end: "17:00",
      roomId: "donor",
      breaks: [{ start: "12:00", end: "12:30" }],
    });
    const out = floatedShifts(
      [shift("a", "s2"), shift("b", "s1"), shift("c", "s2", "2026-11-24")],
      {
        staffId: "s2",
        roomId: "target",
        date: DATE,
        start: "15:30",
        end: "16:00",
      },
    );
    expect(out[0]!.breaks).toEqual([
      { start: "12:00", end: "12:30" },
      { start: "15:30", end: "16:00" },
    ]);
    expect(out[1]!.breaks).toHaveLength(1);
    expect(out[2]!.breaks).toHaveLength(1);
    expect(out[3]).toMatchObject({
      staffId: "s2",
      roomId: "target",
      date: DATE,
      start: "15:30",
      end: "16:00",
      breaks: [],
    });
  });

  it("makes a one-person floater with someone to spare a staff.assign at the span's local start", () => {
    const p = planProposal({
      center,
      roomId: "target",
      suggestion: floater(),
      spare: { staffId: "s2", fromRoomId: "donor" },
      names,
      actor: "user:u1",
    });
    expect(p).toMatchObject({
      kind: "staff_reassignment",
      roomId: "target",
      subject: "s2",
      title: `Move Bo Two to Owls (${DATE} 15:30–16:00)`,
      draftSource: "template",
      actor: "user:u1",
      dedupeKey: planDedupeKey("c1", "target", floater(), "s2"),
      platformCall: {
        op: "staff.assign",
        centerId: "c1",
        staffId: "s2",
        roomId: "target",
        // 15:30 in Los Angeles in November (PST, UTC−8).
        at: "2026-11-23T23:30:00.000Z",
      },
    });
    expect(platformCallSchema.safeParse(p.platformCall).success).toBe(true);
    expect(p.dedupeKey).toBe(`staffing-plan:c1:target:${DATE}:15:30-16:00:floater:s2`);
  });

  it("makes a task for the director when nobody can be spared, two are needed, or a break moves", () => {
    const nobody = planProposal({
      center,
      roomId: "target",
      suggestion: floater(),
      spare: null,
      names,
      actor: "user:u1",
    });
    const two = planProposal({
      center,
      roomId: "target",
      suggestion: floater({ staff: 2 }),
      spare: { staffId: "s2", fromRoomId: "donor" },
      names,
      actor: "user:u1",
    });
    const moved = planProposal({
      center,
      roomId: "target",
      suggestion: moveBreak,
      spare: null,
      names,
      actor: "user:u1",
    });
    for (const p of [nobody, two, moved]) {
      expect(p.kind).toBe("task");
      expect(p.platformCall).toMatchObject({
        op: "task.create",
        assignedTo: "director",
        dueDate: DATE,
      });
      expect(platformCallSchema.safeParse(p.platformCall).success).toBe(true);
    }
    expect(nobody.title).toBe(`Find a floater for Owls, ${DATE} 15:30–16:00`);
    expect(two.title).toBe(`Find 2 floaters for Owls, ${DATE} 15:30–16:00`);
    expect(moved.title).toBe(`Move s9's break in Owls on ${DATE} to 14:00–14:30`);
    expect(moved.subject).toBe("s9");
    // The same span and person: one key, so proposing twice keeps one approval.
    expect(new Set([nobody.dedupeKey, two.dedupeKey, moved.dedupeKey]).size).toBe(3);
    expect(
      planProposal({
        center,
        roomId: "target",
        suggestion: floater(),
        spare: null,
        names,
        actor: "user:u2",
      }).dedupeKey,
    ).toBe(nobody.dedupeKey);
  });
});

describe("withNames", () => {
  it("names whole ids only, leaving longer ids and unknown words alone", () => {
    const names = { emp_117: "Ulysses Galvanez", room_101: "Trailblazers" };
    expect(withNames("emp_117's break in room_101; emp_1171 and emp_11 stay", names)).toBe(
      "Ulysses Galvanez's break in Trailblazers; emp_1171 and emp_11 stay",
    );
  });
});
