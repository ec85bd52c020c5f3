/**
 * @module web/approvals-actions
 * The approve / approve-with-edits / reject and bulk-approve form posts. They turn a form into a
 * decision that names exactly what the person saw (approval id + content hash) and hand it to an
 * `ApprovalActions` implementation passed in where the app is created (the approvals state
 * machine); the page then shows what happened, after a redirect so a reload never re-submits.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { type ApprovalKind, approvalKindSchema } from "../approvals/kinds.js";
import type { Principal } from "../auth/principal.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { type ApprovalRow, getApproval } from "../storage/approvals.js";
import { canAct } from "./access.js";
import { frameFor } from "./frame.js";
import { centerPath } from "./layout.js";

const approvalId = z.coerce.number().int().positive();
const contentHash = z.string().regex(/^[0-9a-f]{64}$/, "contentHash must be a SHA-256 hex digest");

export const approvalDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), approvalId, contentHash }),
  z.object({
    decision: z.literal("approve_with_edits"),
    approvalId,
    contentHash,
    /** The whole edited draft (the draft with the person's changes applied). */
    edited: z.record(z.string(), z.unknown()),
  }),
  z.object({
    decision: z.literal("reject"),
    approvalId,
    contentHash,
    reason: z.string().trim().min(1, "say why you reject it").max(1000),
  }),
]);
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

export const bulkItemSchema = z.object({ approvalId, contentHash });
export type BulkItem = z.infer<typeof bulkItemSchema>;

/** What a decision came to, as the page reports it. */
export type DecisionOutcome =
  /** Approved and the platform call ran. */
  | { status: "executed"; approval: ApprovalRow }
  /** Approved; the platform call is queued or being retried. */
  | { status: "queued"; approval: ApprovalRow }
  | { status: "rejected"; approval: ApprovalRow }
  /** Approved, but the platform refused the call (`error` is the platform's answer). */
  | { status: "failed"; approval: ApprovalRow; error: string }
  /** Refused: the content hash no longer matches or the item is no longer pending. */
  | { status: "changed"; message: string }
  /** Refused: this principal may not decide this kind. */
  | { status: "forbidden"; message: string };
export type DecisionStatus = DecisionOutcome["status"];

/**
 * The approvals state machine as the web app needs it. The service passes the real one in
 * (`AppContext.approvalActions`); tests pass a fake.
 */
export interface ApprovalActions {
  decide(principal: Principal, decision: ApprovalDecision): Promise<DecisionOutcome>;
  bulkApprove(
    principal: Principal,
    items: readonly BulkItem[],
  ): Promise<{ approvalId: number; outcome: DecisionOutcome }[]>;
}

/**
 * Kinds the queue offers for bulk approval: records about the day that reach no family and move
 * no one. Family messages, staff moves, incident triage and payroll are always decided one by one.
 */
export const bulkApprovableKinds: readonly ApprovalKind[] = ["structured_log", "note", "task"];

/** Result codes the item page explains after the redirect. */
export const decisionResultSchema = z.enum([
  "executed",
  "queued",
  "rejected",
  "failed",
  "changed",
  "forbidden",
  "reason_required",
  "bad_request",
]);
export type DecisionResult = z.infer<typeof decisionResultSchema>;

/** The draft's text fields: the ones the page offers as textareas. */
export function editableFields(draft: Record<string, unknown>): string[] {
  return Object.keys(draft).filter((k) => typeof draft[k] === "string");
}

type FormValues = Record<string, string | File | (string | File)[]>;
const text = (form: FormValues, key: string): string | undefined => {
  const v = form[key];
  return typeof v === "string" ? v : undefined;
};

/**
 * Reads the decision form. "Approve with edits" with nothing changed is a plain approval of what
 * was shown; an edited field is normalised to `\n` line ends, which browsers send as `\r\n`.
 */
export function decisionFromForm(
  row: ApprovalRow,
  form: FormValues,
): { ok: true; decision: ApprovalDecision } | { ok: false; result: DecisionResult } {
  const base = { approvalId: text(form, "approvalId"), contentHash: text(form, "contentHash") };
  const kind = text(form, "decision");
  let candidate: unknown;
  if (kind === "approve_with_edits") {
    const edited: Record<string, unknown> = { ...row.draft };
    let changed = false;
    for (const key of editableFields(row.draft)) {
      const value = text(form, `edit.${key}`);
      if (value === undefined) continue;
      const normalised = value.replaceAll("\r\n", "\n");
      if (normalised !== row.draft[key]) changed = true;
      edited[key] = normalised;
    }
    candidate = changed
      ? { ...base, decision: "approve_with_edits", edited }
      : { ...base, decision: "approve" };
  } else {
    candidate = { ...base, decision: kind, reason: text(form, "reason") };
  }
  const parsed = approvalDecisionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, decision: parsed.data };
  const reasonMissing =
    kind === "reject" && parsed.error.issues.some((i) => i.path[0] === "reason");
  return { ok: false, result: reasonMissing ? "reason_required" : "bad_request" };
}

/** `id:hash` checkbox values from the queue's bulk form. */
export function bulkItemsFromForm(values: readonly unknown[]): BulkItem[] | undefined {
  const items: BulkItem[] = [];
  for (const value of values) {
    if (typeof value !== "string") return undefined;
    const [id, hash] = value.split(":");
    const parsed = bulkItemSchema.safeParse({ approvalId: id, contentHash: hash });
    if (!parsed.success) return undefined;
    items.push(parsed.data);
  }
  return items;
}

const outcomeResult = (o: DecisionOutcome): DecisionResult => o.status;

/** Registers the two form posts; without `ctx.approvalActions` they are not offered at all. */
export function registerApprovalActions(app: Hono<AppEnv>, ctx: AppContext): void {
  app.post("/centers/:centerId/approvals/:approvalId/decision", async (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { principal, center } = framed;
    const itemPath = `${centerPath(center.id, "approvals")}/${c.req.param("approvalId")}`;
    const id = approvalId.safeParse(c.req.param("approvalId"));
    const row = id.success ? getApproval(ctx.db, id.data) : undefined;
    if (!row || row.centerId !== center.id)
      return c.redirect(centerPath(center.id, "approvals"), 303);
    const actions = ctx.approvalActions;
    if (!actions || !canAct(principal, center.id))
      return c.redirect(`${itemPath}?result=forbidden`, 303);
    const parsed = decisionFromForm(row, await c.req.parseBody({ all: true }));
    if (!parsed.ok || parsed.decision.approvalId !== row.id) {
      return c.redirect(`${itemPath}?result=${parsed.ok ? "bad_request" : parsed.result}`, 303);
    }
    const outcome = await actions.decide(principal, parsed.decision);
    ctx.events.emit("approvals", { centerId: center.id, approvalIds: [row.id] });
    return c.redirect(`${itemPath}?result=${outcomeResult(outcome)}`, 303);
  });

  app.post("/centers/:centerId/approvals/bulk", async (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { principal, center } = framed;
    const queue = centerPath(center.id, "approvals");
    const actions = ctx.approvalActions;
    if (!actions || !canAct(principal, center.id))
      return c.redirect(`${queue}?bulk=forbidden`, 303);
    const form = await c.req.parseBody({ all: true });
    const raw = form.item;
    const items = bulkItemsFromForm(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
    if (!items || items.length === 0) return c.redirect(`${queue}?bulk=none`, 303);
    // Only this center's pending items of a low-risk kind go through; anything else is refused
    // here, before the approvals engine sees it.
    const refused: string[] = [];
    const eligible = items.filter((item) => {
      const row = getApproval(ctx.db, item.approvalId);
      const ok =
        row !== undefined &&
        row.centerId === center.id &&
        bulkApprovableKinds.includes(approvalKindSchema.parse(row.kind));
      if (!ok) refused.push(`${item.approvalId}:forbidden`);
      return ok;
    });
    const results = eligible.length > 0 ? await actions.bulkApprove(principal, eligible) : [];
    ctx.events.emit("approvals", {
      centerId: center.id,
      approvalIds: results.map((r) => r.approvalId),
    });
    const summary = [
      ...results.map((r) => `${r.approvalId}:${outcomeResult(r.outcome)}`),
      ...refused,
    ].join(",");
    return c.redirect(`${queue}?bulk=${encodeURIComponent(summary)}`, 303);
  });
}
