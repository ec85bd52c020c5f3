/**
 * @module approvals/kinds
 * What can wait for a person's decision, and the states an approval moves through.
 */
import { z } from "zod";
import { APPROVAL_KINDS, APPROVAL_STATES, DRAFT_SOURCES } from "./kind-values.js";

export const approvalKindSchema = z.enum(APPROVAL_KINDS);
export type ApprovalKind = z.infer<typeof approvalKindSchema>;

export const approvalStateSchema = z.enum(APPROVAL_STATES);
export type ApprovalState = z.infer<typeof approvalStateSchema>;

export const draftSourceSchema = z.enum(DRAFT_SOURCES);
export type DraftSource = z.infer<typeof draftSourceSchema>;
