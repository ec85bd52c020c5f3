/**
 * @module rules/review-due
 * When a staff member's review falls due: hire date plus whole intervals, the first one on or
 * after today, and whether it is inside the look-ahead window. Pure: today is a parameter.
 */
import { z } from "zod";

export const reviewPolicySchema = z.object({
  /** Months between reviews, counted from the hire date. */
  intervalMonths: z.number().int().min(1).max(60).default(12),
  /** Draft the summary this many days before the review is due. */
  leadDays: z.number().int().min(0).max(90).default(14),
});
export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;

export interface ReviewDue {
  dueOn: string;
  daysUntil: number;
  /** Which review this is: 1 for the first after hire. */
  number: number;
  withinWindow: boolean;
}

const parse = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m, d };
};
const dayNumber = (date: string) => {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** `date` plus `months`, clamped to the month's last day (a 31 January hire reviews on 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The next review on or after `today`; null when `today` is before the hire date. */
export function nextReview(
  policy: ReviewPolicy,
  hireDate: string,
  today: string,
): ReviewDue | null {
  if (dayNumber(today) < dayNumber(hireDate)) return null;
  let number = 1;
  let dueOn = addMonths(hireDate, policy.intervalMonths);
  while (dayNumber(dueOn) < dayNumber(today)) {
    number += 1;
    dueOn = addMonths(hireDate, policy.intervalMonths * number);
  }
  const daysUntil = dayNumber(dueOn) - dayNumber(today);
  return { dueOn, daysUntil, number, withinWindow: daysUntil <= policy.leadDays };
}
