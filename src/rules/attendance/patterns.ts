/**
 * @module rules/attendance/patterns
 * Deterministic attendance patterns for one child, each explained and naming the records behind
 * it: chronic late pick-ups and arrivals, frequent early pick-ups, unexplained and consecutive
 * absences, and drift from the child's own usual pattern. Times are compared with the schedule in
 * effect that day (the caller supplies it, so a summer schedule is not mistaken for drift). Pure.
 */
import { z } from "zod";
import { dateSchema, localTimeSchema } from "../../domain/index.js";

export const dayRecordSchema = z.object({
  date: dateSchema,
  /** The schedule in effect that day; null when the child is not expected. */
  expected: z.object({ arrive: localTimeSchema, depart: localTimeSchema }).nullable(),
  arrivedAt: localTimeSchema.nullable(),
  departedAt: localTimeSchema.nullable(),
  /** The family told the center before the cut-off that the child would be absent. */
  absenceNotice: z.boolean(),
  /** The attendance records this day was built from (event ids), cited by findings. */
  recordIds: z.array(z.string()),
});
export type DayRecord = z.infer<typeof dayRecordSchema>;

export const patternPolicySchema = z.object({
  /** Days back from `asOf` (inclusive) that count for chronic patterns. */
  windowDays: z.number().int().min(7).default(28),
  latePickupGraceMinutes: z.number().int().min(0).default(10),
  lateArrivalMinutes: z.number().int().min(0).default(30),
  earlyPickupMinutes: z.number().int().min(0).default(60),
  /** Occurrences in the window that make a pattern chronic or frequent. */
  chronicCount: z.number().int().min(2).default(3),
  consecutiveAbsences: z.number().int().min(2).default(3),
  /** Days back that count for unexplained absences (the daily digest looks at one). */
  unexplainedDays: z.number().int().min(1).default(7),
  recentDays: z.number().int().min(3).default(10),
  baselineDays: z.number().int().min(5).default(30),
  driftMinutes: z.number().int().min(5).default(30),
});
export type PatternPolicy = z.input<typeof patternPolicySchema>;

export type FindingKind =
  | "chronic_late_pickup"
  | "chronic_late_arrival"
  | "frequent_early_pickup"
  | "unexplained_absence"
  | "consecutive_absences"
  | "arrival_drift"
  | "departure_drift";

export interface Finding {
  kind: FindingKind;
  dates: string[];
  recordIds: string[];
  explanation: string;
  /** The numbers behind the explanation. */
  metrics: Record<string, number>;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function finding(
  kind: FindingKind,
  days: DayRecord[],
  explanation: string,
  metrics: Record<string, number>,
): Finding {
  return {
    kind,
    dates: days.map((d) => d.date),
    recordIds: days.flatMap((d) => d.recordIds),
    explanation,
    metrics,
  };
}

const attended = (d: DayRecord) => d.arrivedAt !== null;
const absent = (d: DayRecord) => d.expected !== null && d.arrivedAt === null;

export function attendancePatterns(
  records: readonly DayRecord[],
  asOf: string,
  policyInput: PatternPolicy = {},
): Finding[] {
  const policy = patternPolicySchema.parse(policyInput);
  const days = z
    .array(dayRecordSchema)
    .parse(records)
    .filter((d) => d.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const age = (d: DayRecord) => daysBetween(d.date, asOf);
  const inWindow = days.filter((d) => age(d) < policy.windowDays);
  const out: Finding[] = [];

  const chronic = (kind: FindingKind, hits: DayRecord[], what: string) => {
    if (hits.length >= policy.chronicCount) {
      out.push(
        finding(
          kind,
          hits,
          `${hits.length} ${what} in the last ${policy.windowDays} days (threshold ${policy.chronicCount})`,
          {
            count: hits.length,
            threshold: policy.chronicCount,
          },
        ),
      );
    }
  };
  chronic(
    "chronic_late_pickup",
    inWindow.filter(
      (d) =>
        d.expected &&
        d.departedAt &&
        minutes(d.departedAt) > minutes(d.expected.depart) + policy.latePickupGraceMinutes,
    ),
    `pick-ups more than ${policy.latePickupGraceMinutes} min after the scheduled time`,
  );
  chronic(
    "chronic_late_arrival",
    inWindow.filter(
      (d) =>
        d.expected &&
        d.arrivedAt &&
        minutes(d.arrivedAt) > minutes(d.expected.arrive) + policy.lateArrivalMinutes,
    ),
    `arrivals more than ${policy.lateArrivalMinutes} min after the usual time`,
  );
  chronic(
    "frequent_early_pickup",
    inWindow.filter(
      (d) =>
        d.expected &&
        d.departedAt &&
        minutes(d.departedAt) < minutes(d.expected.depart) - policy.earlyPickupMinutes,
    ),
    `pick-ups more than ${policy.earlyPickupMinutes} min before the scheduled time`,
  );

  for (const d of days) {
    if (age(d) < policy.unexplainedDays && absent(d) && !d.absenceNotice) {
      out.push(
        finding(
          "unexplained_absence",
          [d],
          `expected on ${d.date} but not checked in, with no notice`,
          {},
        ),
      );
    }
  }

  // Runs of absences over scheduled days only: a weekend or an unscheduled day does not break one.
  let run: DayRecord[] = [];
  const closeRun = () => {
    if (run.length >= policy.consecutiveAbsences) {
      out.push(
        finding(
          "consecutive_absences",
          run,
          `absent ${run.length} scheduled days in a row (${run[0]!.date} to ${run.at(-1)!.date})`,
          { days: run.length, threshold: policy.consecutiveAbsences },
        ),
      );
    }
    run = [];
  };
  for (const d of inWindow) {
    if (d.expected === null) continue;
    if (absent(d)) run.push(d);
    else closeRun();
  }
  closeRun();

  const drift = (
    kind: FindingKind,
    field: "arrive" | "depart",
    pick: (d: DayRecord) => string | null,
  ) => {
    const usable = days.filter((d) => d.expected && pick(d) !== null && attended(d));
    const recent = usable.slice(-policy.recentDays);
    const baseline = usable.slice(0, -policy.recentDays).slice(-policy.baselineDays);
    if (recent.length < policy.recentDays || baseline.length < policy.recentDays) return;
    const offset = (d: DayRecord) => minutes(pick(d)!) - minutes(d.expected![field]);
    const before = median(baseline.map(offset));
    const now = median(recent.map(offset));
    const shift = now - before;
    if (Math.abs(shift) >= policy.driftMinutes) {
      out.push(
        finding(
          kind,
          recent,
          `${field === "arrive" ? "arrivals" : "pick-ups"} over the last ${recent.length} attended days are a median ${Math.abs(shift)} min ${shift > 0 ? "later" : "earlier"} against the schedule than over the ${baseline.length} days before`,
          { baselineMedianOffset: before, recentMedianOffset: now, shiftMinutes: shift },
        ),
      );
    }
  };
  drift("arrival_drift", "arrive", (d) => d.arrivedAt);
  drift("departure_drift", "depart", (d) => d.departedAt);
  return out;
}
