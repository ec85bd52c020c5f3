import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoomInput } from "./evaluation.js";
import {
  type FutureEvent,
  type FutureEventInput,
  forecastRoom,
  orderEvents,
  type PlannedEventsInput,
  plannedEvents,
} from "./forecast.js";
import { getRulePack } from "./packs/index.js";

const tx = getRulePack("US-TX")!;
// Monday 2026-11-23, 09:00 in Chicago (CST, UTC−6).
const now = new Date("2026-11-23T15:00:00Z");
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
/** Two-year-olds: Texas 1:11, group 22. */
const twos = (n: number, prefix = "c") =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, ageMonths: 30 }));
const teacher = (id: string) => ({ id, ageYears: 30, role: "teacher" as const });

function forecast(
  current: RoomInput,
  future: FutureEventInput[],
  options: { horizonMinutes?: number; roomId?: string } = {},
) {
  const result = forecastRoom(tx, now, current, future, {
    roomId: "r1",
    localDate: "2026-11-23",
    ...options,
  });
  if (!result.ok) throw result.error;
  return result.value;
}

const leaves = (staffId: string, minutes: number): FutureEventInput => ({
  type: "staff.leaves",
  at: plus(minutes),
  staffId,
  note: "shift ends",
});

describe("forecastRoom", () => {
  it("finds the breach when a shift ends in 20 minutes with the children still there", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      leaves("t2", 20),
    ]);
    expect(f.horizonEnd).toBe(plus(30));
    expect(f.firstBreach).toMatchObject({
      at: plus(20),
      status: "violation",
      cause: { type: "staff.leaves", staffId: "t2" },
    });
    expect(f.firstBreach?.reasons).toContain(
      "short by 1 counted staff: 1 for 12 children at 1 : 11",
    );
    expect(f.firstBreach?.summary).toContain("staff t2 leaves (shift ends)");
    // Each step is the core's status at that moment; room to spare now, so ok (with a note).
    expect(f.timeline.map((s) => [s.at, s.status])).toEqual([
      [plus(0), "ok"],
      [plus(20), "violation"],
    ]);
  });

  it("shows a planned break as a breach at its start and a recovery at its end", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      { type: "staff.break_starts", at: plus(10), staffId: "t1" },
      { type: "staff.break_ends", at: plus(25), staffId: "t1" },
    ]);
    expect(f.firstBreach?.at).toBe(plus(10));
    expect(f.firstBreach?.cause?.type).toBe("staff.break_starts");
    expect(f.timeline.map((s) => [s.at, s.compliant, s.countedStaff])).toEqual([
      [plus(0), true, 2],
      [plus(10), false, 1],
      [plus(25), true, 2],
    ]);
  });

  it("sees no breach when children are picked up before the staff member leaves", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      leaves("t2", 20),
      { type: "child.departs", at: plus(10), childId: "c11" },
    ]);
    expect(f.firstBreach).toBeNull();
    expect(f.timeline.map((s) => [s.at, s.children, s.countedStaff, s.compliant])).toEqual([
      [plus(0), 12, 2, true],
      [plus(10), 11, 2, true],
      [plus(20), 11, 1, true],
    ]);
  });

  it("finds the breach when arrivals push the room over", () => {
    const f = forecast({ children: twos(10), staff: [teacher("t1")] }, [
      { type: "child.arrives", at: plus(5), childId: "n1", roomId: "r1", child: { ageMonths: 30 } },
      {
        type: "child.arrives",
        at: plus(12),
        childId: "n2",
        roomId: "r1",
        child: { ageMonths: 30 },
      },
      // Arrivals into another room do not count here.
      { type: "child.arrives", at: plus(8), childId: "n3", roomId: "r2", child: { ageMonths: 30 } },
    ]);
    expect(f.firstBreach).toMatchObject({ at: plus(12), cause: { childId: "n2" } });
    expect(f.timeline.map((s) => s.children)).toEqual([10, 11, 12]);
  });

  it("looks only at (now, now + horizon]", () => {
    const current = { children: twos(12), staff: [teacher("t1"), teacher("t2")] };
    expect(forecast(current, [leaves("t2", 40)]).firstBreach).toBeNull();
    expect(forecast(current, [leaves("t2", 40)], { horizonMinutes: 45 }).firstBreach?.at).toBe(
      plus(40),
    );
    // The end of the window is in it; now is not (the present state already says who is here).
    expect(forecast(current, [leaves("t2", 30)]).firstBreach?.at).toBe(plus(30));
    expect(forecast(current, [leaves("t2", 0), leaves("t2", -5)]).firstBreach).toBeNull();
  });

  it("orders events at one instant pessimistically: staff out before staff in", () => {
    const current = { children: twos(12), staff: [teacher("t1"), teacher("t2")] };
    const handover: FutureEventInput[] = [
      {
        type: "staff.arrives",
        at: plus(15),
        staffId: "t3",
        roomId: "r1",
        staff: { ageYears: 25, role: "teacher" },
      },
      leaves("t2", 15),
    ];
    const f = forecast(current, handover);
    expect(f.firstBreach).toMatchObject({ at: plus(15), cause: { type: "staff.leaves" } });
    expect(f.timeline.map((s) => [s.at, s.compliant])).toEqual([
      [plus(0), true],
      [plus(15), false],
      [plus(15), true],
    ]);
    // A break starting and another ending at the same instant: the start goes first.
    const breaks = forecast(
      { ...current, staff: [teacher("t1"), { ...teacher("t2"), onBreak: true }] },
      [
        { type: "staff.break_ends", at: plus(5), staffId: "t2" },
        { type: "staff.break_starts", at: plus(5), staffId: "t1" },
      ],
    );
    expect(breaks.firstBreach?.at).toBe(plus(0));
    expect(breaks.timeline.map((s) => s.countedStaff)).toEqual([1, 0, 1]);
  });

  it("orders events at one instant pessimistically: children in before children out", () => {
    const f = forecast({ children: twos(11), staff: [teacher("t1")] }, [
      { type: "child.departs", at: plus(10), childId: "c0" },
      {
        type: "child.arrives",
        at: plus(10),
        childId: "n1",
        roomId: "r1",
        child: { ageMonths: 30 },
      },
    ]);
    expect(f.firstBreach).toMatchObject({ at: plus(10), cause: { type: "child.arrives" } });
    expect(f.timeline.map((s) => s.children)).toEqual([11, 12, 11]);
  });

  it("reports a room already out of ratio as breached now", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1")] }, [
      {
        type: "staff.arrives",
        at: plus(5),
        staffId: "t2",
        roomId: "r1",
        staff: { ageYears: 25, role: "teacher" },
      },
    ]);
    expect(f.firstBreach).toMatchObject({ at: plus(0), cause: null, status: "violation" });
    expect(f.timeline.at(-1)?.compliant).toBe(true);
  });

  it("carries an open violation forward, so it turns critical after the policy's minutes", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      leaves("t2", 5),
      { type: "child.departs", at: plus(12), childId: "c0" },
      {
        type: "child.arrives",
        at: plus(13),
        childId: "n1",
        roomId: "r1",
        child: { ageMonths: 30 },
      },
    ]);
    expect(f.timeline.map((s) => s.status)).toEqual([
      "ok",
      "violation",
      "approaching",
      "violation",
    ]);
    const long = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      leaves("t2", 5),
      {
        type: "child.arrives",
        at: plus(12),
        childId: "n1",
        roomId: "r1",
        child: { ageMonths: 30 },
      },
    ]);
    expect(long.timeline.map((s) => s.status)).toEqual(["ok", "violation", "critical"]);
  });

  it("treats a staff member starting a shift in another room as leaving this one", () => {
    const f = forecast({ children: twos(12), staff: [teacher("t1"), teacher("t2")] }, [
      {
        type: "staff.arrives",
        at: plus(10),
        staffId: "t2",
        roomId: "r2",
        staff: { ageYears: 30, role: "teacher" },
      },
    ]);
    expect(f.firstBreach?.at).toBe(plus(10));
  });

  it("ignores events about people who are not in the room", () => {
    const f = forecast({ children: twos(5), staff: [teacher("t1")] }, [
      leaves("t9", 5),
      { type: "staff.break_starts", at: plus(6), staffId: "t9" },
      { type: "child.departs", at: plus(7), childId: "x" },
    ]);
    expect(f.timeline).toHaveLength(1);
    expect(f.firstBreach).toBeNull();
  });

  it("rejects malformed input instead of guessing", () => {
    const bad = forecastRoom(
      tx,
      now,
      { children: twos(1), staff: [] },
      [{ type: "staff.leaves", at: "soon", staffId: "t1" } as unknown as FutureEventInput],
      { roomId: "r1", localDate: "2026-11-23" },
    );
    expect(bad.ok).toBe(false);
    const badHorizon = forecastRoom(tx, now, { children: [], staff: [] }, [], {
      roomId: "r1",
      localDate: "2026-11-23",
      horizonMinutes: 0,
    });
    expect(badHorizon.ok).toBe(false);
    const badZone = forecastRoom(tx, now, { children: [], staff: [] }, [], {
      roomId: "r1",
      localDate: "2026-11-23",
      timeZone: "Mars/Olympus",
    });
    expect(badZone.ok || badZone.error.details.field).toBe("timeZone");
  });

  it("does not depend on the order events are given in (property)", () => {
    const eventArb = fc.oneof(
      fc.record({
        type: fc.constant("staff.leaves" as const),
        staffId: fc.constantFrom("t1", "t2", "t3"),
        minute: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        type: fc.constantFrom("staff.break_starts" as const, "staff.break_ends" as const),
        staffId: fc.constantFrom("t1", "t2", "t3"),
        minute: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        type: fc.constant("child.departs" as const),
        childId: fc.constantFrom("c0", "c1", "c2", "c3"),
        minute: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        type: fc.constant("child.arrives" as const),
        childId: fc.constantFrom("n0", "n1", "n2"),
        minute: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        type: fc.constant("staff.arrives" as const),
        staffId: fc.constantFrom("t3", "t4"),
        roomId: fc.constantFrom("r1", "r2"),
        minute: fc.integer({ min: 1, max: 30 }),
      }),
    );
    const toEvent = (
      e: typeof eventArb extends fc.Arbitrary<infer T> ? T : never,
    ): FutureEventInput => {
      const at = plus(e.minute);
      switch (e.type) {
        case "child.arrives":
          return { type: e.type, at, childId: e.childId, roomId: "r1", child: { ageMonths: 30 } };
        case "staff.arrives":
          return {
            type: e.type,
            at,
            staffId: e.staffId,
            roomId: e.roomId,
            staff: { ageYears: 30, role: "teacher" },
          };
        case "child.departs":
          return { type: e.type, at, childId: e.childId };
        default:
          return { type: e.type, at, staffId: e.staffId };
      }
    };
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (raw, kids, staff) => {
          // Events about one person at one instant are left out: their order is the input's.
          const unique = raw.filter(
            (e, i) =>
              raw.findIndex(
                (o) =>
                  o.minute === e.minute &&
                  ("staffId" in o ? o.staffId : o.childId) ===
                    ("staffId" in e ? e.staffId : e.childId),
              ) === i,
          );
          const events = unique.map(toEvent);
          const current = {
            children: twos(kids),
            staff: ["t1", "t2", "t3"].slice(0, staff).map(teacher),
          };
          const a = forecast(current, events);
          const b = forecast(current, [...events].reverse());
          expect(b).toEqual(a);
          // The breach is the first step out of ratio.
          const first = a.timeline.find((s) => !s.compliant);
          expect(a.firstBreach?.at ?? null).toBe(first?.at ?? null);
        },
      ),
    );
  });
});

describe("orderEvents", () => {
  it("sorts by time, then staff out, breaks, children in, staff in, breaks ending, children out", () => {
    const at = plus(5);
    const events: FutureEvent[] = [
      { type: "child.departs", at, childId: "c1" },
      { type: "staff.break_ends", at, staffId: "t1" },
      {
        type: "staff.arrives",
        at,
        staffId: "t2",
        roomId: "r1",
        staff: { ageYears: 30, role: "teacher", onBreak: false, expiredCredentials: [] },
      },
      { type: "child.arrives", at, childId: "c2", roomId: "r1", child: { ageMonths: 30 } },
      { type: "staff.break_starts", at, staffId: "t3" },
      { type: "staff.leaves", at, staffId: "t4" },
      {
        type: "staff.arrives",
        at,
        staffId: "t5",
        roomId: "r2",
        staff: { ageYears: 30, role: "teacher", onBreak: false, expiredCredentials: [] },
      },
      { type: "staff.leaves", at: plus(4), staffId: "t6" },
    ];
    expect(
      orderEvents(events, "r1").map((e) => `${e.type}:${"staffId" in e ? e.staffId : e.childId}`),
    ).toEqual([
      "staff.leaves:t6",
      "staff.leaves:t4",
      "staff.arrives:t5",
      "staff.break_starts:t3",
      "child.arrives:c2",
      "staff.arrives:t2",
      "staff.break_ends:t1",
      "child.departs:c1",
    ]);
  });
});

describe("plannedEvents", () => {
  const CHI = "America/Chicago";
  const teacherInput = { birthDate: "1990-01-01", role: "teacher" as const };
  const shift = (
    staffId: string,
    start: string,
    end: string,
    roomId: string | null = "r1",
    breaks: { start: string; end: string }[] = [],
  ) => ({ staffId, date: "2026-11-23", start, end, roomId, breaks });
  const child = (
    id: string,
    arrive: string,
    depart: string,
    homeRoomId: string | null = "r1",
    day: "mon" | "tue" = "mon",
  ) => ({ id, birthDate: "2024-05-01", homeRoomId, schedule: [{ day, arrive, depart }] });

  const input: PlannedEventsInput = {
    now,
    timeZone: CHI,
    children: [
      child("k1", "07:30", "09:20"), // here: picked up 09:20
      child("k2", "09:10", "17:00"), // expected 09:10
      child("k3", "08:30", "17:00"), // late: not assumed
      child("k4", "09:45", "17:00"), // after the window
      child("k5", "07:30", "08:50"), // here, pick-up overdue: stays
      child("k6", "07:30", "09:05", "r1", "tue"), // not scheduled on Mondays
      child("k7", "09:05", "17:00", null), // no home room
    ],
    childrenPresent: new Map([
      ["k1", "r1"],
      ["k5", "r1"],
      ["k6", "r1"],
    ]),
    shifts: [
      shift("s1", "06:00", "09:20"),
      shift("s2", "07:00", "15:00", "r1", [{ start: "09:10", end: "09:25" }]),
      shift("s3", "09:15", "17:00"),
      shift("s4", "06:00", "08:45"),
      shift("s5", "07:00", "12:00", "r1", [{ start: "08:55", end: "09:10" }]),
      shift("s6", "07:00", "09:20", "r2"),
      shift("s6", "09:20", "13:00", "r1"),
      shift("s7", "07:00", "09:20"),
      shift("s7", "09:20", "12:00"),
      shift("s8", "07:00", "09:40"),
      { ...shift("s1", "06:00", "09:05"), date: "2026-11-22" }, // yesterday: not in the window
    ],
    staffPresent: new Map([
      ["s1", { roomId: "r1", onBreak: false }],
      ["s2", { roomId: "r1", onBreak: false }],
      ["s4", { roomId: "r1", onBreak: false }],
      ["s5", { roomId: "r1", onBreak: false }],
      ["s6", { roomId: "r2", onBreak: false }],
      ["s7", { roomId: "r1", onBreak: false }],
      ["s8", { roomId: "r1", onBreak: false }],
    ]),
    staffInputs: new Map(
      ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"].map((id) => [id, teacherInput]),
    ),
  };

  it("builds the known future of the next 30 minutes from schedules and shifts", () => {
    const result = plannedEvents(input);
    if (!result.ok) throw result.error;
    const brief = result.value.map(
      (e) => `${e.at.slice(11, 16)} ${e.type} ${"staffId" in e ? e.staffId : e.childId} ${e.note}`,
    );
    expect(brief).toEqual([
      "15:01 staff.leaves s4 shift ended 08:45, still clocked in",
      "15:01 staff.break_starts s5 planned break 08:55–09:10 not yet taken",
      "15:10 staff.break_starts s2 planned break 09:10–09:25",
      "15:10 child.arrives k2 scheduled arrival 09:10",
      "15:15 staff.arrives s3 shift starts 09:15",
      "15:16 staff.break_ends s5 planned break 08:55–09:10, taken late",
      "15:20 staff.leaves s1 shift ends 09:20",
      "15:20 staff.arrives s6 shift starts 09:20",
      "15:20 child.departs k1 scheduled pick-up 09:20",
      "15:25 staff.break_ends s2 planned break 09:10–09:25",
    ]);
    const arrival = result.value.find((e) => e.type === "staff.arrives" && e.staffId === "s3");
    expect(arrival).toMatchObject({ roomId: "r1", staff: { id: "s3", role: "teacher" } });
  });

  it("feeds forecastRoom: the room's first breach and its cause", () => {
    const events = plannedEvents(input);
    if (!events.ok) throw events.error;
    // r1 now: 3 two-year-olds (k1, k5, k6) and s1, s2, s4, s5, s7, s8 … all teachers.
    const r1 = {
      children: ["k1", "k5", "k6"].map((id) => ({ id, birthDate: "2024-05-01" })),
      staff: ["s1", "s2", "s4", "s5", "s7", "s8"].map((id) => ({ id, ...teacherInput })),
    };
    const f = forecastRoom(tx, now, r1, events.value, {
      roomId: "r1",
      localDate: "2026-11-23",
      timeZone: CHI,
    });
    if (!f.ok) throw f.error;
    expect(f.value.firstBreach).toBeNull();
    expect(f.value.timeline.at(-1)).toMatchObject({ children: 3, countedStaff: 6 });
    // With 22 children and only s4 and s5 in the room, it runs short at 09:01, when s4 (past the
    // end of the shift) is assumed to leave and s5 to take the overdue break.
    const busy = {
      children: [...r1.children, ...twos(19)],
      staff: ["s4", "s5"].map((id) => ({ id, ...teacherInput })),
    };
    const g = forecastRoom(tx, now, busy, events.value, {
      roomId: "r1",
      localDate: "2026-11-23",
      timeZone: CHI,
    });
    if (!g.ok) throw g.error;
    expect(g.value.firstBreach).toMatchObject({
      at: "2026-11-23T15:01:00.000Z",
      cause: { type: "staff.leaves", staffId: "s4", note: "shift ended 08:45, still clocked in" },
    });
  });

  it("handles shifts across midnight and leaves out a missing staff input", () => {
    const late = new Date("2026-11-24T05:50:00Z"); // 23:50 Monday in Chicago
    const result = plannedEvents({
      now: late,
      timeZone: CHI,
      children: [],
      childrenPresent: new Map(),
      shifts: [
        shift("n1", "16:00", "00:10", "r1", [{ start: "23:55", end: "00:05" }]),
        shift("n2", "23:55", "07:00"),
      ],
      staffPresent: new Map([["n1", { roomId: "r1", onBreak: false }]]),
      staffInputs: new Map(),
    });
    if (!result.ok) throw result.error;
    expect(result.value.map((e) => `${e.at} ${e.type}`)).toEqual([
      "2026-11-24T05:55:00.000Z staff.break_starts",
      "2026-11-24T06:05:00.000Z staff.break_ends",
      "2026-11-24T06:10:00.000Z staff.leaves",
    ]);
  });

  it("rejects an unknown time zone", () => {
    expect(plannedEvents({ ...input, timeZone: "Mars/Olympus" }).ok).toBe(false);
  });
});
