export type { AbsenceDecision, AbsenceInput, AbsencePolicy } from "./absence.js";
export { absenceInputSchema, absencePolicySchema, decideAbsence } from "./absence.js";
export { completedMonths, completedYears } from "./ages.js";
export type { Ahead, AheadOptions } from "./approaching.js";
export {
  APPROACHING_HORIZON_MINUTES,
  evaluateAhead,
  LOOK_BEYOND_MINUTES,
} from "./approaching.js";
export type { CoverageProposal, CoverageResult } from "./coverage.js";
export { proposeCoverage } from "./coverage.js";
export type { EvaluateOptions } from "./evaluate.js";
export { evaluateRoom } from "./evaluate.js";
export type {
  Evaluation,
  ForecastBreachSummary,
  RatioStatus,
  Room,
  RoomInput,
  StaffRoleInput,
} from "./evaluation.js";
export {
  evaluationSchema,
  roomInputSchema,
  staffRoleInputSchema,
  statusSchema,
} from "./evaluation.js";
export type { Forecast, ForecastBreach, FutureEvent, FutureEventInput } from "./forecast.js";
export { forecastRoom, futureEventSchema, plannedEvents } from "./forecast.js";
export type { IncidentCategory } from "./incident-category.js";
export { incidentCategory, incidentCategorySchema } from "./incident-category.js";
export type { InjuryFields, Severity, SeverityFloor } from "./incident-severity.js";
export {
  incidentSeverityFloor,
  injuryFieldsSchema,
  severityAtLeast,
  severitySchema,
} from "./incident-severity.js";
export type {
  LatePickupAssessment,
  LatePickupPolicy,
  LatePickupPolicyInput,
} from "./late-pickup.js";
export {
  assessLatePickup,
  formatCents,
  latePickupAssessmentSchema,
  latePickupPolicySchema,
} from "./late-pickup.js";
export type { Band, CenterPolicy, Citation, Program, RulePack } from "./pack.js";
export { centerPolicySchema, rulePackSchema } from "./pack.js";
export { getRulePack, listRulePacks, rulePacks } from "./packs/index.js";
export type { ReviewDue, ReviewPolicy } from "./review-due.js";
export { addMonths, nextReview, reviewPolicySchema } from "./review-due.js";
export * as staff from "./staff/index.js";
