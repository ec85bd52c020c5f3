/**
 * @module prompts
 * Every drafting job's prompt, by id. A prompt's version is stored on every draft it produces.
 */
import type { PromptSpec } from "../src/agent/index.js";
import { absenceFollowUpPrompt } from "./absence-follow-up.js";
import { attendancePatternPrompt } from "./attendance-pattern.js";
import { incidentTriagePrompt } from "./incident-triage.js";
import { latePickupPrompt } from "./late-pickup.js";
import { quickLogPrompt } from "./quick-log.js";
import { ratioImpactPrompt } from "./ratio-impact.js";
import { reviewSummaryPrompt } from "./review-summary.js";

export const prompts: readonly PromptSpec[] = [
  latePickupPrompt,
  absenceFollowUpPrompt,
  incidentTriagePrompt,
  reviewSummaryPrompt,
  quickLogPrompt,
  ratioImpactPrompt,
  attendancePatternPrompt,
];

export const promptsById: ReadonlyMap<string, PromptSpec> = new Map(prompts.map((p) => [p.id, p]));

export { COMMON_RULES, DEFAULT_MODEL } from "./rules.js";
export {
  absenceFollowUpPrompt,
  attendancePatternPrompt,
  incidentTriagePrompt,
  latePickupPrompt,
  quickLogPrompt,
  ratioImpactPrompt,
  reviewSummaryPrompt,
};
