import { describe, expect, it } from "vitest";
import { draftingPolicySchema } from "./policy.js";

describe("drafting policy", () => {
  it("ignores a hires list an older policy object may still carry (hire dates are staff records now)", () => {
    const policy = draftingPolicySchema.parse({
      review: { intervalMonths: 6 },
      hires: [{ staffId: "STF_1", hireDate: "2020-01-01" }],
    });
    expect(policy).not.toHaveProperty("hires");
    expect(policy.review).toEqual({ intervalMonths: 6, leadDays: 14 });
  });
});
