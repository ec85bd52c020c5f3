import { describe, expect, it } from "vitest";
import { addMonths, daysBetween } from "./dates.js";
import { reviewDue } from "./reviews.js";

function due(hire: string, months: number, last: string | null, asOf: string) {
  const r = reviewDue(hire, months, last, asOf);
  if (!r.ok) throw r.error;
  return r.value;
}

describe("addMonths", () => {
  it("clamps to the end of a shorter month and never drifts", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });
  it("counts calendar days across a year end", () => {
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2027-01-02", "2026-12-30")).toBe(-3);
  });
});

describe("reviewDue", () => {
  it("hired Jan 31 with a 1-month interval is due Feb 28 (Feb 29 in a leap year)", () => {
    expect(due("2026-01-31", 1, null, "2026-02-01")).toMatchObject({
      dueOn: "2026-02-28",
      daysUntil: 27,
      overdue: false,
      basis: "hire",
    });
    expect(due("2028-01-31", 1, null, "2028-02-01").dueOn).toBe("2028-02-29");
  });

  it("is due today on the due date and overdue the day after", () => {
    const today = due("2026-02-28", 12, null, "2027-02-28");
    expect(today).toMatchObject({ dueOn: "2027-02-28", daysUntil: 0, overdue: false });
    expect(today.explanation).toContain("due today");
    const after = due("2026-02-28", 12, null, "2027-03-01");
    expect(after).toMatchObject({ daysUntil: -1, overdue: true });
    expect(after.explanation).toContain("overdue by 1 day:");
  });

  it("restarts the cycle at the last review", () => {
    const r = due("2025-03-10", 6, "2026-01-20", "2026-05-01");
    expect(r).toMatchObject({ dueOn: "2026-07-20", basis: "last_review", daysUntil: 80 });
    expect(r.explanation).toContain("after the last review 2026-01-20");
  });

  it("a review on Aug 31 with a 6-month interval is due on the last day of February", () => {
    expect(due("2020-01-01", 6, "2026-08-31", "2026-09-01").dueOn).toBe("2027-02-28");
  });

  it("rejects a bad interval, a review before hire, and a malformed date, naming the field", () => {
    for (const [args, field] of [
      [["2026-01-01", 0, null, "2026-02-01"], "intervalMonths"],
      [["2026-01-01", 1.5, null, "2026-02-01"], "intervalMonths"],
      [["2026-01-01", 12, "2025-12-31", "2026-02-01"], "lastReviewDate"],
      [["2026-1-1", 12, null, "2026-02-01"], "hireDate"],
    ] as const) {
      const r = reviewDue(...(args as [string, number, string | null, string]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.details.field).toBe(field);
    }
  });
});
