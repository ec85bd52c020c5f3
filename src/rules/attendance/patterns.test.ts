import { describe, expect, it } from "vitest";
import { addDays, weekdayOf } from "../../domain/time.js";
import { attendancePatterns, type DayRecord } from "./patterns.js";

const START = "2026-10-05"; // a Monday
const AS_OF = "2026-11-13"; // the Friday six weeks later

/** Six weeks of a child expected 08:00–17:00 on weekdays, on time, unless a day is overridden. */
function history(
  overrides: Record<string, Partial<DayRecord>> = {},
  schedule = { arrive: "08:00", depart: "17:00" },
) {
  const days: DayRecord[] = [];
  for (let date = START; date <= AS_OF; date = addDays(date, 1)) {
    const weekend = ["sat", "sun"].includes(weekdayOf(date));
    const base: DayRecord = weekend
      ? {
          date,
          expected: null,
          arrivedAt: null,
          departedAt: null,
          absenceNotice: false,
          recordIds: [],
        }
      : {
          date,
          expected: schedule,
          arrivedAt: schedule.arrive,
          departedAt: schedule.depart,
          absenceNotice: false,
          recordIds: [`in_${date}`, `out_${date}`],
        };
    days.push({ ...base, ...overrides[date] });
  }
  return days;
}

const kinds = (records: DayRecord[]) => attendancePatterns(records, AS_OF).map((f) => f.kind);

describe("attendance patterns", () => {
  it("an on-time child has no findings", () => {
    expect(attendancePatterns(history(), AS_OF)).toEqual([]);
  });

  it("three late pick-ups past the grace inside the window are chronic, naming those records", () => {
    const late = { departedAt: "17:25" };
    const findings = attendancePatterns(
      history({
        "2026-10-20": late,
        "2026-11-03": late,
        "2026-11-12": late,
        "2026-11-10": { departedAt: "17:10" },
      }),
      AS_OF,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: "chronic_late_pickup",
      dates: ["2026-10-20", "2026-11-03", "2026-11-12"],
      metrics: { count: 3, threshold: 3 },
    });
    expect(findings[0]!.recordIds).toContain("out_2026-11-03");
  });

  it("exactly at the grace minute is not late; a late pick-up outside the window does not count", () => {
    const late = { departedAt: "17:25" };
    expect(
      kinds(
        history({
          "2026-10-09": late,
          "2026-11-03": late,
          "2026-11-12": late,
          "2026-11-10": { departedAt: "17:10" },
        }),
      ),
    ).toEqual([]);
  });

  it("late arrivals and early pick-ups", () => {
    const lateIn = { arrivedAt: "08:31" };
    const early = { departedAt: "15:59" };
    expect(
      kinds(
        history({
          "2026-11-02": lateIn,
          "2026-11-04": lateIn,
          "2026-11-06": { ...lateIn, departedAt: "15:59" },
          "2026-11-09": early,
          "2026-11-11": early,
          "2026-11-05": { arrivedAt: "08:30" },
        }),
      ),
    ).toEqual(["chronic_late_arrival", "frequent_early_pickup"]);
  });

  it("an absence without notice is unexplained; with notice it is not", () => {
    const gone = { arrivedAt: null, departedAt: null };
    const findings = attendancePatterns(
      history({
        "2026-11-12": gone,
        "2026-11-11": { ...gone, absenceNotice: true },
        "2026-10-14": gone,
      }),
      AS_OF,
    );
    expect(findings.map((f) => [f.kind, f.dates])).toEqual([
      ["unexplained_absence", ["2026-11-12"]],
    ]);
  });

  it("three scheduled absences in a row across a weekend are consecutive", () => {
    const gone = { arrivedAt: null, departedAt: null, absenceNotice: true };
    const findings = attendancePatterns(
      history({ "2026-11-06": gone, "2026-11-09": gone, "2026-11-10": gone }),
      AS_OF,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "consecutive_absences",
        dates: ["2026-11-06", "2026-11-09", "2026-11-10"],
        metrics: { days: 3, threshold: 3 },
      }),
    ]);
  });

  it("a child arriving 45 min later for the last ten days has drifted from its own pattern", () => {
    const overrides: Record<string, Partial<DayRecord>> = {};
    const weekdays = history().filter((d) => d.expected);
    for (const d of weekdays.slice(-10)) overrides[d.date] = { arrivedAt: "08:45" };
    const findings = attendancePatterns(history(overrides), AS_OF, { lateArrivalMinutes: 60 });
    expect(findings.map((f) => f.kind)).toEqual(["arrival_drift"]);
    expect(findings[0]!.metrics).toEqual({
      baselineMedianOffset: 0,
      recentMedianOffset: 45,
      shiftMinutes: 45,
    });
    expect(findings[0]!.dates).toHaveLength(10);
  });

  it("a seasonal schedule moving with the child is not drift", () => {
    const summer = { arrive: "09:00", depart: "15:00" };
    const overrides: Record<string, Partial<DayRecord>> = {};
    for (const d of history()
      .filter((x) => x.expected)
      .slice(-10)) {
      overrides[d.date] = { expected: summer, arrivedAt: "09:00", departedAt: "15:00" };
    }
    expect(attendancePatterns(history(overrides), AS_OF)).toEqual([]);
  });

  it("the same history in any order gives the same findings", () => {
    const records = history({ "2026-11-12": { arrivedAt: null, departedAt: null } });
    const shuffled = [...records].reverse();
    expect(attendancePatterns(shuffled, AS_OF)).toEqual(attendancePatterns(records, AS_OF));
  });
});
