/**
 * @module approvals/expire
 * Pending approvals past their `expires_at` become `expired`: a message about this morning must
 * not be sendable this evening. Each one moves in its own transaction with its audit entry.
 */
import { appendAudit } from "../audit/append.js";
import { AppError } from "../errors/index.js";
import { listExpiredPending } from "../storage/approvals.js";
import { type Db, inTransaction } from "../storage/db.js";
import { moveApproval } from "./transition.js";

/**
 * Expires every pending approval whose `expires_at` is at or before `now` (business time);
 * `at` stamps the audit entries (wall time, default `now`). Returns the ids expired. An approval
 * decided in the meantime is left alone (the compare-and-set refuses the move).
 */
export function expireApprovals(db: Db, now: Date, at: Date = now): number[] {
  const expired: number[] = [];
  const stamp = at.toISOString();
  for (const row of listExpiredPending(db, now.toISOString())) {
    try {
      inTransaction(db, (tx) => {
        moveApproval(tx, row, "expired", { updatedAt: stamp });
        appendAudit(
          tx,
          {
            actor: "system:approvals",
            action: "approval.expired",
            centerId: row.centerId,
            subject: `approval:${row.id}`,
            sourceIds: [row.agentRunId, row.triggerEventId].filter((x): x is string => x !== null),
            correlationId: row.triggerEventId,
            data: { kind: row.kind, expiresAt: row.expiresAt, contentHash: row.contentHash },
          },
          stamp,
        );
      });
      expired.push(row.id);
    } catch (error) {
      if (!(AppError.is(error) && error.code === "conflict")) throw error;
    }
  }
  return expired;
}
