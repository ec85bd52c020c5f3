/**
 * @module sandbox/staff-records
 * Invented staff records for the simulated centers, stored at seed time like a center's own
 * import would be: a hire date for every staff member (one lead teacher's chosen so a review comes
 * due in the first simulated week; everyone else's anniversary 45 to 320 days before the first
 * day's, so on the first day only that one is due) and a training log against the jurisdiction's
 * training requirement (every full previous period met; in the current one most staff met or on
 * pace, one or two behind). A jurisdiction without a training rule still gets a log (12 hours a
 * calendar year) so the page has records to show. Deterministic from the seed.
 */
import { addDays } from "../domain/time.js";
import { addMonths, staff as staffRules } from "../rules/index.js";
import type { HireDateEntry, TrainingEntry } from "../staff/records.js";
import { type Rng, rngFor } from "./prng.js";
import type { SandboxWorld } from "./world.js";

export const SANDBOX_REVIEW_MONTHS = 12;
/** The scripted review falls due this many days after the first simulated day. */
const REVIEW_DUE_IN_DAYS = 7;

const TOPICS = [
  "Child growth and development",
  "Health, safety and nutrition",
  "Guidance and positive discipline",
  "Curriculum planning",
  "Safe sleep practices",
  "Recognizing and reporting abuse",
];
const PROVIDERS = ["Regional Early Learning Coalition", "Online Child Care Academy"];

/** Only its hours and period are used: the log's shape where the pack has no training rule. */
const fallbackRequirement: staffRules.TrainingRequirement = {
  id: "sandbox_training",
  label: "12 training hours every 12 months",
  hours: 12,
  period: { anchor: "calendar", months: 12 },
  roles: ["teacher"],
  topics: null,
  citation: { source: "sandbox", strength: "UNCONFIRMED" },
};

export function sandboxHireDates(world: SandboxWorld): Map<string, HireDateEntry[]> {
  return new Map(
    world.centers.map((center) => {
      const rng = rngFor(world.seed, "hires", center.id);
      const dueSoon = center.staff.find((s) => s.role === "lead_teacher") ?? center.staff[0];
      const hires = center.staff.map((s) => ({
        staffId: s.id,
        hireDate:
          s.id === dueSoon?.id
            ? addMonths(addDays(world.referenceDate, REVIEW_DUE_IN_DAYS), -SANDBOX_REVIEW_MONTHS)
            : addDays(
                addMonths(world.referenceDate, -SANDBOX_REVIEW_MONTHS * rng.int(1, 5)),
                -rng.int(45, 320),
              ),
      }));
      return [center.id, hires];
    }),
  );
}

/** Sessions adding up to `hours` (in half hours), dated inside [from, to]. */
function sessions(
  rng: Rng,
  staffId: string,
  hours: number,
  from: string,
  to: string,
  label: string,
): TrainingEntry[] {
  const span = staffRules.daysBetween(from, to);
  if (hours <= 0 || span < 0) return [];
  const count = Math.max(1, Math.min(4, Math.round(hours / 4)));
  const halves = Math.round(hours * 2);
  const out: TrainingEntry[] = [];
  let left = halves;
  for (let i = 0; i < count && left > 0; i++) {
    const share = i === count - 1 ? left : Math.max(1, Math.round(halves / count));
    left -= share;
    const completedOn = addDays(from, rng.int(0, span));
    const provider = rng.pick(PROVIDERS);
    out.push({
      staffId,
      topic: rng.pick(TOPICS),
      hours: share / 2,
      completedOn,
      provider,
      reference: `${provider === PROVIDERS[0] ? "RELC" : "OCCA"}-${label}-${completedOn.replaceAll("-", "")}-${i + 1}`,
    });
  }
  return out;
}

export function sandboxTraining(
  world: SandboxWorld,
  hireDates: Map<string, HireDateEntry[]>,
): Map<string, TrainingEntry[]> {
  const today = world.referenceDate;
  const yesterday = addDays(today, -1);
  return new Map(
    world.centers.map((center) => {
      const rng = rngFor(world.seed, "training", center.id);
      const req =
        staffRules.getCredentialPack(center.jurisdiction)?.training[0] ?? fallbackRequirement;
      const hires = new Map((hireDates.get(center.id) ?? []).map((h) => [h.staffId, h.hireDate]));
      const behind = new Set(
        [rng.int(0, center.staff.length - 1), rng.int(0, center.staff.length - 1)].map(
          (i) => center.staff[i]?.id,
        ),
      );
      const log = center.staff.flatMap((s, i) => {
        const hireDate = hires.get(s.id) ?? null;
        const period = staffRules.trainingStatus(req, [], hireDate, today);
        const label = `${center.number}${String(i + 1).padStart(3, "0")}`;
        const previous = period.previousPeriod
          ? sessions(
              rng,
              s.id,
              req.hours + rng.int(0, 3),
              period.previousPeriod.start,
              period.previousPeriod.end,
              label,
            )
          : [];
        const from =
          hireDate !== null && hireDate > period.periodStart ? hireDate : period.periodStart;
        const elapsed =
          (staffRules.daysBetween(from, today) + 1) /
          (staffRules.daysBetween(from, period.periodEnd) + 1);
        const share = behind.has(s.id)
          ? elapsed * 0.3
          : rng.chance(0.4)
            ? 1
            : Math.min(1, elapsed * (1.1 + rng.next() * 0.5));
        const current = sessions(
          rng,
          s.id,
          Math.ceil(req.hours * share * 2) / 2,
          from,
          yesterday,
          label,
        );
        return [...previous, ...current];
      });
      return [center.id, log];
    }),
  );
}
