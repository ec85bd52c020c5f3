import { describe, expect, it } from "vitest";
import type { LaborPack } from "./labor-pack.js";
import { getLaborPack, laborPacks } from "./labor-packs/index.js";
import {
  checkTimecards,
  restBreaksDue,
  type TimecardCheckInput,
  type TimecardReport,
} from "./timecards.js";

const ca = getLaborPack("US-CA");
const tz = "America/Los_Angeles";
// Monday 2026-11-23 in Los Angeles is PST (UTC−8).
const t = (local: string, date = "2026-11-23") => {
  const [h, m] = local.split(":").map(Number) as [number, number];
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + ((h + 8) * 60 + m) * 60_000);
  return d.toISOString();
};
const shift = (over: Record<string, unknown> = {}) => ({
  id: "sh1",
  centerId: "c1",
  staffId: "s1",
  date: "2026-11-23",
  start: "07:00",
  end: "15:30",
  roomId: "r1",
  breaks: [{ start: "11:00", end: "11:30" }],
  ...over,
});
const card = (over: Record<string, unknown> = {}) => ({
  id: "tc1",
  staffId: "s1",
  date: "2026-11-23",
  clockIn: t("07:00"),
  clockOut: t("15:30"),
  breaks: [
    { start: t("09:00"), end: t("09:10") },
    { start: t("11:00"), end: t("11:30") },
    { start: t("13:30"), end: t("13:40") },
  ],
  ...over,
});

function check(input: Partial<TimecardCheckInput>, pack: LaborPack = ca): TimecardReport {
  const r = checkTimecards(pack, {
    asOf: t("20:00"),
    timeZone: tz,
    timecards: [card()],
    shifts: [shift()],
    ...input,
  });
  if (!r.ok) throw r.error;
  return r.value;
}
const kinds = (r: TimecardReport) => r.exceptions.map((e) => e.kind);

describe("checkTimecards: punches against the shift", () => {
  it("a clean 8-hour California day has no exceptions", () => {
    const r = check({});
    expect(r.exceptions).toEqual([]);
    expect(r.days).toEqual([
      expect.objectContaining({
        workedHours: 8,
        regularHours: 8,
        overtimeHours: 0,
        unpaidMinutes: 30,
      }),
    ]);
  });

  it("flags an early clock-in only past the tolerance (7 minutes: 06:53 is fine, 06:52 is not)", () => {
    expect(kinds(check({ timecards: [card({ clockIn: t("06:53") })] }))).not.toContain(
      "early_clock_in",
    );
    const r = check({ timecards: [card({ clockIn: t("06:52") })] });
    const e = r.exceptions.find((x) => x.kind === "early_clock_in")!;
    expect(e).toMatchObject({
      severity: "warning",
      amount: { value: 8, unit: "minutes" },
      evidence: {
        timecardIds: ["tc1"],
        shiftId: "sh1",
        times: { clockIn: t("06:52"), scheduledStart: t("07:00") },
      },
      correction: null,
    });
  });

  it("flags a late clock-out past the tolerance, with the center's own tolerance", () => {
    expect(kinds(check({ timecards: [card({ clockOut: t("15:37") })] }))).not.toContain(
      "late_clock_out",
    );
    const r = check({ toleranceMinutes: 0, timecards: [card({ clockOut: t("15:31") })] });
    expect(r.exceptions.find((x) => x.kind === "late_clock_out")?.amount).toEqual({
      value: 1,
      unit: "minutes",
    });
  });

  it("proposes the scheduled end for a missing clock-out once the shift is over, for approval", () => {
    const open = card({ clockOut: null });
    expect(check({ asOf: t("15:37"), timecards: [open] }).exceptions).toEqual([]);
    const r = check({ asOf: t("15:38"), timecards: [open] });
    expect(r.exceptions).toEqual([
      expect.objectContaining({
        kind: "missing_clock_out",
        severity: "error",
        correction: {
          timecardId: "tc1",
          field: "clockOut",
          breakIndex: null,
          value: t("15:30"),
          reason: "No clock-out recorded; set to the scheduled end 15:30 of shift sh1.",
          requiresApproval: true,
        },
      }),
    ]);
    expect(r.incompleteTimecardIds).toEqual(["tc1"]);
    expect(r.days).toEqual([]);
  });

  it("proposes the scheduled start for a missing clock-in", () => {
    const r = check({ timecards: [card({ clockIn: null })] });
    expect(r.exceptions.find((e) => e.kind === "missing_clock_in")?.correction).toMatchObject({
      field: "clockIn",
      value: t("07:00"),
    });
  });

  it("without a shift, an open timecard is a missed clock-out after maxOpenHours, with no correction", () => {
    const open = { shifts: [], maxOpenHours: 16, timecards: [card({ clockOut: null })] };
    expect(kinds(check({ ...open, asOf: t("22:59") }))).toEqual(["no_shift"]);
    const r = check({ ...open, asOf: t("23:01") });
    expect(kinds(r)).toEqual(["no_shift", "missing_clock_out"]);
    expect(r.exceptions[1]?.correction).toBeNull();
  });

  it("flags overlapping timecards of one person with both ids", () => {
    const r = check({
      timecards: [
        card({ clockOut: t("12:00"), breaks: [] }),
        card({ id: "tc2", clockIn: t("11:30"), breaks: [] }),
      ],
    });
    const e = r.exceptions.find((x) => x.kind === "overlapping_punches")!;
    expect(e.evidence.timecardIds).toEqual(["tc1", "tc2"]);
    expect(r.incompleteTimecardIds).toEqual(["tc1", "tc2"]);
  });

  it("an open timecard followed by the next day's is a missed clock-out, not an overlap", () => {
    const r = check({
      asOf: t("12:00", "2026-11-24"),
      shifts: [shift(), shift({ id: "sh2", date: "2026-11-24" })],
      timecards: [
        card({ clockOut: null }),
        card({
          id: "tc2",
          date: "2026-11-24",
          clockIn: t("07:00", "2026-11-24"),
          clockOut: null,
          breaks: [],
        }),
      ],
    });
    expect(kinds(r)).toEqual(["missing_clock_out"]);
    expect(r.exceptions[0]?.evidence.timecardIds).toEqual(["tc1"]);
  });

  it("flags a clock-out before the clock-in, and a break outside the clocked time", () => {
    expect(kinds(check({ timecards: [card({ clockOut: t("06:00"), breaks: [] })] }))).toContain(
      "invalid_punches",
    );
    const r = check({ timecards: [card({ breaks: [{ start: t("15:20"), end: t("15:50") }] })] });
    expect(kinds(r)).toContain("overlapping_punches");
  });

  it("proposes the planned break length for a break with no end", () => {
    const r = check({ timecards: [card({ breaks: [{ start: t("11:05"), end: null }] })] });
    expect(r.exceptions.find((e) => e.kind === "missing_break_end")?.correction).toMatchObject({
      field: "breakEnd",
      breakIndex: 0,
      value: t("11:35"),
    });
  });

  it("reports a timecard with no shift and a finished shift with no timecard", () => {
    const r = check({
      shifts: [shift(), shift({ id: "sh2", staffId: "s2" })],
      timecards: [card(), card({ id: "tc9", staffId: "s3" })],
    });
    expect(r.exceptions.map((e) => [e.kind, e.staffId])).toEqual([
      ["no_shift", "s3"],
      ["no_timecard", "s2"],
    ]);
  });

  it("rejects a bad time zone and a malformed timecard, naming the field", () => {
    const tzBad = checkTimecards(ca, {
      asOf: t("20:00"),
      timeZone: "Mars/Base",
      timecards: [],
      shifts: [],
    });
    expect(!tzBad.ok && tzBad.error.details.field).toBe("timeZone");
    const bad = checkTimecards(ca, {
      asOf: t("20:00"),
      timeZone: tz,
      timecards: [card({ clockIn: "7am" })],
      shifts: [],
    });
    expect(!bad.ok && bad.error.details.field).toBe("timecards.0.clockIn");
  });
});

describe("checkTimecards: California meals, rests and overtime", () => {
  const noBreaks = (clockIn: string, clockOut: string, breaks: unknown[] = []) =>
    check({
      timecards: [card({ clockIn: t(clockIn), clockOut: t(clockOut), breaks })],
      shifts: [],
    });
  const mealKinds = (r: TimecardReport) =>
    kinds(r).filter((k) => k === "missed_meal" || k === "short_meal" || k === "meal_timing");

  it("no meal is due for exactly 5 hours; over 5 it is (a warning while a waiver could apply, up to 6)", () => {
    expect(mealKinds(noBreaks("07:00", "12:00"))).toEqual([]);
    const waivable = noBreaks("07:00", "12:45").exceptions.find((e) => e.kind === "missed_meal")!;
    expect(waivable.severity).toBe("warning");
    expect(waivable.message).toContain("check for a signed waiver");
    expect(waivable.citation?.source).toContain("§512(a)");
    const missed = noBreaks("07:00", "13:30").exceptions.find((e) => e.kind === "missed_meal")!;
    expect(missed.severity).toBe("error");
  });

  it("the meal must start by the end of the 5th hour of work: at 5:00 is in time, at 5:01 is late", () => {
    const meal = (start: string, end: string) => [{ start: t(start), end: t(end) }];
    expect(mealKinds(noBreaks("07:00", "15:30", meal("12:00", "12:30")))).toEqual([]);
    const late = noBreaks("07:00", "15:30", meal("12:01", "12:31"));
    expect(mealKinds(late)).toEqual(["meal_timing"]);
    expect(late.exceptions.find((e) => e.kind === "meal_timing")?.message).toContain(
      "after 5.02 hours",
    );
  });

  it("a break labelled meal shorter than 30 minutes is short; an unlabelled 25 minutes is a rest, so the meal is missed", () => {
    const short = noBreaks("07:00", "15:30", [
      { start: t("11:00"), end: t("11:25"), kind: "meal" },
    ]);
    expect(mealKinds(short)).toEqual(["short_meal"]);
    const unlabelled = noBreaks("07:00", "15:30", [{ start: t("11:00"), end: t("11:25") }]);
    expect(mealKinds(unlabelled)).toEqual(["missed_meal"]);
  });

  it("clocking out for lunch counts as the meal", () => {
    const r = check({
      shifts: [],
      timecards: [
        card({ clockOut: t("11:00"), breaks: [{ start: t("09:00"), end: t("09:10") }] }),
        card({ id: "tc2", clockIn: t("11:30"), breaks: [{ start: t("13:30"), end: t("13:40") }] }),
      ],
    });
    expect(kinds(r)).toEqual(["no_shift", "no_shift"]);
    expect(r.days[0]).toMatchObject({ workedHours: 8, timecardIds: ["tc1", "tc2"] });
  });

  it("a shift split by clocking out for lunch is one shift: no stray exceptions, start and end bind the ends", () => {
    const split = [
      card({ clockOut: t("11:00"), breaks: [{ start: t("09:00"), end: t("09:10") }] }),
      card({
        id: "tc2",
        clockIn: t("11:30"),
        clockOut: t("15:45"),
        breaks: [{ start: t("13:30"), end: t("13:40") }],
      }),
    ];
    const r = check({ timecards: split });
    expect(r.exceptions.map((e) => [e.kind, e.evidence.timecardIds])).toEqual([
      ["late_clock_out", ["tc2"]],
      ["daily_overtime", ["tc1", "tc2"]],
    ]);
    expect(r.exceptions[0]?.evidence.shiftId).toBe("sh1");
    const open = check({
      asOf: t("16:00"),
      timecards: [split[0]!, { ...split[1]!, clockOut: null }],
    });
    expect(open.exceptions.find((e) => e.kind === "missing_clock_out")?.correction?.value).toBe(
      t("15:30"),
    );
  });

  it("a shift across midnight ends the next day", () => {
    const night = shift({
      start: "22:00",
      end: "06:00",
      breaks: [{ start: "01:00", end: "01:30" }],
    });
    const tc = card({
      clockIn: t("22:00"),
      clockOut: t("06:00", "2026-11-24"),
      breaks: [
        { start: t("01:00", "2026-11-24"), end: t("01:30", "2026-11-24") },
        { start: t("23:30"), end: t("23:40") },
        { start: t("03:30", "2026-11-24"), end: t("03:40", "2026-11-24") },
      ],
    });
    const r = check({ shifts: [night], timecards: [tc], asOf: t("12:00", "2026-11-24") });
    expect(r.exceptions).toEqual([]);
    expect(r.days[0]?.workedHours).toBe(7.5);
  });

  it("11 hours worked: second meal missed (waivable up to 12), 3 hours of daily overtime", () => {
    const r = noBreaks("07:00", "18:30", [{ start: t("11:00"), end: t("11:30") }]);
    expect(r.days[0]).toMatchObject({
      workedHours: 11,
      regularHours: 8,
      overtimeHours: 3,
      doubleTimeHours: 0,
    });
    const second = r.exceptions.find((e) => e.kind === "missed_meal")!;
    expect(second.severity).toBe("warning");
    expect(second.message).toContain("second meal period");
    expect(r.exceptions.find((e) => e.kind === "daily_overtime")?.amount).toEqual({
      value: 3,
      unit: "hours",
    });
  });

  it("13 hours worked: 4 hours at time and a half, 1 at double time", () => {
    const r = noBreaks("06:00", "19:30", [{ start: t("10:00"), end: t("10:30") }]);
    expect(r.days[0]).toMatchObject({
      workedHours: 13,
      regularHours: 8,
      overtimeHours: 4,
      doubleTimeHours: 1,
    });
    expect(r.exceptions.find((e) => e.kind === "missed_meal")?.severity).toBe("error");
  });

  it("counts rest breaks due by 4 hours or major fraction, none under 3.5 hours", () => {
    const rest = ca.rest!;
    expect([3.49, 3.5, 6, 6.01, 10, 10.01].map((h) => restBreaksDue(rest, h))).toEqual([
      0, 1, 1, 2, 2, 3,
    ]);
    const wa = getLaborPack("US-WA").rest!;
    expect([3.9, 4, 7.9, 8].map((h) => restBreaksDue(wa, h))).toEqual([0, 1, 1, 2]);
    const r = noBreaks("07:00", "15:30", [
      { start: t("11:00"), end: t("11:30") },
      { start: t("09:00"), end: t("09:10") },
    ]);
    expect(r.exceptions.find((e) => e.kind === "missed_rest")).toMatchObject({
      severity: "warning",
      amount: { value: 10, unit: "minutes" },
    });
  });

  it("weekly overtime counts regular hours only in California; all hours under the FLSA", () => {
    const week = (days: string[], hoursOut: string) =>
      days.map((date, i) =>
        card({
          id: `tc${i}`,
          date,
          clockIn: t("07:00", date),
          clockOut: t(hoursOut, date),
          breaks: [{ start: t("11:00", date), end: t("11:30", date) }],
        }),
      );
    const monFri = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"];
    // 9 hours worked a day for five days: 45 hours.
    const caWeek = check({
      timecards: week(monFri, "16:30"),
      shifts: [],
      asOf: t("20:00", "2026-11-28"),
    });
    expect(caWeek.weeks).toEqual([
      expect.objectContaining({ weekStart: "2026-11-22", workedHours: 45, weeklyOvertimeHours: 0 }),
    ]);
    expect(kinds(caWeek).filter((k) => k === "daily_overtime")).toHaveLength(5);
    const tx = getLaborPack("US-TX");
    expect(tx.code).toBe("US-FLSA");
    const txWeek = check(
      { timecards: week(monFri, "16:30"), shifts: [], asOf: t("20:00", "2026-11-28") },
      tx,
    );
    expect(
      txWeek.exceptions.filter((e) => e.kind !== "no_shift").map((e) => [e.kind, e.amount?.value]),
    ).toEqual([["weekly_overtime", 5]]);
    // Six 8-hour days in California: 48 regular hours, 8 over 40.
    const six = check({
      timecards: week([...monFri, "2026-11-28"], "15:30"),
      shifts: [],
      asOf: t("20:00", "2026-11-29"),
    });
    expect(six.weeks[0]?.weeklyOvertimeHours).toBe(8);
    // A Monday workweek splits the same six days differently.
    const monday = check({
      workweekStartsOn: "mon",
      timecards: week([...monFri, "2026-11-28"], "15:30"),
      shifts: [],
      asOf: t("20:00", "2026-11-29"),
    });
    expect(monday.weeks.map((w) => w.weekStart)).toEqual(["2026-11-23"]);
  });
});

describe("checkTimecards: other states' meals", () => {
  const day = (pack: LaborPack, clockIn: string, clockOut: string, breaks: unknown[]) =>
    kinds(
      check(
        { timecards: [card({ clockIn: t(clockIn), clockOut: t(clockOut), breaks })], shifts: [] },
        pack,
      ),
    ).filter((k) => k !== "no_shift" && k !== "missed_rest");
  const b = (start: string, end: string) => ({ start: t(start), end: t(end) });

  it("Illinois: 20 minutes within 5 hours from 7.5 hours worked (inclusive)", () => {
    const il = getLaborPack("US-IL");
    expect(day(il, "07:00", "14:29", [])).toEqual([]);
    expect(day(il, "07:00", "14:30", [])).toEqual(["missed_meal"]);
    expect(day(il, "07:00", "14:50", [b("11:00", "11:20")])).toEqual([]);
    expect(day(il, "07:00", "14:50", [b("12:10", "12:30")])).toEqual(["meal_timing"]);
  });

  it("Washington: the meal may not start before the 2nd hour", () => {
    const wa = getLaborPack("US-WA");
    expect(day(wa, "07:00", "15:30", [b("08:30", "09:00")])).toEqual(["meal_timing"]);
    expect(day(wa, "07:00", "15:30", [b("09:00", "09:30")])).toEqual([]);
  });

  it("New York: 30 minutes inside 11:00–14:00 for a shift over 6 hours covering it", () => {
    const ny = getLaborPack("US-NY");
    expect(day(ny, "07:00", "15:30", [b("10:00", "10:30")])).toEqual(["meal_timing"]);
    expect(day(ny, "07:00", "15:30", [b("13:30", "14:00")])).toEqual([]);
    expect(day(ny, "07:00", "13:15", [])).toEqual(["missed_meal"]);
    // A shift that reaches only 20 minutes into the window cannot have its meal there.
    expect(day(ny, "04:50", "11:20", [])).toEqual([]);
  });

  it("every labour pack cites each rule and says what it does not apply", () => {
    for (const pack of new Set(laborPacks.values())) {
      expect(pack.notApplied.length).toBeGreaterThan(0);
      expect(pack.overtime.citation.source.length).toBeGreaterThan(0);
    }
    expect(getLaborPack("US-ZZ").code).toBe("US-FLSA");
  });
});

describe("checkTimecards: a break while the room was out of ratio", () => {
  const interval = (id: string, roomId: string, start: string, end: string | null) => ({
    id,
    roomId,
    start: t(start),
    end: end === null ? null : t(end),
  });

  it("intersects each break with the room's out-of-ratio intervals", () => {
    const r = check({
      outOfRatio: [
        interval("rh1", "r1", "11:20", "11:45"),
        interval("rh2", "r2", "11:00", "11:30"),
        interval("rh3", "r1", "09:10", "09:20"),
      ],
    });
    const found = r.exceptions.filter((e) => e.kind === "break_out_of_ratio");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      amount: { value: 10, unit: "minutes" },
      evidence: {
        timecardIds: ["tc1"],
        shiftId: "sh1",
        intervalIds: ["rh1"],
        times: { breakStart: t("11:00"), breakEnd: t("11:30"), outOfRatioStart: t("11:20") },
      },
    });
  });

  it("uses the break's own room when the platform records it, and an open interval runs to asOf", () => {
    const r = check({
      timecards: [card({ breaks: [{ start: t("11:00"), end: t("11:30"), roomId: "r2" }] })],
      outOfRatio: [interval("rh9", "r2", "11:25", null), interval("rh1", "r1", "11:00", "11:30")],
    });
    const found = r.exceptions.filter((e) => e.kind === "break_out_of_ratio");
    expect(found.map((e) => [e.evidence.intervalIds, e.amount?.value])).toEqual([[["rh9"], 5]]);
  });
});
