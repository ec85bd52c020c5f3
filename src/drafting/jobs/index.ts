import type { DraftingJob } from "../job.js";
import { absenceFollowUpJob } from "./absence.js";
import { attendancePatternJob } from "./attendance-pattern.js";
import { incidentTriageJob } from "./incident-triage.js";
import { latePickupJob } from "./late-pickup.js";
import { quickLogJob } from "./quick-log.js";
import { ratioImpactJob } from "./ratio-impact.js";
import { reviewSummaryJob } from "./review-summary.js";

export const jobs: readonly DraftingJob[] = [
  latePickupJob,
  absenceFollowUpJob,
  incidentTriageJob,
  reviewSummaryJob,
  quickLogJob,
  ratioImpactJob,
  attendancePatternJob,
];

export const jobsByName: ReadonlyMap<string, DraftingJob> = new Map(jobs.map((j) => [j.name, j]));

export { type AbsenceJobInput, absenceFollowUpJob } from "./absence.js";
export {
  type AttendancePatternInput,
  attendancePatternJob,
} from "./attendance-pattern.js";
export { type IncidentJobInput, incidentTriageJob } from "./incident-triage.js";
export { type LatePickupInput, latePickupJob } from "./late-pickup.js";
export { type QuickLogInput, quickLogJob } from "./quick-log.js";
export { type RatioImpactInput, ratioImpactJob } from "./ratio-impact.js";
export { type ReviewJobInput, reviewSummaryJob } from "./review-summary.js";
