/**
 * @module approvals/execute
 * What an approval's platform call came to, recorded on the approval. The outbox worker calls
 * `recordPlatformOutcome` inside the transaction that finishes the outbox row (its `onFinished`
 * hook), so the row and the approval never disagree.
 *
 * Exactly once: the call is sent with the approval's idempotency key. If the process dies after
 * the platform answered but before this transaction commits, the row is still `sending` under a
 * lease; once the lease runs out a worker claims it again and re-sends with the SAME key, and the
 * platform answers with the record it already created instead of making a second one.
 */
import { appendAudit } from "../audit/append.js";
import { type ApprovalRow, getApproval, transitionApproval } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import type { FinishOutcome, OutboxRow } from "../storage/outbox.js";
import { moveApproval } from "./transition.js";

export type PlatformOutcome = FinishOutcome & { recordId?: string };

/** Records a `platform` outbox row's outcome on its approval; other rows are ignored. */
export function recordPlatformOutcome(tx: Store, row: OutboxRow, outcome: PlatformOutcome): void {
  if (row.channel !== "platform" || row.approvalId === null) return;
  const approval = getApproval(tx, row.approvalId);
  if (approval?.state !== "executing" || approval.outboxId !== row.id) return;

  const audit = (data: Record<string, unknown>) =>
    appendAudit(
      tx,
      {
        actor: "system:outbox",
        action: "platform.write",
        centerId: approval.centerId,
        subject: `approval:${approval.id}`,
        sourceIds: [
          `outbox:${row.id}`,
          ...(outcome.status === "sent" && outcome.recordId ? [outcome.recordId] : []),
        ],
        correlationId: approval.triggerEventId,
        data: {
          op: row.recipient,
          idempotencyKey: row.idempotencyKey,
          attempt: row.attempts,
          ...data,
        },
      },
      outcome.at,
    );

  switch (outcome.status) {
    case "sent":
      moveApproval(tx, approval, "executed", {
        executedAt: outcome.at,
        platformRecordId: outcome.recordId ?? null,
        lastError: null,
        updatedAt: outcome.at,
      });
      audit({
        outcome: "succeeded",
        recordId: outcome.recordId ?? null,
        response: outcome.response,
      });
      return;
    case "pending":
      // Still executing: the outbox will try again. The error is shown meanwhile.
      keepExecuting(tx, approval, outcome.error, outcome.at);
      audit({
        outcome: "failed",
        retrying: true,
        error: outcome.error,
        nextAttemptAt: outcome.nextAttemptAt,
      });
      return;
    case "failed":
    case "skipped":
      moveApproval(tx, approval, "failed", { lastError: outcome.error, updatedAt: outcome.at });
      audit({ outcome: "failed", retrying: false, error: outcome.error });
      return;
  }
}

/** Not a transition: the state stays `executing`, still compare-and-set on it. */
function keepExecuting(tx: Store, approval: ApprovalRow, error: string, at: string): void {
  transitionApproval(tx, approval.id, "executing", { lastError: error, updatedAt: at });
}
