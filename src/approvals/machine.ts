/**
 * @module approvals/machine
 * The approval state machine, as data. Every change of an approval's state goes through
 * `canTransition`, and then through a compare-and-set on the stored state, so an illegal move or
 * a lost race is refused rather than applied.
 *
 * pending ─► approved | edited_and_approved | rejected | expired
 * approved | edited_and_approved ─► executing   (only when there is a platform call to make)
 * executing ─► executed | failed                (failed once the outbox's retries are spent)
 */
import type { ApprovalState } from "./kinds.js";

const next: Record<ApprovalState, readonly ApprovalState[]> = {
  pending: ["approved", "edited_and_approved", "rejected", "expired"],
  approved: ["executing"],
  edited_and_approved: ["executing"],
  executing: ["executed", "failed"],
  rejected: [],
  expired: [],
  executed: [],
  failed: [],
};

export function canTransition(from: ApprovalState, to: ApprovalState): boolean {
  return next[from].includes(to);
}

/** States in which nothing more will happen to the approval. */
export function isFinal(state: ApprovalState): boolean {
  return next[state].length === 0;
}
