/**
 * @module door
 * At the door and after it: pick-up holds and check-in exceptions as events arrive (`gate.ts`,
 * called by `live/apply.ts`), the decisions people make on them (`decide.ts`), the day's
 * exceptions report and the directors' attendance patterns (`*-report.ts`).
 */

export {
  addCustodyRestriction,
  type CustodyRestrictionInput,
  custodyRestrictionInputSchema,
} from "./custody.js";
export {
  exceptionResolutionSchema,
  type HoldRelease,
  holdReleaseSchema,
  releaseHold,
  resolveException,
} from "./decide.js";
export {
  buildExceptionsReport,
  type ExceptionItem,
  type ExceptionsReport,
  exceptionsCsvHeader,
  exceptionsReportCsv,
  exceptionsReportPdf,
  exceptionsReportSchema,
} from "./exceptions-report.js";
export { doorGate, type GateResult } from "./gate.js";
export { eventRef, loadDayRecords } from "./history.js";
export { enqueueHoldAlert, holdSmsBody } from "./hold-alert.js";
export {
  buildPatternsReport,
  type PatternFinding,
  type PatternPeriod,
  type PatternsReport,
  patternPeriodSchema,
  patternsCsvHeader,
  patternsReportCsv,
  patternsReportPdf,
  patternsReportSchema,
} from "./patterns-report.js";
export {
  type DoorPolicy,
  type DoorPolicyInput,
  defaultDoorPolicy,
  doorPolicyFor,
  doorPolicySchema,
} from "./policy.js";
