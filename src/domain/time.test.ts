import { describe, expect, it } from "vitest";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "./time.js";

const LA = "America/Los_Angeles";
const NY = "America/New_York";

describe("zonedDateTimeToInstant", () => {
  it("uses standard time in winter and daylight time in summer", () => {
    expect(zonedDateTimeToInstant("2026-01-15", "08:00", LA).toISOString()).toBe(
      "2026-01-15T16:00:00.000Z",
    );
    expect(zonedDateTimeToInstant("2026-07-15", "08:00", LA).toISOString()).toBe(
      "2026-07-15T15:00:00.000Z",
    );
  });

  it("switches offset across the spring-forward change (2026-03-08 in the US)", () => {
    expect(zonedDateTimeToInstant("2026-03-08", "01:30", NY).toISOString()).toBe(
      "2026-03-08T06:30:00.000Z",
    );
    expect(zonedDateTimeToInstant("2026-03-08", "06:30", NY).toISOString()).toBe(
      "2026-03-08T10:30:00.000Z",
    );
    // 02:30 does not exist that night: it moves forward by the hour-long gap.
    expect(zonedDateTimeToInstant("2026-03-08", "02:30", NY).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("resolves the repeated hour of the fall-back change to its first occurrence", () => {
    // 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(zonedDateTimeToInstant("2026-11-01", "01:30", NY).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(zonedDateTimeToInstant("2026-11-01", "03:00", NY).toISOString()).toBe(
      "2026-11-01T08:00:00.000Z",
    );
  });

  it("rejects malformed input", () => {
    expect(() => zonedDateTimeToInstant("2026-1-5", "08:00", LA)).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant("2026-01-05", "8:00", LA)).toThrow(RangeError);
  });
});

describe("instantToZoned", () => {
  it("gives the local date, time and weekday, including across midnight UTC", () => {
    expect(instantToZoned(new Date("2026-11-24T03:15:00Z"), LA)).toEqual({
      date: "2026-11-23",
      time: "19:15",
      weekday: "mon",
    });
  });

  it("round-trips every hour of a DST-change day", () => {
    for (const date of ["2026-03-08", "2026-11-01"]) {
      for (let h = 3; h < 24; h++) {
        const time = `${String(h).padStart(2, "0")}:45`;
        expect(instantToZoned(zonedDateTimeToInstant(date, time, LA), LA)).toMatchObject({
          date,
          time,
        });
      }
    }
  });

  it("reads 00:xx as hour 0, not 24", () => {
    expect(instantToZoned(new Date("2026-06-01T07:05:00Z"), LA).time).toBe("00:05");
  });
});

describe("calendar helpers", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("names the weekday of a date", () => {
    expect(weekdayOf("2026-11-23")).toBe("mon");
    expect(weekdayOf("2026-11-29")).toBe("sun");
  });
});
