import { describe, expect, it } from "vitest";
import { defaultExpiryRules, expiryFor, parseExpiryRules } from "./expiry.js";

describe("approval expiry", () => {
  it("an absence check-in lapses at local midnight after the day it is about", () => {
    expect(
      expiryFor(defaultExpiryRules, "absence-follow-up", "2026-03-07", "America/Chicago"),
    ).toBe("2026-03-08T06:00:00.000Z");
    // The night the clocks go forward: midnight is still 06:00Z (CST), the next one 05:00Z.
    expect(expiryFor(defaultExpiryRules, "late-pickup", "2026-03-08", "America/Chicago")).toBe(
      "2026-03-09T05:00:00.000Z",
    );
  });

  it("jobs without a rule, and jobs set to none, do not expire", () => {
    expect(expiryFor(defaultExpiryRules, "review-summary", "2026-03-07", "UTC")).toBeNull();
    expect(expiryFor(defaultExpiryRules, null, "2026-03-07", "UTC")).toBeNull();
    const rules = parseExpiryRules("late-pickup=none, review-summary=end_of_day");
    expect(rules.ok && rules.value["late-pickup"]).toBe("none");
    expect(rules.ok && expiryFor(rules.value, "review-summary", "2026-03-07", "UTC")).toBe(
      "2026-03-08T00:00:00.000Z",
    );
    expect(rules.ok && rules.value["absence-follow-up"]).toBe("end_of_day");
  });

  it("refuses a rule it does not know, naming the entry", () => {
    const bad = parseExpiryRules("late-pickup=tomorrow");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toContain("late-pickup=tomorrow");
  });
});
