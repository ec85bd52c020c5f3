import { describe, expect, it } from "vitest";
import { getRulePack } from "../packs/index.js";
import {
  backtestForecast,
  forecastAttendance,
  forecastError,
  HISTORY_WEIGHTS,
  planStaffing,
  type StaffingPlanInput,
} from "./staffing-plan.js";

const tx = getRulePack("US-TX")!;
// Texas 2-year-olds: 1:11, group 22. Children born 2024-05-01 are 30 months old on 2026-11-23.
const children = Array.from({ length: 24 }, (_, i) => ({
  id: `c${i}`,
  birthDate: "2024-05-01",
  schedule: [{ day: "mon" as const, arrive: "07:00", depart: "10:00" }],
}));
const mondays = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"];
/** Slot blocks (07:00–08:00, 08:00–09:00, 09:00–10:00) rising by 2 children a week. */
const base = [4, 14, 8];
const history = (weeks: string[], step = 2) =>
  weeks.map((date, k) => ({
    date,
    counts: base.flatMap((x) => Array(4).fill(x + step * k) as number[]),
  }));
const teacher = { ageYears: 30, role: "teacher" as const };
const shift = (
  id: string,
  staffId: string,
  start: string,
  end: string,
  breaks: { start: string; end: string }[] = [],
) => ({
  id,
  centerId: "c",
  staffId,
  date: "2026-11-23",
  start,
  end,
  roomId: "r1",
  breaks,
});

const input: StaffingPlanInput = {
  roomId: "r1",
  weekStart: "2026-11-23",
  days: 1,
  opensAt: "07:00",
  closesAt: "10:00",
  children,
  history: history(mondays),
  shifts: [
    shift("sh1", "t1", "07:00", "09:30"),
    shift("sh2", "t2", "08:00", "10:00", [{ start: "09:00", end: "09:15" }]),
    shift("sh3", "t3", "08:00", "09:00"),
    // Another room's shift never staffs this one.
    { ...shift("sh4", "t4", "07:00", "10:00"), roomId: "r2" },
  ],
  staff: { t1: teacher, t2: teacher, t3: teacher, t4: teacher },
};

function plan(over: Partial<StaffingPlanInput> = {}) {
  const r = planStaffing(tx, { ...input, ...over });
  if (!r.ok) throw r.error;
  return r.value;
}

describe("forecastAttendance", () => {
  it("weights recent weeks 0.4/0.3/0.2/0.1, so a +2-a-week trend forecasts base + 4 (a plain mean gives + 3)", () => {
    expect(HISTORY_WEIGHTS).toEqual([0.4, 0.3, 0.2, 0.1]);
    const r = forecastAttendance({ ...input, dates: ["2026-11-23"] });
    if (!r.ok) throw r.error;
    expect(r.value.map((s) => s.expected)).toEqual([8, 8, 8, 8, 18, 18, 18, 18, 12, 12, 12, 12]);
    expect(r.value[0]).toMatchObject({
      start: "07:00",
      end: "07:15",
      basis: "history",
      historyDates: ["2026-11-16", "2026-11-09", "2026-11-02", "2026-10-26"],
      scheduled: 24,
    });
  });

  it("uses only the same weekday, renormalizes with fewer weeks, and ignores the future", () => {
    const r = forecastAttendance({
      ...input,
      dates: ["2026-11-23"],
      history: [
        ...history(["2026-11-09", "2026-11-16"]),
        { date: "2026-11-17", counts: Array(12).fill(99) },
        { date: "2026-11-30", counts: Array(12).fill(99) },
      ],
    });
    if (!r.ok) throw r.error;
    // (0.4 × (4 + 2) + 0.3 × 4) / 0.7 = 5.14
    expect(r.value[0]?.expected).toBe(5.14);
  });

  it("falls back to schedules without history, and adds children enrolled after it", () => {
    const schedOnly = forecastAttendance({
      ...input,
      history: [],
      dates: ["2026-11-23", "2026-11-24"],
    });
    if (!schedOnly.ok) throw schedOnly.error;
    expect(
      schedOnly.value.filter((s) => s.date === "2026-11-23").every((s) => s.expected === 24),
    ).toBe(true);
    expect(
      schedOnly.value.filter((s) => s.date === "2026-11-24").every((s) => s.expected === 0),
    ).toBe(true);
    const newcomer = {
      id: "new",
      birthDate: "2024-06-01",
      schedule: [{ day: "mon" as const, arrive: "09:00", depart: "10:00" }],
      enrolledFrom: "2026-11-20",
    };
    const r = forecastAttendance({
      ...input,
      children: [...children, newcomer],
      dates: ["2026-11-23"],
    });
    if (!r.ok) throw r.error;
    expect(r.value.map((s) => s.expected)).toEqual([8, 8, 8, 8, 18, 18, 18, 18, 13, 13, 13, 13]);
  });

  it("rejects a window that is not whole slots, naming the field", () => {
    const r = forecastAttendance({ ...input, closesAt: "10:05", dates: ["2026-11-23"] });
    expect(!r.ok && r.error.details.field).toBe("closesAt");
  });
});

describe("planStaffing", () => {
  it("finds the known under- and over-staffed slots and suggests a moved break and a floater", () => {
    const p = plan();
    const row = (start: string) => p.slots.find((s) => s.start === start)!;
    expect(p.slots.map((s) => s.status)).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "over",
      "over",
      "over",
      "over",
      "under",
      "ok",
      "under",
      "under",
    ]);
    expect(row("08:00")).toMatchObject({
      planningChildren: 18,
      staffIds: ["t1", "t2", "t3"],
      countedStaff: 3,
      requiredStaff: 2,
    });
    expect(row("09:00")).toMatchObject({
      planningChildren: 12,
      onBreak: ["t2"],
      countedStaff: 1,
      requiredStaff: 2,
      staffShort: 1,
    });
    expect(row("09:00").reasons).toEqual(["short by 1 counted staff: 1 for 12 children at 1 : 11"]);
    expect(row("09:30")).toMatchObject({ staffIds: ["t2"], countedStaff: 1, requiredStaff: 2 });
    expect(p.suggestions).toEqual([
      expect.objectContaining({
        kind: "shift_break",
        date: "2026-11-23",
        staffId: "t2",
        shiftId: "sh2",
        from: { start: "09:00", end: "09:15" },
        to: { start: "08:45", end: "09:00" },
      }),
      expect.objectContaining({ kind: "floater", start: "09:30", end: "10:00", staff: 1 }),
    ]);
  });

  it("with a plain mean the 09:00 block would look fine: the weighting is what finds it", () => {
    // The same four weeks flat at the plain mean (base + 3 = 11): one teacher suffices at 1:11.
    const flat = mondays.map((date) => ({
      date,
      counts: base.flatMap((x) => Array(4).fill(x + 3) as number[]),
    }));
    const p = plan({ history: flat });
    expect(p.slots.filter((s) => s.status === "under").map((s) => s.start)).toEqual([]);
  });

  it("suggests a floater for two when the shortfall is two", () => {
    const p = plan({ shifts: [], staff: {} });
    expect(p.suggestions).toEqual([
      expect.objectContaining({ kind: "floater", start: "07:00", end: "10:00", staff: 2 }),
    ]);
  });

  it("needs the children's ages when children are expected", () => {
    const r = planStaffing(tx, { ...input, children: [] });
    expect(!r.ok && r.error.details.field).toBe("children");
  });
});

describe("forecast error", () => {
  it("is the mean absolute error per slot, with the bias", () => {
    const e = forecastError(
      [
        { date: "2026-11-23", slot: 0, expected: 8 },
        { date: "2026-11-23", slot: 1, expected: 8 },
        { date: "2026-11-23", slot: 2, expected: 18 },
        { date: "2026-11-24", slot: 0, expected: 5 },
      ],
      [{ date: "2026-11-23", counts: [9, 7, 18] }],
    );
    expect(e).toEqual({ mae: 0.67, bias: 0, maxAbsError: 1, slots: 3 });
  });

  it("backtests on the history: a steady pattern is forecast exactly; a +2-a-week trend lags by 4", () => {
    const weeks = ["2026-10-19", ...mondays];
    const steady = backtestForecast({ ...input, history: history(weeks, 0) }, 2);
    expect(steady.ok && steady.value).toEqual({ mae: 0, bias: 0, maxAbsError: 0, slots: 24 });
    // Week 5 forecast from weeks 1–4 (+0, +2, +4, +6): base + 4 against base + 8.
    const trend = backtestForecast({ ...input, history: history(weeks) }, 1);
    expect(trend.ok && trend.value).toEqual({ mae: 4, bias: -4, maxAbsError: 4, slots: 12 });
  });
});

describe("spare staff and break cover", () => {
  // Six Texas infants (6 months old) 09:00–12:00: 1 : 4, so two counted staff are required.
  const infants = Array.from({ length: 6 }, (_, i) => ({
    id: `i${i}`,
    birthDate: "2026-05-01",
    schedule: [{ day: "mon" as const, arrive: "09:00", depart: "12:00" }],
  }));
  const infantPlan = (shifts: ReturnType<typeof shift>[]) =>
    plan({
      opensAt: "09:00",
      closesAt: "12:00",
      children: infants,
      history: [],
      shifts,
      staff: { t1: teacher, t2: teacher, t3: teacher, t4: teacher },
    });
  const t1Break = [{ start: "10:00", end: "10:30" }];
  const t2Break = [{ start: "10:30", end: "11:00" }];

  it("spares nobody when the third teacher covers two colleagues' breaks, and says so", () => {
    const p = infantPlan([
      shift("a", "t1", "09:00", "12:00", t1Break),
      shift("b", "t2", "09:00", "12:00", t2Break),
      shift("c", "t3", "09:00", "12:00"),
    ]);
    expect(p.slots).toHaveLength(12);
    expect(p.slots.filter((s) => s.status !== "ok")).toEqual([]);
    expect(p.slots.every((s) => s.spare.length === 0)).toBe(true);
    const nine = p.slots.find((s) => s.start === "09:00")!;
    expect(nine).toMatchObject({ countedStaff: 3, requiredStaff: 2 });
    expect(nine.breakCover).toContain("nobody can be spared");
    expect(nine.breakCover).toContain("09:00–12:00 (t1 10:00–10:30, t2 10:30–11:00)");
    expect(nine.breakCover).toContain("1 : 4, 26 TAC §746.1601");
  });

  it("spares anyone while nobody takes a break, and one of four through staggered breaks", () => {
    const none = infantPlan([
      shift("a", "t1", "09:00", "12:00"),
      shift("b", "t2", "09:00", "12:00"),
      shift("c", "t3", "09:00", "12:00"),
    ]);
    expect(none.slots.every((s) => s.status === "over")).toBe(true);
    expect(none.slots[0]!.spare).toEqual(["t1", "t2", "t3"]);
    expect(none.slots[0]!.reasons.at(-1)).toContain("no break in 09:00–12:00 needs them");

    const four = infantPlan([
      shift("a", "t1", "09:00", "12:00", t1Break),
      shift("b", "t2", "09:00", "12:00", t2Break),
      shift("c", "t3", "09:00", "12:00"),
      shift("d", "t4", "09:00", "12:00"),
    ]);
    // With four, any one can go and the other break is still covered: t3 and t4 at 10:00 too.
    expect(four.slots.find((s) => s.start === "09:00")!.spare).toEqual(["t1", "t2", "t3", "t4"]);
    expect(four.slots.find((s) => s.start === "10:00")).toMatchObject({
      status: "over",
      spare: ["t2", "t3", "t4"],
    });
  });
});

describe("today as it happened", () => {
  const observed = (start: string, over: Record<string, unknown> = {}) => ({
    date: "2026-11-23",
    start,
    source: "recorded" as const,
    compliant: true,
    children: 18,
    countedStaff: 3,
    requiredStaff: 2,
    staffShort: 0,
    reasons: [],
    ...over,
  });
  const short = {
    compliant: false,
    countedStaff: 1,
    requiredStaff: 2,
    staffShort: 1,
    reasons: ["short by 1 counted staff: 1 for 18 children at 1 : 11"],
  };

  it("shows a slot the room was out of ratio in as under-staffed, with no suggestion for the past", () => {
    expect(plan().slots.find((s) => s.start === "08:00")!.status).toBe("over");
    const p = plan({ observed: [observed("08:00", short)] });
    expect(p.slots.find((s) => s.start === "08:00")).toMatchObject({
      status: "under",
      observed: "recorded",
      countedStaff: 1,
      requiredStaff: 2,
      staffShort: 1,
      spare: [],
      reasons: [
        "Recorded today: out of ratio — short by 1 counted staff: 1 for 18 children at 1 : 11",
      ],
    });
    expect(p.suggestions).toEqual(plan().suggestions);
  });

  it("keeps a slot in ratio as it happened, even where the plan expected a shortfall", () => {
    const p = plan({ observed: [observed("08:15"), observed("09:00", { countedStaff: 2 })] });
    expect(p.slots.find((s) => s.start === "08:15")).toMatchObject({
      status: "over",
      observed: "recorded",
    });
    expect(p.slots.find((s) => s.start === "09:00")).toMatchObject({
      status: "ok",
      observed: "recorded",
      reasons: [],
    });
    // The 09:00 break no longer needs moving: it went fine.
    expect(p.suggestions.map((s) => s.kind)).toEqual(["floater"]);
  });

  it("offers a floater for a shortfall the live forecast sees", () => {
    const p = plan({ observed: [observed("08:30", { ...short, source: "live" })] });
    expect(p.slots.find((s) => s.start === "08:30")).toMatchObject({
      status: "under",
      observed: "live",
    });
    expect(p.suggestions[0]).toMatchObject({
      kind: "floater",
      start: "08:30",
      end: "08:45",
      staff: 1,
    });
    expect(p.suggestions[0]!.reason).toContain("Live forecast: out of ratio");
  });
});

describe("days the center is closed", () => {
  it("plans no slot on a day with no shift and no attendance on its weekday, and says why", () => {
    const p = plan({ days: 2 });
    expect(p.days).toEqual([
      {
        date: "2026-11-23",
        open: true,
        why: "open: 4 shifts scheduled",
        staffedFrom: "07:00",
        staffedUntil: "10:00",
      },
      {
        date: "2026-11-24",
        open: false,
        why: "closed: no staff scheduled and no attendance on the last 4 Tuesdays",
        staffedFrom: null,
        staffedUntil: null,
      },
    ]);
    expect(p.slots.every((s) => s.date === "2026-11-23")).toBe(true);
    expect(p.suggestions.every((s) => s.date === "2026-11-23")).toBe(true);
  });

  it("opens a day with attendance on its weekday, or any shift at the center", () => {
    const tuesday = { date: "2026-11-17", counts: Array(12).fill(3) as number[] };
    const byHistory = plan({ days: 2, history: [...history(mondays), tuesday] });
    expect(byHistory.days[1]).toEqual({
      date: "2026-11-24",
      open: true,
      why: "open: no staff scheduled yet, but attendance on 1 of the last 4 Tuesdays",
      staffedFrom: null,
      staffedUntil: null,
    });
    expect(byHistory.slots.filter((s) => s.date === "2026-11-24")).toHaveLength(12);
    const byShift = plan({
      days: 2,
      shifts: [
        ...input.shifts,
        { ...shift("x", "t4", "07:00", "10:00"), date: "2026-11-24", roomId: "r2" },
      ],
    });
    expect(byShift.days[1]).toMatchObject({
      open: true,
      why: "open: 1 shift scheduled",
      staffedFrom: "07:00",
      staffedUntil: "10:00",
    });
  });
});

describe("the center's hours: opening/closing rules per slot", () => {
  const at = (p: ReturnType<typeof plan>, start: string) =>
    p.slots.find((s) => s.date === "2026-11-23" && s.start === start);

  it("applies Texas's 1:16 only to slots wholly inside the last 45 minutes", () => {
    const without = plan();
    const withHours = plan({
      hoursByDate: { "2026-11-23": { opensAt: "07:00", closesAt: "10:00" } },
    });
    expect(at(without, "09:30")).toMatchObject({ countedStaff: 1, requiredStaff: 2 });
    expect(at(withHours, "09:30")?.requiredStaff).toBe(
      Math.ceil((at(withHours, "09:30")?.planningChildren ?? 0) / 16),
    );
    expect(at(withHours, "09:30")?.status).not.toBe("under");
    // 09:00 is 60 minutes before closing: the table's 1:11 stands.
    expect(at(withHours, "09:00")).toMatchObject({ requiredStaff: 2, staffShort: 1 });
  });

  it("counts a slot in the last 45 minutes only if it starts inside them", () => {
    const hours = (closesAt: string) =>
      plan({ hoursByDate: { "2026-11-23": { opensAt: "07:00", closesAt } } });
    const need = (p: ReturnType<typeof plan>, start: string, ratio: number) =>
      expect(at(p, start)?.requiredStaff, `${start} at 1:${ratio}`).toBe(
        Math.ceil((at(p, start)?.planningChildren ?? 0) / ratio),
      );
    const ten = hours("10:00");
    // The numbers tell the ratios apart: more than 11 children planned.
    expect(at(ten, "09:00")?.planningChildren).toBeGreaterThan(11);
    expect(at(ten, "09:15")?.planningChildren).toBeGreaterThan(11);
    need(ten, "09:00", 11);
    need(ten, "09:15", 16);
    // Closing at 09:55: the 09:00 slot starts 55 minutes before it, 09:15 starts 40 before.
    const early = hours("09:55");
    need(early, "09:00", 11);
    need(early, "09:15", 16);
  });
});
