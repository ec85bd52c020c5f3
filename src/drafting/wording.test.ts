import { describe, expect, it } from "vitest";
import { clockFor, daysFromNow, formatDate, formatTime, salutation } from "./wording.js";

describe("wording", () => {
  it("reads times on a US center's 12-hour clock and leaves other countries' on 24 hours", () => {
    expect(clockFor("US-CA")).toBe("12h");
    expect(clockFor("NAEYC")).toBe("12h");
    expect(clockFor("GB-ENG")).toBe("24h");
    expect(formatTime("18:20", "12h")).toBe("6:20 PM");
    expect(formatTime("00:05", "12h")).toBe("12:05 AM");
    expect(formatTime("12:00", "12h")).toBe("12:00 PM");
    expect(formatTime("18:20", "24h")).toBe("18:20");
  });

  it("never doubles the article in a salutation", () => {
    expect(salutation("The Nightingale Family")).toBe("Dear Nightingale Family,");
    expect(salutation("Nightingale Family")).toBe("Dear Nightingale Family,");
  });

  it("writes dates in words and day counts without a minus sign", () => {
    expect(formatDate("2026-11-23")).toBe("Monday, November 23");
    expect(formatDate("2026-12-04", { weekday: false, year: true })).toBe("December 4, 2026");
    expect(daysFromNow(-3)).toBe("3 days ago");
    expect(daysFromNow(12)).toBe("in 12 days");
  });
});
