import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CoverageOptions, type CoverageRoom, proposeCoverage } from "./coverage.js";
import { evaluateRoom } from "./evaluate.js";
import {
  type RatioStatus,
  type RoomInput,
  roomInputSchema,
  type StaffRoleInput,
  staffRoleInputSchema,
} from "./evaluation.js";
import type { FutureEventInput } from "./forecast.js";
import type { RulePack } from "./pack.js";
import { getRulePack } from "./packs/index.js";

const tx = getRulePack("US-TX")!;
const ca = getRulePack("US-CA")!;
// Monday 2026-11-23, 09:00 in Chicago.
const now = new Date("2026-11-23T15:00:00Z");
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const localDate = "2026-11-23";
/** Two-year-olds: Texas 1:11, group 22. */
const twos = (n: number, prefix = "c") =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, ageMonths: 30 }));
const teacher = (id: string, extra: Partial<RoomInput["staff"][number]> = {}) => ({
  id,
  ageYears: 30,
  role: "teacher" as StaffRoleInput,
  ...extra,
});
const floater = (id: string) => teacher(id, { role: "floater" });
const room = (roomId: string, roomName: string, kids: number, staff: string[]): CoverageRoom => ({
  roomId,
  roomName,
  state: { children: twos(kids, `${roomId}-c`), staff: staff.map((id) => teacher(id)) },
});

/** Toddlers: 12 two-year-olds and one teacher, so one counted staff member short. */
const short: RoomInput = { children: twos(12), staff: [teacher("t1")] };
const names = new Map([
  ["f1", "Dana"],
  ["b1", "Sam"],
]);

function propose(
  others: CoverageRoom[],
  unassigned: RoomInput["staff"],
  options: Partial<CoverageOptions> = {},
  target: RoomInput = short,
  pack: RulePack = tx,
) {
  const result = proposeCoverage(
    pack,
    { roomId: "tod", roomName: "Toddlers", state: target },
    others,
    { unassigned, staffNames: names },
    now,
    { localDate, ...options },
  );
  if (!result.ok) throw result.error;
  return result.value;
}

describe("proposeCoverage", () => {
  it("prefers a floater in no room over a room donor, and says why in plain words", () => {
    const { proposals } = propose([room("b", "Twos B", 5, ["b1", "b2"])], [floater("f1")]);
    expect(proposals.map((p) => [p.staffId, p.kind, p.fromRoomId])).toEqual([
      ["f1", "floater", null],
      ["b1", "room_with_slack", "b"],
      ["b2", "room_with_slack", "b"],
    ]);
    const [first, second] = proposals;
    expect(first).toMatchObject({
      toRoomId: "tod",
      fixesFully: true,
      donorAfter: null,
      requiresApproval: true,
      targetAfter: { compliant: true, countedStaff: 2, requiredStaff: 2 },
    });
    expect(first?.reasoning).toEqual([
      "Dana (floater, unassigned) can cover Toddlers: 12 children need 2 counted staff and 1 count " +
        "now; moving Dana makes 2 of 2.",
      "That brings Toddlers back into ratio (ok).",
      "No room loses coverage.",
    ]);
    expect(second?.donorAfter).toMatchObject({
      compliant: true,
      status: "ok",
      oneLessBreaches: true,
      note: "1 staff — cover needed before a break",
    });
    expect(second?.reasoning.at(-1)).toBe(
      "Twos B stays in ratio without Sam: 5 children need 1 counted staff and 1 remain " +
        "(ok, but 1 staff — cover needed before a break).",
    );
  });

  it("ranks staff in no room (floater, then anyone) before donors", () => {
    const { proposals } = propose([room("b", "Twos B", 0, ["b1"])], [teacher("u1"), floater("f1")]);
    expect(proposals.map((p) => [p.staffId, p.kind])).toEqual([
      ["f1", "floater"],
      ["u1", "unassigned"],
      ["b1", "room_with_slack"],
    ]);
  });

  it("never proposes a donor that would fall out of ratio", () => {
    const result = propose(
      [room("c", "Twos C", 11, ["c1"]), room("d", "Twos D", 12, ["d1", "d2"])],
      [],
    );
    expect(result.proposals).toEqual([]);
    expect(result.reasons).toContain(
      "c1 (teacher) not proposed: moving them would leave Twos C out of ratio (short by 1 counted " +
        "staff: 0 for 11 children at 1 : 11; no counted staff member is a qualified teacher; children " +
        "with no counted staff).",
    );
    expect(result.reasons.at(-1)).toBe("No single move fixes or improves Toddlers.");
  });

  it("prefers a donor left with someone to spare over one left with nobody, then the most slack", () => {
    const { proposals } = propose(
      [
        room("a", "Twos A", 5, ["a1", "a2"]), // left with 1 of 1: nobody to spare
        room("m", "Twos M", 5, ["m1", "m2", "m3", "m4"]), // left with 3 of 1: ok
        room("z", "Twos Z", 5, ["z1", "z2", "z3"]), // left with 2 of 1: ok
      ],
      [],
    );
    expect(proposals.map((p) => [p.staffId, p.donorAfter?.oneLessBreaches])).toEqual([
      ["m1", false],
      ["m2", false],
      ["m3", false],
      ["m4", false],
      ["z1", false],
      ["z2", false],
      ["z3", false],
      ["a1", true],
      ["a2", true],
    ]);
  });

  it("never proposes staff who are unqualified, on break, under age, or otherwise not counted", () => {
    const result = propose(
      [
        {
          roomId: "b",
          roomName: "Twos B",
          state: { children: [], staff: [teacher("b9", { onBreak: true })] },
        },
      ],
      [
        teacher("u1", { role: "assistant" }),
        teacher("u2", { onBreak: true }),
        teacher("u3", { ageYears: 17 }),
        teacher("u4", { role: "director" }),
        teacher("u5", { qualified: false }),
        teacher("u6", { role: "volunteer" }),
      ],
    );
    expect(result.proposals).toEqual([]);
    const why = (id: string) => result.reasons.find((r) => r.startsWith(`${id} `));
    expect(why("u1")).toContain("not a qualified teacher");
    expect(why("u2")).toContain("would not count in Toddlers (on break)");
    expect(why("u3")).toContain("17 years old, under the minimum age of 18");
    expect(why("u4")).toContain("director not engaged in care");
    expect(why("u5")).toContain("not a qualified teacher");
    expect(why("u6")).toContain("volunteers do not count");
    expect(why("b9")).toContain("on break");
    // A director engaged in care counts and may be proposed.
    const director = propose([], [teacher("u7", { role: "director", engagedInCare: true })]);
    expect(director.proposals.map((p) => p.staffId)).toEqual(["u7"]);
  });

  it("does not propose an aide where the pack requires a qualified teacher (US-CA)", () => {
    // CA toddlers 1:6: an aide beside the teacher would add 6, but is not a qualified teacher.
    const target = { children: twos(7), staff: [teacher("t1")] } as RoomInput;
    const result = propose([], [teacher("u1", { role: "assistant" })], {}, target, ca);
    expect(result.proposals).toEqual([]);
    expect(result.reasons.join("\n")).toContain(
      "u1 (assistant) not proposed: not a qualified teacher",
    );
    const withTeacher = propose([], [teacher("u2")], {}, target, ca);
    expect(withTeacher.proposals.map((p) => [p.staffId, p.fixesFully])).toEqual([["u2", true]]);
  });

  it("is deterministic, whatever order rooms and staff are given in", () => {
    const others = [
      room("z", "Twos Z", 5, ["z2", "z1", "z3"]),
      room("a", "Twos A", 0, ["a1"]),
      room("m", "Twos M", 5, ["m1", "m2"]),
    ];
    const unassigned = [floater("f2"), teacher("u1"), floater("f1")];
    const a = propose(others, unassigned);
    expect(propose(others, unassigned)).toEqual(a);
    expect(propose([...others].reverse(), [...unassigned].reverse())).toEqual(a);
    expect(a.proposals.map((p) => p.staffId)).toEqual([
      "f1",
      "f2",
      "u1",
      "a1",
      "z1",
      "z2",
      "z3",
      "m1",
      "m2",
    ]);
  });

  it("proposes nothing when no move can fix the room, and says why", () => {
    // Over the maximum group size: more staff do not help; the group must be split.
    const crowded = { children: twos(23), staff: [teacher("t1"), teacher("t2"), teacher("t3")] };
    const result = propose([], [floater("f1")], {}, crowded);
    expect(result.proposals).toEqual([]);
    expect(result.reasons).toEqual([
      "Toddlers is out of ratio now: group of 23 is over the maximum group size of 22: split the group.",
      "Dana (floater) not proposed: would not improve Toddlers (group of 23 is over the maximum " +
        "group size of 22: split the group).",
      "No single move fixes or improves Toddlers.",
    ]);
    const nobody = propose([], []);
    expect(nobody.proposals).toEqual([]);
    expect(nobody.reasons.at(-1)).toContain("No one is free to move");
    const fine = propose([], [floater("f1")], {}, { children: twos(5), staff: [teacher("t1")] });
    expect(fine).toEqual({
      proposals: [],
      reasons: ["Toddlers is in ratio now; nothing to cover."],
    });
  });

  it("offers a partial fix when one move is not enough, after any full fix", () => {
    // 22 two-year-olds and nobody counted: two short. One floater helps but does not fix it.
    const empty = { children: twos(22), staff: [] };
    const { proposals } = propose([], [floater("f1")], {}, empty);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ fixesFully: false, targetAfter: { staffShort: 1 } });
    expect(proposals[0]?.reasoning.join(" ")).toContain(
      "This only partly helps: Toddlers stays out of ratio (short by 1 counted staff: 1 for 22 " +
        "children at 1 : 11).",
    );
  });

  describe("with the known future", () => {
    const future: FutureEventInput[] = [
      { type: "staff.leaves", at: plus(20), staffId: "t2", note: "shift ends 09:20" },
      { type: "staff.leaves", at: plus(10), staffId: "f2", note: "shift ends 09:10" },
      { type: "staff.leaves", at: plus(15), staffId: "d2", note: "shift ends 09:15" },
    ];
    const options = { future, timeZone: "America/Chicago" };
    const covered: RoomInput = { children: twos(12), staff: [teacher("t1"), teacher("t2")] };

    it("covers a room that will be out of ratio, skipping movers who leave too soon", () => {
      const result = propose(
        [room("d", "Twos D", 5, ["d1", "d2"])],
        [floater("f1"), floater("f2")],
        options,
        covered,
      );
      expect(result.reasons[0]).toBe(
        "Toddlers is forecast out of ratio at 09:20 when staff t2 leaves (shift ends 09:20): " +
          "short by 1 counted staff: 1 for 12 children at 1 : 11.",
      );
      expect(result.proposals.map((p) => [p.staffId, p.fixesFully, p.targetBreachAfter])).toEqual([
        ["f1", true, null],
      ]);
      expect(result.proposals[0]?.reasoning[1]).toBe(
        "That prevents the breach forecast at 09:20: no breach is forecast for Toddlers in the next 30 minutes.",
      );
      expect(result.reasons).toContain(
        "f2 (floater) not proposed: with them Toddlers would still fall out of ratio at 09:20.",
      );
      // d1 would leave Twos D with d2 alone, and d2 leaves at 09:15.
      expect(result.reasons.find((r) => r.startsWith("d1 "))).toBe(
        "d1 (teacher) not proposed: without them Twos D would fall out of ratio at 09:15 when staff " +
          "d2 leaves (shift ends 09:15).",
      );
    });

    it("ranks a full fix from a room above a partial fix from a floater", () => {
      // Out of ratio now; f2 fixes it only until their shift ends at 09:10.
      const result = propose([room("b", "Twos B", 0, ["b1"])], [floater("f2")], options);
      expect(result.proposals.map((p) => [p.staffId, p.fixesFully])).toEqual([
        ["b1", true],
        ["f2", false],
      ]);
      expect(result.proposals[1]?.targetBreachAfter).toBe(plus(10));
    });
  });

  it("keeps a napping room's relaxation that relies on staff on the premises (US-CA)", () => {
    // CA infants napping: 1:12 only while the staff 1:4 needs are immediately available.
    const naps = (premisesAvailableStaff: number): CoverageRoom => ({
      roomId: "n",
      roomName: "Infants",
      state: {
        napping: true,
        premisesAvailableStaff,
        children: Array.from({ length: 12 }, (_, i) => ({ id: `i${i}`, ageMonths: 6 })),
        staff: [teacher("n1")],
      },
    });
    const target = { children: twos(7), staff: [teacher("t1")] } as RoomInput;
    const tight = propose([naps(2)], [teacher("u1")], {}, target, ca);
    expect(tight.proposals).toEqual([]);
    expect(tight.reasons).toContain(
      "u1 (teacher) not proposed: Infants relies on staff available on the premises for its nap ratio.",
    );
    const room = propose([naps(3)], [teacher("u1")], {}, target, ca);
    expect(room.proposals.map((p) => p.staffId)).toEqual(["u1"]);
    expect(room.proposals[0]?.reasoning).toContain(
      "Napping rooms relying on staff on the premises keep their nap ratio.",
    );
  });

  it("only proposes moves that help the target and keep every room in ratio (property)", () => {
    const severity: Record<RatioStatus, number> = {
      ok: 0,
      approaching: 1,
      violation: 2,
      critical: 3,
    };
    const staffArb = fc.record({
      role: fc.constantFrom(...staffRoleInputSchema.options),
      ageYears: fc.constantFrom(16, 17, 18, 30),
      onBreak: fc.boolean(),
      qualified: fc.option(fc.boolean(), { nil: undefined }),
      engagedInCare: fc.option(fc.boolean(), { nil: undefined }),
    });
    const roomArb = (maxKids: number) =>
      fc.record({
        ages: fc.array(fc.constantFrom(6, 14, 20, 30, 40, 50, 70), { maxLength: maxKids }),
        staff: fc.array(staffArb, { maxLength: 3 }),
        napping: fc.boolean(),
        premisesAvailableStaff: fc.integer({ min: 0, max: 3 }),
      });
    type RoomArb = typeof roomArb extends (n: number) => fc.Arbitrary<infer T> ? T : never;
    const toInput = (r: RoomArb, key: string): RoomInput => ({
      napping: r.napping,
      premisesAvailableStaff: r.premisesAvailableStaff,
      children: r.ages.map((ageMonths, i) => ({ id: `${key}-c${i}`, ageMonths })),
      staff: r.staff.map((s, i) => ({ ...s, id: `${key}-s${i}` })),
    });
    const evaluate = (pack: RulePack, input: RoomInput) => {
      const r = evaluateRoom(pack, roomInputSchema.parse(input), { at: now, localDate });
      if (!r.ok) throw r.error;
      return r.value;
    };

    fc.assert(
      fc.property(
        fc.constantFrom("US-TX", "US-CA"),
        roomArb(24),
        fc.array(roomArb(15), { maxLength: 3 }),
        fc.array(staffArb, { maxLength: 3 }),
        (code, t, rs, us) => {
          const pack = getRulePack(code)!;
          const target = toInput(t, "tod");
          const others = rs.map((r, i) => ({
            roomId: `r${i}`,
            roomName: `Room ${i}`,
            state: toInput(r, `r${i}`),
          }));
          const unassigned = us.map((s, i) => ({ ...s, id: `u${i}` }));
          const run = () =>
            proposeCoverage(pack, { roomId: "tod", state: target }, others, { unassigned }, now, {
              localDate,
            });
          const result = run();
          if (!result.ok) throw result.error;
          expect(run()).toEqual(result);
          const before = evaluate(pack, target);
          const { proposals } = result.value;
          if (before.compliant) expect(proposals).toEqual([]);
          let sawPartial = false;
          for (const p of proposals) {
            const after = p.targetAfter;
            expect(
              after.compliant ||
                after.staffShort < before.staffShort ||
                after.reasons.length < before.reasons.length ||
                severity[after.status] < severity[before.status],
            ).toBe(true);
            expect(after.counted.some((c) => c.id === p.staffId)).toBe(true);
            // Full fixes come first.
            if (!p.fixesFully) sawPartial = true;
            else expect(sawPartial).toBe(false);
            const person = [...unassigned, ...others.flatMap((o) => o.state.staff)].find(
              (s) => s.id === p.staffId,
            )!;
            expect(person.onBreak).toBe(false);
            expect(person.ageYears).toBeGreaterThanOrEqual(18);
            expect(
              person.qualified ??
                ["teacher", "caregiver", "director", "floater"].includes(person.role ?? "teacher"),
            ).toBe(true);
            if (p.fromRoomId === null) {
              expect(p.donorAfter).toBeNull();
            } else {
              expect(p.donorAfter?.compliant).toBe(true);
              // The donor really is compliant without the mover, re-checked independently.
              const donor = others.find((o) => o.roomId === p.fromRoomId)!;
              const without = {
                ...donor.state,
                staff: donor.state.staff.filter((s) => s.id !== p.staffId),
              };
              expect(evaluate(pack, without).compliant).toBe(true);
            }
            // No other room that was in ratio falls out of it (nap relaxations included).
            for (const o of others) {
              if (o.roomId === p.fromRoomId) continue;
              const was = evaluate(pack, o.state);
              const less = {
                ...o.state,
                premisesAvailableStaff: Math.max(0, (o.state.premisesAvailableStaff ?? 0) - 1),
              };
              if (was.compliant) expect(evaluate(pack, less).compliant).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
