/**
 * @module sandbox/subsidy
 * Invented subsidy authorizations for the simulated centers: about a third of each center's
 * children hold one, from one of two invented programs. Most authorize a full month; one in four
 * is a small part-time authorization that a single simulated week already exceeds, so the claim
 * report has over-authorization to flag. Deterministic from the seed.
 */
import type { SubsidyAuthorization } from "../reports/subsidy-authorizations.js";
import { addMonths } from "../rules/index.js";
import { rngFor } from "./prng.js";
import type { SandboxWorld } from "./world.js";

export const SANDBOX_SUBSIDY_PROGRAMS = ["State Child Care Assistance", "County Early Learning"];

export function sandboxSubsidyAuthorizations(
  world: SandboxWorld,
): Map<string, SubsidyAuthorization[]> {
  const firstOfMonth = `${world.referenceDate.slice(0, 7)}-01`;
  return new Map(
    world.centers.map((center) => {
      const rng = rngFor(world.seed, "subsidy", center.id);
      const list = center.children
        .filter(() => rng.chance(1 / 3))
        .map((child, i): SubsidyAuthorization => {
          const program = rng.pick(SANDBOX_SUBSIDY_PROGRAMS);
          const partTime = rng.chance(1 / 4);
          const days = partTime ? rng.int(2, 3) : rng.int(18, 23);
          const startDate = addMonths(firstOfMonth, -rng.int(0, 3));
          return {
            childId: child.id,
            program,
            reference: `${program === SANDBOX_SUBSIDY_PROGRAMS[0] ? "CCA" : "CEL"}-${center.number}-${String(i + 1).padStart(4, "0")}`,
            startDate,
            endDate: addMonths(startDate, 6),
            hoursPerMonth: days * (partTime ? 5 : 10),
            daysPerMonth: days,
            absenceDaysPerMonth: rng.int(0, 3),
          };
        });
      return [center.id, list];
    }),
  );
}
