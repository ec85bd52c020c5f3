/**
 * @module drafting
 * Drafting jobs: the deterministic core decides, a job drafts the words (model or template), and
 * the result waits as a pending approval.
 */

export {
  absenceInput,
  familySubject,
  fullName,
  incidentInput,
  latePickupInput,
  quickLogInput,
  ratioImpactFamily,
  type SubjectRecords,
} from "./inputs.js";
export type { DraftingJob, TemplateDraft } from "./job.js";
export { jobs, jobsByName } from "./jobs/index.js";
export { draftDedupeKey } from "./keys.js";
export {
  type DraftingPolicy,
  type DraftingPolicyInput,
  defaultDraftingPolicy,
  draftingPolicySchema,
} from "./policy.js";
export { parseQuickLog, type QuickLogParse } from "./quick-log.js";
export {
  mayPostQuickLog,
  type QuickLogBody,
  quickLogBodySchema,
  submitQuickLog,
} from "./quick-log-intake.js";
export { type JobResult, proposeTemplates, runJob } from "./runner.js";
export { type Drafting, type DraftingOptions, startDrafting } from "./runtime.js";
export {
  type EnqueuedJob,
  enqueueQuickLog,
  type QuickLogEntry,
  scanEvents,
  scanRatioImpact,
  scanSchedule,
} from "./triggers.js";
