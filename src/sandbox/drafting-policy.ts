/**
 * @module sandbox/drafting-policy
 * Drafting policies for the simulated centers: each closes at its own `closesAt` with a late fee
 * (per minute at even centers, per 15-minute block at odd ones), and every staff member has an
 * invented hire date, one lead teacher's chosen so a review comes due in the first simulated week.
 * Hire dates live here because the platforms' directories do not carry them (see drafting/policy).
 */
import { addDays } from "../domain/time.js";
import type { DraftingPolicyInput } from "../drafting/policy.js";
import { addMonths } from "../rules/index.js";
import { rngFor } from "./prng.js";
import type { SandboxWorld } from "./world.js";

const REVIEW_MONTHS = 12;
/** The scripted review falls due this many days after the first simulated day. */
const REVIEW_DUE_IN_DAYS = 7;

export function sandboxDraftingPolicies(world: SandboxWorld): Map<string, DraftingPolicyInput> {
  return new Map(
    world.centers.map((center) => {
      const rng = rngFor(world.seed, "hires", center.id);
      const dueSoon = center.staff.find((s) => s.role === "lead_teacher") ?? center.staff[0];
      const hires = center.staff.map((s) => ({
        staffId: s.id,
        hireDate:
          s.id === dueSoon?.id
            ? addMonths(addDays(world.referenceDate, REVIEW_DUE_IN_DAYS), -REVIEW_MONTHS)
            : // Anniversaries 45 to 320 days before the first day's: the next review is at least
              // 45 days off, so on the first day only the chosen one is due.
              addDays(
                addMonths(world.referenceDate, -REVIEW_MONTHS * rng.int(1, 5)),
                -rng.int(45, 320),
              ),
      }));
      return [
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
          review: { intervalMonths: REVIEW_MONTHS, leadDays: 14 },
          hires,
        },
      ];
    }),
  );
}
