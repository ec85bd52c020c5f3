/**
 * @module staff
 * Staff compliance around the pure core in `rules/staff`: credential status from the stored
 * directory, renewals (director task + drafted reminder, once per expiry date), exports.
 */
export {
  type CredentialMatrix,
  centerDate,
  credentialMatrix,
  type MatrixRow,
} from "./credentials.js";
export {
  type CredentialLine,
  type CredentialReport,
  credentialLineSchema,
  credentialReport,
  credentialReportCsv,
  credentialReportSchema,
  statusLabel,
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
} from "./plan-proposal.js";
export {
  canProposeStaffing,
  type PlannedSuggestion,
  type ProposalRequest,
  proposalRequestSchema,
  proposeStaffingSuggestion,
  type RoomPlanView,
  roomPlanView,
} from "./plan-proposals.js";
export { type CredentialCheckResult, RENEWAL_TAG, runCredentialCheck } from "./renewals.js";
export { type UpcomingReview, upcomingReviews } from "./reviews.js";
export { type RoomEvent, roomSlotCounts } from "./staffing.js";
export {
  checkCenterTimecards,
  correctionsByTimecard,
  fetchTimecards,
  MAX_RANGE_DAYS,
  type ProposedCorrection,
  proposeTimecardCorrections,
  type TimecardCheck,
} from "./timecards.js";
