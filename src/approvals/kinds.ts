/**
 * @module approvals/kinds
 * What can wait for a person's decision, and the states an approval moves through.
 */
import { z } from "zod";

export const approvalKindSchema = z.enum([
  "family_message",
  "note",
  "task",
  "staff_reassignment",
  "incident_triage",
  "review_summary",
  "structured_log",
  "payroll_correction",
]);
export type ApprovalKind = z.infer<typeof approvalKindSchema>;

export const approvalStateSchema = z.enum([
  "pending",
  "approved",
  "edited_and_approved",
  "rejected",
  "expired",
  "executing",
  "executed",
  "failed",
]);
export type ApprovalState = z.infer<typeof approvalStateSchema>;

export const draftSourceSchema = z.enum(["model", "template"]);
export type DraftSource = z.infer<typeof draftSourceSchema>;
