/**
 * @module approvals/propose
 * The only way anything becomes a pending approval: agent write tools, template drafters and the
 * coverage suggestions all come through here. Nothing here touches a platform.
 */
import { appendAudit } from "../audit/append.js";
import { instantToZoned } from "../domain/time.js";
import { type ApprovalRow, insertApprovalOnce } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import { getCenter } from "../storage/directory.js";
import { currentExpiryRules, expiryFor } from "./expiry.js";
import { contentHash } from "./hash.js";
import type { ApprovalKind, DraftSource } from "./kinds.js";
import { type PlatformCall, platformCallSchema } from "./platform-call.js";

export interface Proposal {
  kind: ApprovalKind;
  centerId: string;
  roomId: string | null;
  subject: string | null;
  title: string;
  draftSource: DraftSource;
  /** The words as the model or template wrote them (already de-pseudonymized). */
  draft: Record<string, unknown>;
  /** The platform write approval makes, or null when approval only records a decision. */
  platformCall: PlatformCall | null;
  /** Deterministic facts and source record ids behind the draft. */
  context: Record<string, unknown>;
  /** One approval per (job, subject, occasion): a re-run returns the existing row. */
  dedupeKey: string;
  agentRunId: string | null;
  promptId: string | null;
  promptVersion: string | null;
  triggerEventId: string | null;
  expiresAt: string | null;
  /** Who proposed it, for the audit log: `agent:<run>` or `system:<job>`. */
  actor: string;
}

/** Stores a pending approval (once per dedupe key) and records it in the audit log. */
export function proposeApproval(
  db: Store,
  proposal: Proposal,
  now: string,
): { row: ApprovalRow; created: boolean } {
  const platformCall = proposal.platformCall
    ? platformCallSchema.parse(proposal.platformCall)
    : null;
  const hash = contentHash({
    kind: proposal.kind,
    draft: proposal.draft,
    edited: null,
    platformCall,
  });
  const result = insertApprovalOnce(db, {
    kind: proposal.kind,
    centerId: proposal.centerId,
    roomId: proposal.roomId,
    subject: proposal.subject,
    title: proposal.title,
    state: "pending",
    draftSource: proposal.draftSource,
    draft: proposal.draft,
    edited: null,
    contentHash: hash,
    platformCall,
    context: proposal.context,
    dedupeKey: proposal.dedupeKey,
    idempotencyKey: `approval:${proposal.dedupeKey}`,
    agentRunId: proposal.agentRunId,
    promptId: proposal.promptId,
    promptVersion: proposal.promptVersion,
    triggerEventId: proposal.triggerEventId,
    expiresAt: proposal.expiresAt ?? impliedExpiry(db, proposal, now),
    createdAt: now,
    updatedAt: now,
  });
  if (result.created) {
    appendAudit(
      db,
      {
        actor: proposal.actor,
        action: "approval.proposed",
        centerId: proposal.centerId,
        subject: `approval:${result.row.id}`,
        sourceIds: [proposal.agentRunId, proposal.triggerEventId, proposal.subject].filter(
          (x): x is string => x !== null,
        ),
        correlationId: proposal.triggerEventId,
        data: {
          kind: proposal.kind,
          title: proposal.title,
          draftSource: proposal.draftSource,
          contentHash: hash,
        },
      },
      now,
    );
  }
  return result;
}

/**
 * A time-bound draft's end: the end of the local day its facts are about (`context.facts.date`,
 * else the day it was proposed), when its drafting job's rule says so.
 */
function impliedExpiry(db: Store, proposal: Proposal, now: string): string | null {
  const { job, facts } = proposal.context as { job?: unknown; facts?: { date?: unknown } | null };
  const center = getCenter(db, proposal.centerId);
  if (typeof job !== "string" || !center) return null;
  const about =
    typeof facts?.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(facts.date)
      ? facts.date
      : instantToZoned(new Date(now), center.timeZone).date;
  return expiryFor(currentExpiryRules(), job, about, center.timeZone);
}
