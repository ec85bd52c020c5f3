/**
 * @module approvals/transition
 * The one way an approval's state changes: the machine must allow the move, and the stored state
 * must still be the one the caller read (compare-and-set), or the move is refused with `conflict`.
 * Call it inside the transaction that also writes the move's audit entry.
 */
import { AppError } from "../errors/index.js";
import { type ApprovalRow, type NewApprovalRow, transitionApproval } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import type { ApprovalState } from "./kinds.js";
import { canTransition } from "./machine.js";

export function moveApproval(
  tx: Store,
  row: Pick<ApprovalRow, "id" | "state">,
  to: ApprovalState,
  patch: Partial<Omit<NewApprovalRow, "id" | "state">>,
): ApprovalRow {
  if (!canTransition(row.state, to)) {
    throw new AppError("conflict", `approval ${row.id} cannot go from ${row.state} to ${to}`, {
      from: row.state,
      to,
    });
  }
  const moved = transitionApproval(tx, row.id, row.state, { ...patch, state: to });
  if (!moved) {
    throw new AppError("conflict", `approval ${row.id} changed while it was being decided`, {
      from: row.state,
      to,
    });
  }
  return moved;
}
