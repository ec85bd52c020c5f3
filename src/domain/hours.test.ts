import { describe, expect, it } from "vitest";
import { minutesAroundHours, spanOf, type WeeklyHours, weeklyHoursSchema } from "./hours.js";

const tz = "America/Chicago";
const weekday = { opensAt: "06:30", closesAt: "18:00" };
const hours: WeeklyHours = {
  mon: weekday,
  tue: weekday,
  sat: { opensAt: "08:00", closesAt: "12:00" },
};

describe("minutesAroundHours", () => {
  it("counts from the day's own opening and closing, in the center's zone", () => {
    // Monday 2026-11-23 06:30 in Chicago is 12:30Z.
    expect(minutesAroundHours(hours, new Date("2026-11-23T12:30:00Z"), tz)).toEqual({
      minutesSinceOpening: 0,
      minutesUntilClosing: 690,
    });
    expect(minutesAroundHours(hours, new Date("2026-11-28T14:15:00Z"), tz)).toEqual({
      minutesSinceOpening: 15,
      minutesUntilClosing: 225,
    });
  });

  it("rounds away from the windows: up while open, down outside the hours", () => {
    // 44.5 minutes after opening reads 45 (out of a 45-minute window), never 44.
    const r = minutesAroundHours(hours, new Date("2026-11-23T13:14:30Z"), tz);
    expect(r.minutesSinceOpening).toBe(45);
    // Half a minute before opening reads -1, not 0.
    expect(
      minutesAroundHours(hours, new Date("2026-11-23T12:29:30Z"), tz).minutesSinceOpening,
    ).toBe(-1);
    // Half a minute after closing reads -1 until closing.
    expect(
      minutesAroundHours(hours, new Date("2026-11-24T00:00:30Z"), tz).minutesUntilClosing,
    ).toBe(-1);
  });

  it("gives nothing on a closed day", () => {
    expect(minutesAroundHours(hours, new Date("2026-11-25T15:00:00Z"), tz)).toEqual({});
  });

  it("stays right on a daylight-saving day", () => {
    // Sunday 2026-03-08 springs forward; Monday 2026-03-09 06:30 CDT is 11:30Z.
    expect(
      minutesAroundHours(hours, new Date("2026-03-09T11:30:00Z"), tz).minutesSinceOpening,
    ).toBe(0);
  });
});

describe("hours schema and span", () => {
  it("refuses a closing before the opening and a malformed time", () => {
    expect(
      weeklyHoursSchema.safeParse({ mon: { opensAt: "18:00", closesAt: "06:00" } }).success,
    ).toBe(false);
    expect(
      weeklyHoursSchema.safeParse({ mon: { opensAt: "6:30", closesAt: "18:00" } }).success,
    ).toBe(false);
    expect(weeklyHoursSchema.safeParse(hours).success).toBe(true);
  });

  it("spans the earliest opening and latest closing of the days asked, null when all closed", () => {
    expect(spanOf(hours, ["mon", "sat"])).toEqual({ opensAt: "06:30", closesAt: "18:00" });
    expect(spanOf(hours, ["sat"])).toEqual({ opensAt: "08:00", closesAt: "12:00" });
    expect(spanOf(hours, ["wed", "sun"])).toBeNull();
  });
});
