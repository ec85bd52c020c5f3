/**
 * @module rules/staff
 * The pure core of staff compliance: credential and training status, review due dates, timecard
 * checks under cited labour rules, and the weekly staffing plan. No I/O, no clock: dates, instants
 * and history are inputs, and every output is a zod-typed value with its explanation and evidence.
 */
export type {
  Credential,
  CredentialPack,
  CredentialPackInput,
  CredentialRequirement,
  StaffComplianceInput,
  TrainingRecord,
  TrainingRequirement,
} from "./credential-pack.js";
export {
  credentialPackSchema,
  credentialRequirementSchema,
  staffComplianceInputSchema,
  trainingRecordSchema,
  trainingRequirementSchema,
} from "./credential-pack.js";
export {
  credentialPackProblems,
  credentialPacks,
  getCredentialPack,
} from "./credential-packs/index.js";
export type {
  CredentialStatus,
  CredentialStatusResult,
  StaffCompliance,
  TrainingStatus,
} from "./credentials.js";
export {
  countsTowardRatio,
  credentialStatus,
  credentialStatusResultSchema,
  credentialStatusSchema,
  ratioBlockingCredentials,
  staffComplianceSchema,
  staffComplianceStatus,
  trainingStatus,
  trainingStatusSchema,
  validCredentialTypes,
} from "./credentials.js";
export { addMonths, daysBetween } from "./dates.js";
export type { LaborPack, LaborPackInput, MealRule, RestRule } from "./labor-pack.js";
export { laborPackSchema } from "./labor-pack.js";
export {
  federalLaborPack,
  getLaborPack,
  laborPackProblems,
  laborPacks,
} from "./labor-packs/index.js";
export type { ReviewDue } from "./reviews.js";
export { reviewDue, reviewDueSchema } from "./reviews.js";
export type {
  AttendanceDay,
  ForecastError,
  ForecastInput,
  ForecastSlot,
  ObservedSlot,
  PlanDay,
  PlanSlot,
  StaffingPlan,
  StaffingPlanInput,
  StaffingSuggestion,
} from "./staffing-plan.js";
export {
  attendanceDaySchema,
  backtestForecast,
  forecastAttendance,
  forecastError,
  forecastErrorSchema,
  HISTORY_WEIGHTS,
  observedSlotSchema,
  planDaySchema,
  planStaffing,
  SLOT_MINUTES,
  staffingPlanInputSchema,
  staffingPlanSchema,
} from "./staffing-plan.js";
export type {
  Timecard,
  TimecardCheckInput,
  TimecardCorrection,
  TimecardException,
  TimecardExceptionKind,
  TimecardReport,
} from "./timecards.js";
export {
  checkTimecards,
  outOfRatioIntervalSchema,
  restBreaksDue,
  timecardCheckInputSchema,
  timecardCorrectionSchema,
  timecardExceptionSchema,
  timecardReportSchema,
  timecardSchema,
} from "./timecards.js";
