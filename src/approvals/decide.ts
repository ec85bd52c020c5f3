/**
 * @module approvals/decide
 * A person's decision on one approval: approve (optionally with edited words) or reject with a
 * reason. A decision names the approval and the hash of the content the person saw; it is refused
 * if that content changed, if the item is no longer pending, or if the person's role may not
 * decide on its kind at its center. Deny is the default: anything unexpected refuses.
 *
 * The decision, its audit entry and (for an approval that makes a platform call) the one outbox
 * row that will make the call all commit in one transaction, so there is never an approved item
 * with no send queued, nor a send with no recorded decision.
 */
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import { type ApprovalRow, getApproval } from "../storage/approvals.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { enqueueOutbox } from "../storage/outbox.js";
import { applyEdit, editedTextSchema } from "./edit.js";
import { contentHash } from "./hash.js";
import { type PlatformCall, platformCallSchema } from "./platform-call.js";
import { type ApprovalPolicy, decisionDenial, defaultApprovalPolicy, isLowRisk } from "./policy.js";
import { moveApproval } from "./transition.js";

const decisionFields = z.object({
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the 64-hex content hash shown with the approval")
    .describe("The hash of the content the reviewer saw (from GET /api/approvals/{id})"),
  action: z.enum(["approve", "reject"]),
  edited: editedTextSchema
    .nullable()
    .optional()
    .describe("Changed words (approve only); fields the kind does not allow are refused"),
  reason: z.string().trim().max(1000).optional().describe("Required to reject"),
});

type DecisionFields = z.infer<typeof decisionFields>;

function checkDecision(value: DecisionFields, ctx: z.core.$RefinementCtx<DecisionFields>): void {
  if (value.action === "reject" && !value.reason) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "a rejection needs a reason" });
  }
  if (value.action === "reject" && value.edited) {
    ctx.addIssue({ code: "custom", path: ["edited"], message: "a rejection cannot carry edits" });
  }
}

/** The body of `POST /api/approvals/{id}/decision` and of the web form. */
export const decisionBodySchema = decisionFields.superRefine(checkDecision).meta({
  id: "ApprovalDecision",
});
export const decisionSchema = decisionFields
  .extend({ approvalId: z.number().int().positive() })
  .superRefine(checkDecision);
export type Decision = z.infer<typeof decisionSchema>;

export interface ApprovalDeps {
  db: Db;
  /** Business time: whether an approval has expired is judged by it. */
  clock: () => Date;
  /** Wall time: stamps decisions and audit entries. */
  wallClock: () => Date;
  /** The center's approval policy; the default policy when absent. */
  policyFor?: (centerId: string) => ApprovalPolicy;
}

export interface DecisionOutcome {
  approval: ApprovalRow;
  /** The outbox row that will make the platform call, when there is one. */
  outboxId: number | null;
}

/** Decides one approval; the error is `bad_request`, `not_found`, `forbidden` or `conflict`. */
export function decideApproval(
  deps: ApprovalDeps,
  principal: Principal,
  decision: Decision,
): Result<DecisionOutcome> {
  return decide(deps, principal, decision, { lowRiskOnly: false });
}

export interface BulkItem {
  approvalId: number;
  contentHash: string;
}

export type BulkResult =
  | { approvalId: number; ok: true; state: ApprovalRow["state"]; outboxId: number | null }
  | { approvalId: number; ok: false; error: { code: string; message: string } };

/**
 * Approves several items as they are (no edits), each checked and committed on its own: one
 * refused item does not block the rest. Only kinds the center's policy marks low-risk qualify.
 */
export function bulkApprove(
  deps: ApprovalDeps,
  principal: Principal,
  items: readonly BulkItem[],
): BulkResult[] {
  return items.map((item) => {
    const result = decide(
      deps,
      principal,
      { ...item, action: "approve", edited: null },
      { lowRiskOnly: true },
    );
    return result.ok
      ? {
          approvalId: item.approvalId,
          ok: true,
          state: result.value.approval.state,
          outboxId: result.value.outboxId,
        }
      : {
          approvalId: item.approvalId,
          ok: false,
          error: { code: result.error.code, message: result.error.message },
        };
  });
}

function decide(
  deps: ApprovalDeps,
  principal: Principal,
  input: Decision,
  options: { lowRiskOnly: boolean },
): Result<DecisionOutcome> {
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const decision = parsed.data;
  try {
    return ok(inTransaction(deps.db, (tx) => decideIn(tx, deps, principal, decision, options)));
  } catch (error) {
    if (AppError.is(error)) return err(error);
    throw error;
  }
}

function decideIn(
  tx: Store,
  deps: ApprovalDeps,
  principal: Principal,
  decision: Decision,
  options: { lowRiskOnly: boolean },
): DecisionOutcome {
  const id = decision.approvalId;
  const row = getApproval(tx, id);
  const membership = row && membershipAt(principal, row.centerId);
  // Someone who cannot see the center learns nothing, not even that the approval exists.
  if (!row || !membership) throw new AppError("not_found", `no approval ${id}`);

  const policy = (deps.policyFor ?? (() => defaultApprovalPolicy))(row.centerId);
  const denial = decisionDenial(policy, principal, membership, row);
  if (denial) throw new AppError("forbidden", denial, { kind: row.kind, role: membership.role });
  if (options.lowRiskOnly && !isLowRisk(policy, row.kind)) {
    throw new AppError("forbidden", `a ${row.kind} is not low-risk: decide on it on its own`, {
      kind: row.kind,
    });
  }
  if (row.state !== "pending") {
    throw new AppError("conflict", `approval ${id} is ${row.state}, no longer pending`, {
      state: row.state,
    });
  }
  if (row.expiresAt !== null && Date.parse(row.expiresAt) <= deps.clock().getTime()) {
    throw new AppError("conflict", `approval ${id} expired at ${row.expiresAt}`, {
      state: "expired",
    });
  }
  if (decision.contentHash !== row.contentHash) {
    throw new AppError(
      "conflict",
      `approval ${id} changed since it was shown: reload it and decide again`,
      { field: "contentHash" },
    );
  }
  const platformCall = storedCall(row);
  if (
    contentHash({ kind: row.kind, draft: row.draft, edited: row.edited, platformCall }) !==
    row.contentHash
  ) {
    throw new AppError("conflict", `approval ${id} does not match its own content hash`);
  }

  const now = deps.wallClock().toISOString();
  const decided = { decidedBy: principal.actor, decidedAt: now, updatedAt: now };
  const audit = (action: string, data: Record<string, unknown>) =>
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action,
        centerId: row.centerId,
        subject: `approval:${id}`,
        sourceIds: [row.agentRunId, row.triggerEventId, row.subject].filter(
          (x): x is string => x !== null,
        ),
        correlationId: row.triggerEventId,
        data: { kind: row.kind, decidedHash: decision.contentHash, ...data },
      },
      now,
    );

  if (decision.action === "reject") {
    const rejected = moveApproval(tx, row, "rejected", {
      ...decided,
      decisionReason: decision.reason ?? null,
    });
    audit("approval.rejected", { reason: decision.reason });
    return { approval: rejected, outboxId: null };
  }

  const applied = decision.edited
    ? applyEdit({ draft: row.draft, platformCall }, decision.edited)
    : null;
  if (applied && !applied.ok) throw applied.error;
  const edited = applied?.value.edited ?? null;
  const call = applied ? applied.value.platformCall : platformCall;
  const state = edited ? "edited_and_approved" : "approved";
  const hash = contentHash({ kind: row.kind, draft: row.draft, edited, platformCall: call });
  let approval = moveApproval(tx, row, state, {
    ...decided,
    decisionReason: decision.reason || null,
    edited,
    platformCall: call,
    contentHash: hash,
  });

  let outboxId: number | null = null;
  if (call) {
    // The approval's own idempotency key, fixed when it was proposed: however often this is
    // attempted, there is one outbox row and the platform sees one key.
    const [inserted] = enqueueOutbox(
      tx,
      [
        {
          alertId: null,
          approvalId: id,
          centerId: row.centerId,
          channel: "platform",
          recipient: call.op,
          payload: call,
          idempotencyKey: row.idempotencyKey,
          status: "pending",
        },
      ],
      now,
    );
    if (inserted === undefined) {
      throw new AppError("conflict", `approval ${id} already has its platform call queued`);
    }
    outboxId = inserted;
    approval = moveApproval(tx, approval, "executing", { outboxId, updatedAt: now });
  }
  audit(`approval.${state}`, {
    decision: state,
    contentHash: hash,
    diff: applied?.value.diff ?? {},
    reason: decision.reason || null,
    outboxId,
    op: call?.op ?? null,
  });
  return { approval, outboxId };
}

/** The stored call, re-validated: a call that no longer parses, or names another center, is refused. */
function storedCall(row: ApprovalRow): PlatformCall | null {
  if (row.platformCall === null) return null;
  const parsed = platformCallSchema.safeParse(row.platformCall);
  if (!parsed.success || parsed.data.centerId !== row.centerId) {
    throw new AppError("conflict", `approval ${row.id} has a platform call that cannot be made`);
  }
  return parsed.data;
}
