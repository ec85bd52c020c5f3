import { describe, expect, it } from "vitest";
import { addMonths, nextReview, reviewPolicySchema } from "./review-due.js";

const policy = reviewPolicySchema.parse({ intervalMonths: 12, leadDays: 14 });

describe("nextReview", () => {
  it("is due on the anniversary, inside the window from 14 days before", () => {
    expect(nextReview(policy, "2025-12-07", "2026-11-23")).toEqual({
      dueOn: "2026-12-07",
      daysUntil: 14,
      number: 1,
      withinWindow: true,
    });
    expect(nextReview(policy, "2025-12-08", "2026-11-23")).toMatchObject({
      daysUntil: 15,
      withinWindow: false,
    });
  });

  it("counts later reviews and is due on the day itself", () => {
    expect(nextReview(policy, "2023-11-23", "2026-11-23")).toMatchObject({
      dueOn: "2026-11-23",
      number: 3,
      daysUntil: 0,
      withinWindow: true,
    });
    expect(nextReview(policy, "2023-11-22", "2026-11-23")).toMatchObject({
      dueOn: "2027-11-22",
      number: 4,
    });
  });

  it("has nothing before the hire date", () => {
    expect(nextReview(policy, "2027-01-01", "2026-11-23")).toBeNull();
  });

  it("clamps to the end of a shorter month", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", -12)).toBe("2024-11-30");
  });
});
