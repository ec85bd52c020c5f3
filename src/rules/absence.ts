/**
 * @module rules/absence
 * Whether a child expected today is absent without notice: scheduled for this weekday, not
 * checked in, no notice from the family, and the center's cut-off has passed. Pure: the moment
 * of the check is a parameter.
 */
import { z } from "zod";
import { localTimeSchema } from "../domain/ids.js";
import { expectedDaySchema } from "../domain/people.js";
import { instantToZoned } from "../domain/time.js";

export const absencePolicySchema = z.object({
  /** Local time after which an expected child with no check-in and no notice is followed up. */
  cutoff: localTimeSchema.default("10:00"),
  /** Also follow up children whose own arrival is after the cut-off, once this long past it. */
  minutesAfterExpectedArrival: z.number().int().min(0).max(600).default(60),
});
export type AbsencePolicy = z.infer<typeof absencePolicySchema>;

export const absenceInputSchema = z.object({
  schedule: z.array(expectedDaySchema),
  /** Any check-in recorded for the child today. */
  checkedInToday: z.boolean(),
  /** The family told the center beforehand (a platform absence notice). */
  noticeGiven: z.boolean(),
});
export type AbsenceInput = z.infer<typeof absenceInputSchema>;

export type AbsenceDecision =
  | { status: "not_expected" | "checked_in" | "notice_given" | "before_cutoff"; reason: string }
  | { status: "absent_without_notice"; expectedArrival: string; cutoff: string; reason: string };

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function decideAbsence(
  policy: AbsencePolicy,
  input: AbsenceInput,
  at: Date,
  timeZone: string,
): AbsenceDecision {
  const local = instantToZoned(at, timeZone);
  const day = input.schedule.find((d) => d.day === local.weekday);
  if (!day) return { status: "not_expected", reason: `not scheduled on ${local.weekday}` };
  if (input.checkedInToday) return { status: "checked_in", reason: "checked in today" };
  if (input.noticeGiven) return { status: "notice_given", reason: "the family gave notice" };
  // The later of the center's cut-off and the child's own arrival plus the allowance.
  const cutoff = Math.max(
    toMinutes(policy.cutoff),
    toMinutes(day.arrive) + policy.minutesAfterExpectedArrival,
  );
  if (toMinutes(local.time) < cutoff) {
    return { status: "before_cutoff", reason: `cut-off ${toTime(cutoff)} not reached` };
  }
  return {
    status: "absent_without_notice",
    expectedArrival: day.arrive,
    cutoff: toTime(cutoff),
    reason: `expected at ${day.arrive} on ${local.weekday}; no check-in and no notice by ${toTime(cutoff)}`,
  };
}
