/**
 * @module staff
 * Staff compliance around the pure core in `rules/staff`: credential and training status from the
 * stored directory and the center's staff records (hire dates, training log), renewals (director
 * task + drafted reminder, once per expiry date; a director task per training period ended short),
 * imports, exports.
 */
export {
  type CredentialMatrix,
  centerDate,
  credentialMatrix,
  type MatrixRow,
  trainingRecordId,
} from "./credentials.js";
export {
  type CredentialLine,
  type CredentialReport,
  credentialLineSchema,
  credentialReport,
  credentialReportCsv,
  credentialReportSchema,
  evidenceText,
  statusLabel,
  type TrainingLine,
  trainingLineSchema,
  trainingStatusLabel,
} from "./export.js";
export {
  type PayrollLine,
  type PayrollSheet,
  payrollCsv,
  payrollSheet,
  payrollSheetSchema,
} from "./payroll.js";
export {
  DEFAULT_WINDOW,
  HISTORY_WEEKS,
  type PlanRequest,
  planRequestSchema,
  roomHistory,
  roomStaffingPlan,
  storedRoomEvents,
} from "./plan.js";
export {
  floatedShifts,
  type PlanProposalInput,
  planDedupeKey,
  planProposal,
  spareStaff,
  suggestionId,
  suggestionSpan,
  withNames,
} from "./plan-proposal.js";
export {
  canProposeStaffing,
  type PlannedSuggestion,
  type ProposalRequest,
  proposalRequestSchema,
  proposeFromPlanView,
  proposeStaffingSuggestion,
  type RoomPlanView,
  roomPlanView,
} from "./plan-proposals.js";
export {
  HIRE_DATE_COLUMNS,
  type HireDateEntry,
  hireDateEntrySchema,
  hireDatesImportSchema,
  recordHireDates,
  recordTraining,
  type StoredTraining,
  storedTraining,
  storedTrainingSchema,
  TRAINING_COLUMNS,
  type TrainingEntry,
  trainingEntrySchema,
  trainingImportSchema,
  validateHireDates,
  validateTraining,
} from "./records.js";
export { type CredentialCheckResult, RENEWAL_TAG, runCredentialCheck } from "./renewals.js";
export { type UpcomingReview, upcomingReviews } from "./reviews.js";
export { type RoomEvent, roomSlotCounts } from "./staffing.js";
export {
  checkCenterTimecards,
  computeTimecardCheck,
  correctionsByTimecard,
  type FetchedTimecards,
  fetchTimecardInputs,
  fetchTimecards,
  MAX_RANGE_DAYS,
  type ProposedCorrection,
  proposeTimecardCorrections,
  type TimecardCheck,
  type TimecardCheckInput,
} from "./timecards.js";
