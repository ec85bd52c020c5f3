/**
 * @module approvals/kind-values
 * The approval kinds, states and draft sources as plain tuples. Kept free of zod and I/O so the
 * drizzle schema (read by drizzle-kit) and the zod schemas in `kinds.ts` share one list.
 */
export const APPROVAL_KINDS = [
  "family_message",
  "note",
  "task",
  "staff_reassignment",
  "incident_triage",
  "review_summary",
  "structured_log",
  "payroll_correction",
] as const;

export const APPROVAL_STATES = [
  "pending",
  "approved",
  "edited_and_approved",
  "rejected",
  "expired",
  "executing",
  "executed",
  "failed",
] as const;

export const DRAFT_SOURCES = ["model", "template"] as const;
