import { describe, expect, it } from "vitest";
import { completedMonths, completedYears } from "./ages.js";

describe("completed age", () => {
  it("counts a month only on the day-of-month it completes", () => {
    expect(completedMonths("2025-03-15", "2026-03-14")).toBe(11);
    expect(completedMonths("2025-03-15", "2026-03-15")).toBe(12);
    expect(completedMonths("2025-01-31", "2025-02-28")).toBe(0);
    expect(completedMonths("2025-01-31", "2025-03-01")).toBe(1);
  });

  it("never goes negative for a birth date after the evaluation date", () => {
    expect(completedMonths("2027-01-01", "2026-01-01")).toBe(0);
  });

  it("turns 18 on the 18th birthday, not before", () => {
    expect(completedYears("2008-11-24", "2026-11-23")).toBe(17);
    expect(completedYears("2008-11-23", "2026-11-23")).toBe(18);
  });
});
