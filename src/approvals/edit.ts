/**
 * @module approvals/edit
 * A reviewer's edit: which text fields each kind of approval lets a person change, and the edit
 * substituted into the platform call approval makes. Pure. The original draft is never touched;
 * an edit that does not validate for its kind is refused, naming the field.
 */
import { z } from "zod";
import { AppError, fromZodError, type Result } from "../errors/index.js";
import { canonicalJson } from "./hash.js";
import {
  logEntrySchema,
  type PlatformCall,
  type PlatformOp,
  platformCallSchema,
} from "./platform-call.js";

/** Text a reviewer may change. Which of these apply depends on the kind (see `editableFields`). */
export const editedTextSchema = z.strictObject({
  subject: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().min(1).max(4000).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(4000).optional(),
  reason: z.string().trim().min(1).max(1000).optional(),
  summary: z.string().trim().min(1).max(8000).optional(),
  entries: z.array(logEntrySchema).min(1).max(50).optional(),
});
export type EditedText = z.infer<typeof editedTextSchema>;
type EditableField = keyof EditedText;

const textFields = Object.keys(editedTextSchema.shape) as EditableField[];

/**
 * Only words are editable. Who, where and when (family, child, staff, room, clock times) are
 * facts the draft was built from: changing them would be a different approval, not an edit.
 */
const editableByOp: Record<PlatformOp, readonly EditableField[]> = {
  "message.send": ["subject", "body"],
  "note.create": ["body"],
  "task.create": ["title", "description"],
  "log.create": ["entries"],
  "staff.assign": ["reason"],
  "payroll.correct": ["reason"],
};

export interface Editable {
  draft: Record<string, unknown>;
  platformCall: PlatformCall | null;
}

/**
 * The fields a reviewer may edit: the call's words when approval makes a platform call,
 * otherwise the draft's own text fields (e.g. a review summary's `summary`).
 */
export function editableFields(item: Editable): EditableField[] {
  if (item.platformCall) return [...editableByOp[item.platformCall.op]];
  return textFields.filter((f) => f !== "entries" && typeof item.draft[f] === "string");
}

export interface AppliedEdit {
  /** Every editable field after the edit (null when the edit changed nothing). */
  edited: Record<string, unknown> | null;
  platformCall: PlatformCall | null;
  /** Only the fields that changed. */
  diff: Record<string, { from: unknown; to: unknown }>;
}

/** Applies `edit` to the item: refused if a field is not editable here or the result is invalid. */
export function applyEdit(item: Editable, edit: EditedText): Result<AppliedEdit> {
  const allowed = editableFields(item);
  for (const field of Object.keys(edit) as EditableField[]) {
    if (edit[field] !== undefined && !allowed.includes(field)) {
      const what = item.platformCall ? item.platformCall.op : "this approval";
      return fail(`edited.${field}`, `edited.${field}: cannot be edited on ${what}`);
    }
  }
  const source: Record<string, unknown> = item.platformCall ?? item.draft;
  const before = Object.fromEntries(allowed.map((f) => [f, source[f]]));
  const after = { ...before };
  for (const field of allowed) if (edit[field] !== undefined) after[field] = edit[field];

  for (const [i, entry] of (edit.entries ?? []).entries()) {
    if (entry.end !== null && Date.parse(entry.end) < Date.parse(entry.start)) {
      return fail(`edited.entries.${i}.end`, `edited.entries.${i}.end: ends before it starts`);
    }
  }

  const diff: AppliedEdit["diff"] = {};
  for (const field of allowed) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) {
      diff[field] = { from: before[field], to: after[field] };
    }
  }
  if (Object.keys(diff).length === 0) {
    return { ok: true, value: { edited: null, platformCall: item.platformCall, diff } };
  }
  if (!item.platformCall) return { ok: true, value: { edited: after, platformCall: null, diff } };
  const call = platformCallSchema.safeParse({ ...item.platformCall, ...after });
  if (!call.success) return { ok: false, error: fromZodError(call.error, "bad_request", "edited") };
  return { ok: true, value: { edited: after, platformCall: call.data, diff } };
}

function fail(field: string, message: string): Result<never> {
  return { ok: false, error: new AppError("bad_request", message, { field }) };
}
