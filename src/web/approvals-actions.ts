/**
 * @module web/approvals-actions
 * The approve / approve-with-edits / reject and bulk-approve form posts, straight onto the
 * approvals engine (`decideApproval`, `bulkApprove`): a form becomes a decision naming exactly
 * what the person saw (approval id + content hash), and the engine's answer — or its refusal —
 * becomes a result code the page explains after a redirect, so a reload never re-submits.
 */
import type { Hono } from "hono";
import { z } from "zod";
import {
  type ApprovalDeps,
  type BulkItem,
  bulkApprove,
  type Decision,
  decideApproval,
  type EditedText,
  editableFields,
  platformCallSchema,
} from "../approvals/index.js";
import { type LogEntry, logEntrySchema } from "../approvals/platform-call.js";
import type { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { type ApprovalRow, getApproval } from "../storage/approvals.js";
import { frameFor } from "./frame.js";
import { centerPath } from "./layout.js";
import { entriesFromForm } from "./log-entries.js";

const approvalId = z.coerce.number().int().positive();
const contentHash = z.string().regex(/^[0-9a-f]{64}$/);
const bulkItemSchema = z.object({ approvalId, contentHash });

/** Result codes the pages explain after the redirect. */
export const decisionResultSchema = z.enum([
  /** Approved; approval makes no platform call, so the decision is the whole effect. */
  "approved",
  "executed",
  "queued",
  "rejected",
  "failed",
  /** The content hash no longer matches: the item changed since it was shown. */
  "changed",
  /** No longer pending (decided already, e.g. a second click) or expired. */
  "decided",
  "expired",
  "forbidden",
  "not_found",
  "reason_required",
  "bad_request",
]);
export type DecisionResult = z.infer<typeof decisionResultSchema>;

/** The engine's dependencies, from the app's context (the default approval policy). */
export function approvalDeps(ctx: AppContext): ApprovalDeps {
  return { db: ctx.db, clock: ctx.clock, wallClock: ctx.wallClock };
}

/** The editable fields of a stored approval, as the engine decides them for its kind. */
export function editableOf(row: ApprovalRow): string[] {
  const call = row.platformCall === null ? null : platformCallSchema.safeParse(row.platformCall);
  return editableFields({ draft: row.draft, platformCall: call?.success ? call.data : null });
}

/** The value of an editable field the reviewer starts from: the call's words, else the draft's. */
export function currentValue(row: ApprovalRow, field: string): unknown {
  const source = (row.edited ?? row.platformCall ?? row.draft) as Record<string, unknown>;
  return source[field];
}

/** A call's or draft's log entries, or none when they do not parse. */
export function logEntries(value: unknown): LogEntry[] {
  const parsed = z.array(logEntrySchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** How a field is shown in its textarea: text as is, anything else (log entries) as JSON. */
export function fieldText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null, null, 2);
}

/** What the engine's refusal means on the page. */
export function resultOfError(error: AppError): DecisionResult {
  const details = (error.details ?? {}) as { state?: unknown; field?: unknown };
  switch (error.code) {
    case "forbidden":
      return "forbidden";
    case "not_found":
      return "not_found";
    case "conflict":
      if (details.state === "expired") return "expired";
      if (details.field === "contentHash") return "changed";
      return details.state === undefined ? "changed" : "decided";
    case "bad_request":
      return details.field === "reason" ? "reason_required" : "bad_request";
    default:
      return "bad_request";
  }
}

/** What an accepted decision came to, read back after the outbox had its chance to run. */
export function resultOfRow(row: ApprovalRow | undefined): DecisionResult {
  switch (row?.state) {
    case "executed":
      return "executed";
    case "approved":
    case "edited_and_approved":
      return row.outboxId === null ? "approved" : "queued";
    case "rejected":
      return "rejected";
    case "failed":
      return "failed";
    default:
      return "queued";
  }
}

type FormValues = Record<string, string | File | (string | File)[]>;
const text = (form: FormValues, key: string): string | undefined => {
  const v = form[key];
  return typeof v === "string" ? v : undefined;
};

type FormDecision =
  | { ok: true; decision: Decision }
  | { ok: false; result: DecisionResult; field?: string };

/**
 * Reads the decision form. Only the fields the kind allows are read back as edits (the engine
 * refuses any other); a field left as shown is not an edit, so "Approve with edits" with nothing
 * changed approves what was shown. Browsers send `\r\n` line ends, normalised to `\n`.
 */
export function decisionFromForm(
  row: ApprovalRow,
  form: FormValues,
  /** The center's zone: log entries come back as local 12-hour times (without it, as JSON). */
  timeZone?: string,
): FormDecision {
  const hash = contentHash.safeParse(text(form, "contentHash"));
  if (!hash.success) return { ok: false, result: "bad_request", field: "contentHash" };
  const kind = text(form, "decision");
  if (kind === "reject") {
    const reason = text(form, "reason")?.trim();
    if (!reason) return { ok: false, result: "reason_required", field: "reason" };
    return {
      ok: true,
      decision: { approvalId: row.id, contentHash: hash.data, action: "reject", reason },
    };
  }
  if (kind !== "approve" && kind !== "approve_with_edits") {
    return { ok: false, result: "bad_request", field: "decision" };
  }
  const edited: Record<string, unknown> = {};
  if (kind === "approve_with_edits") {
    for (const field of editableOf(row)) {
      if (field === "entries" && timeZone !== undefined) {
        const original = logEntries(currentValue(row, field));
        const read = entriesFromForm(form, original, timeZone, row.createdAt.slice(0, 10));
        if (!read.ok) return { ok: false, result: "bad_request", field: read.field };
        if (JSON.stringify(read.entries) !== JSON.stringify(original))
          edited.entries = read.entries;
        continue;
      }
      const raw = text(form, `edit.${field}`);
      if (raw === undefined) continue;
      const value = raw.replaceAll("\r\n", "\n");
      if (value === fieldText(currentValue(row, field))) continue;
      if (typeof currentValue(row, field) === "string") {
        edited[field] = value;
        continue;
      }
      try {
        edited[field] = JSON.parse(value);
      } catch {
        return { ok: false, result: "bad_request", field: `edited.${field}` };
      }
    }
  }
  const hasEdits = Object.keys(edited).length > 0;
  return {
    ok: true,
    decision: {
      approvalId: row.id,
      contentHash: hash.data,
      action: "approve",
      edited: hasEdits ? (edited as EditedText) : null,
    },
  };
}

/** `id:hash` checkbox values from the queue's bulk form; undefined if any is malformed. */
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

/** Registers the decision and bulk form posts. Who may decide what is the engine's call alone. */
export function registerApprovalActions(app: Hono<AppEnv>, ctx: AppContext): void {
  const deps = approvalDeps(ctx);
  // Make the platform call now rather than at the next tick, so the page can say how it went.
  const runOutbox = async () => {
    await ctx.alerting?.outbox.runDue();
  };

  app.post("/centers/:centerId/approvals/:approvalId/decision", async (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { principal, center } = framed;
    const queue = centerPath(center.id, "approvals");
    const id = approvalId.safeParse(c.req.param("approvalId"));
    const row = id.success ? getApproval(ctx.db, id.data) : undefined;
    if (!row || row.centerId !== center.id) return c.redirect(`${queue}?result=not_found`, 303);
    const itemPath = `${queue}/${row.id}`;
    const parsed = decisionFromForm(row, await c.req.parseBody({ all: true }), center.timeZone);
    if (!parsed.ok) {
      const field = parsed.field ? `&field=${encodeURIComponent(parsed.field)}` : "";
      return c.redirect(`${itemPath}?result=${parsed.result}${field}`, 303);
    }
    const decided = decideApproval(deps, principal, parsed.decision);
    if (!decided.ok) {
      const result = resultOfError(decided.error);
      const field = (decided.error.details as { field?: unknown } | undefined)?.field;
      // Only a bad form names its field; a refusal's own words are in the result.
      const named =
        result === "bad_request" && typeof field === "string"
          ? `&field=${encodeURIComponent(field)}`
          : "";
      return c.redirect(`${itemPath}?result=${result}${named}`, 303);
    }
    if (decided.value.outboxId !== null) await runOutbox();
    ctx.events.emit("approvals", { centerId: center.id, approvalIds: [row.id] });
    return c.redirect(`${itemPath}?result=${resultOfRow(getApproval(ctx.db, row.id))}`, 303);
  });

  app.post("/centers/:centerId/approvals/bulk", async (c) => {
    const framed = frameFor(c, ctx, "approvals");
    if (!framed.ok) return framed.response;
    const { principal, center } = framed;
    const queue = centerPath(center.id, "approvals");
    const form = await c.req.parseBody({ all: true });
    const raw = form.item;
    const items = bulkItemsFromForm(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
    if (!items || items.length === 0) return c.redirect(`${queue}?bulk=none`, 303);
    // Only this center's items: the page is one center's queue, whatever else the person may see.
    const here = items.filter(
      (item) => getApproval(ctx.db, item.approvalId)?.centerId === center.id,
    );
    const results = bulkApprove(deps, principal, here);
    if (results.some((r) => r.ok && r.outboxId !== null)) await runOutbox();
    ctx.events.emit("approvals", {
      centerId: center.id,
      approvalIds: here.map((i) => i.approvalId),
    });
    const byId = new Map(results.map((r) => [r.approvalId, r]));
    const summary = items
      .map((item) => {
        const r = byId.get(item.approvalId);
        const result: DecisionResult = !r
          ? "not_found"
          : r.ok
            ? resultOfRow(getApproval(ctx.db, item.approvalId))
            : r.error.code === "forbidden"
              ? "forbidden"
              : r.error.code === "conflict"
                ? "changed"
                : "bad_request";
        return `${item.approvalId}:${result}`;
      })
      .join(",");
    return c.redirect(`${queue}?bulk=${encodeURIComponent(summary)}`, 303);
  });
}
