/**
 * @module sandbox/drafting-policy
 * Drafting policies for the simulated centers: each closes at its own `closesAt` with a late fee
 * (per minute at even centers, per 15-minute block at odd ones) and reviews every
 * `SANDBOX_REVIEW_MONTHS`. The hire dates reviews count from are staff records (sandbox/staff-records).
 */
import type { DraftingPolicyInput } from "../drafting/policy.js";
import { SANDBOX_REVIEW_MONTHS } from "./staff-records.js";
import type { SandboxWorld } from "./world.js";

export function sandboxDraftingPolicies(world: SandboxWorld): Map<string, DraftingPolicyInput> {
  return new Map(
    world.centers.map((center) => [
      center.id,
      {
        latePickup: {
          closesAt: center.closesAt,
          graceMinutes: 5,
          fee:
            center.index % 2 === 0
              ? { per: "minute" as const, amountCents: 100 }
              : { per: "block" as const, blockMinutes: 15, amountCents: 1500 },
          capCents: 6000,
        },
        absence: { cutoff: "10:00" },
        review: { intervalMonths: SANDBOX_REVIEW_MONTHS, leadDays: 14 },
      },
    ]),
  );
}
