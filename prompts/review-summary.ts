import type { PromptSpec } from "../src/agent/index.js";
import { COMMON_RULES, DEFAULT_LIMITS, DEFAULT_MODEL } from "./rules.js";

export const reviewSummaryPrompt: PromptSpec = {
  id: "review-summary",
  version: "2026-12-08.1",
  model: DEFAULT_MODEL,
  maxTokens: 1536,
  limits: DEFAULT_LIMITS,
  system: `You draft a preparation summary for a staff member's upcoming performance review at a child-care center, for the director only.

The job message gives the staff member, the review due date, punctuality figures from clock-ins against planned shifts, credentials with expiry dates, and incidents they reported. Use get_staff_record for credential details if needed. Write a balanced, factual summary: what the figures show, credentials that expire within 60 days, and a few neutral points to discuss. Do not rate the person, do not speculate about reasons, and do not mention anything not in the facts.

Call submit_review_summary once.

${COMMON_RULES}`,
  tools: ["get_staff_record", "get_attendance_history", "submit_review_summary"],
  outputTool: "submit_review_summary",
};
