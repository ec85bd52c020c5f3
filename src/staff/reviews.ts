/**
 * @module staff/reviews
 * Upcoming performance reviews as the drafting job saw them: each review-summary draft carries the
 * due date, the review number and the facts behind it (punctuality, credentials, incidents), so
 * the staff page lists the draft rather than recomputing from hire dates the directory lacks.
 */
import { z } from "zod";
import { listApprovals } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";

const reviewFactsSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  dueOn: z.iso.date(),
  reviewNumber: z.number().int(),
});

export interface UpcomingReview {
  staffId: string;
  staffName: string;
  dueOn: string;
  reviewNumber: number;
  approvalId: number;
  state: string;
}

/** Review-summary drafts due on or after `asOf`, soonest first. */
export function upcomingReviews(db: Store, centerId: string, asOf: string): UpcomingReview[] {
  return listApprovals(db, { centerIds: [centerId], kinds: ["review_summary"] })
    .flatMap((a) => {
      const facts = reviewFactsSchema.safeParse((a.context as { facts?: unknown }).facts);
      if (!facts.success || facts.data.dueOn < asOf) return [];
      return [{ ...facts.data, approvalId: a.id, state: a.state }];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.staffName.localeCompare(b.staffName));
}
