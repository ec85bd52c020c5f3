/**
 * @module rules/staff/reviews
 * When a staff member's next performance review is due. The cycle restarts at each review: the next
 * one is due `intervalMonths` after the last review, or after the hire date when there has been
 * none, so a late review moves every later one with it (the interval is the time between reviews,
 * not a fixed calendar). Month arithmetic clamps to the month's end: hired Jan 31 with a 1-month
 * interval is due Feb 28 (Feb 29 in a leap year). Due today is not overdue; the day after is.
 */
import { z } from "zod";
import { dateSchema } from "../../domain/ids.js";
import { AppError, err, ok, type Result } from "../../errors/index.js";
import { addMonths, daysBetween } from "./dates.js";

export const reviewDueSchema = z.object({
  dueOn: dateSchema,
  /** From `asOf` to `dueOn` in calendar days; negative when overdue. */
  daysUntil: z.number().int(),
  overdue: z.boolean(),
  basis: z.enum(["hire", "last_review"]),
  explanation: z.string(),
});
export type ReviewDue = z.infer<typeof reviewDueSchema>;

function badDate(field: string, value: string): AppError | null {
  return dateSchema.safeParse(value).success
    ? null
    : new AppError("bad_request", `${field}: expected a YYYY-MM-DD date, got "${value}"`, {
        field,
      });
}

export function reviewDue(
  hireDate: string,
  intervalMonths: number,
  lastReviewDate: string | null,
  asOf: string,
): Result<ReviewDue> {
  const bad =
    badDate("hireDate", hireDate) ??
    (lastReviewDate === null ? null : badDate("lastReviewDate", lastReviewDate)) ??
    badDate("asOf", asOf);
  if (bad) return err(bad);
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 120) {
    return err(
      new AppError(
        "bad_request",
        `intervalMonths: expected a whole number from 1 to 120, got ${intervalMonths}`,
        { field: "intervalMonths" },
      ),
    );
  }
  if (lastReviewDate !== null && lastReviewDate < hireDate) {
    return err(
      new AppError(
        "bad_request",
        `lastReviewDate: ${lastReviewDate} is before the hire date ${hireDate}`,
        { field: "lastReviewDate" },
      ),
    );
  }
  const basis = lastReviewDate === null ? "hire" : "last_review";
  const from = lastReviewDate ?? hireDate;
  const dueOn = addMonths(from, intervalMonths);
  const daysUntil = daysBetween(asOf, dueOn);
  const when =
    daysUntil < 0
      ? `overdue by ${-daysUntil} day${daysUntil === -1 ? "" : "s"}`
      : daysUntil === 0
        ? "due today"
        : `due in ${daysUntil} day${daysUntil === 1 ? "" : "s"}`;
  return ok({
    dueOn,
    daysUntil,
    overdue: daysUntil < 0,
    basis,
    explanation:
      `Review ${when}: ${dueOn} is ${intervalMonths} month${intervalMonths === 1 ? "" : "s"} after ` +
      `${basis === "hire" ? `the hire date ${hireDate}` : `the last review ${lastReviewDate}`}.`,
  });
}
