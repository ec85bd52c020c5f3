/**
 * @module staff/reviews
 * Every staff member's next performance review, from the stored hire date and the center's review
 * interval, each linked to its review-summary draft when the drafting job has made one. The draft
 * is found by the facts it carries (staff id and due date), so the link survives a draft that is
 * decided or expired.
 */
import { z } from "zod";
import { nextReview, type ReviewPolicy } from "../rules/index.js";
import { listApprovals } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import { listStaff } from "../storage/directory.js";
import { listHireDates } from "../storage/staff-records.js";

const reviewFactsSchema = z.object({
  staffId: z.string(),
  dueOn: z.iso.date(),
});

export interface UpcomingReview {
  staffId: string;
  staffName: string;
  /** Null: no hire date on file, so no review can be computed. */
  hireDate: string | null;
  dueOn: string | null;
  daysUntil: number | null;
  reviewNumber: number | null;
  /** Inside the lead time: the summary is (or is about to be) drafted. */
  withinWindow: boolean;
  draft: { approvalId: number; state: string } | null;
}

/** Review-summary drafts by `staffId|dueOn`. */
function draftsByDue(db: Store, centerId: string): Map<string, { id: number; state: string }> {
  const out = new Map<string, { id: number; state: string }>();
  for (const a of listApprovals(db, { centerIds: [centerId], kinds: ["review_summary"] })) {
    const facts = reviewFactsSchema.safeParse((a.context as { facts?: unknown }).facts);
    if (facts.success) out.set(`${facts.data.staffId}|${facts.data.dueOn}`, a);
  }
  return out;
}

/**
 * Each staff member's next review on or after `asOf` (the center's local date), soonest first;
 * staff without a hire date last.
 */
export function upcomingReviews(
  db: Store,
  centerId: string,
  asOf: string,
  policy: ReviewPolicy,
): UpcomingReview[] {
  const hires = new Map(listHireDates(db, centerId).map((h) => [h.staffId, h.hireDate]));
  const drafts = draftsByDue(db, centerId);
  return listStaff(db, centerId)
    .map((s): UpcomingReview => {
      const staffName = `${s.firstName} ${s.lastName}`;
      const hireDate = hires.get(s.id) ?? null;
      const due = hireDate === null ? null : nextReview(policy, hireDate, asOf);
      const draft = due ? drafts.get(`${s.id}|${due.dueOn}`) : undefined;
      return {
        staffId: s.id,
        staffName,
        hireDate,
        dueOn: due?.dueOn ?? null,
        daysUntil: due?.daysUntil ?? null,
        reviewNumber: due?.number ?? null,
        withinWindow: due?.withinWindow ?? false,
        draft: draft ? { approvalId: draft.id, state: draft.state } : null,
      };
    })
    .sort(
      (a, b) =>
        (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") ||
        a.staffName.localeCompare(b.staffName),
    );
}
