export { completedMonths, completedYears } from "./ages.js";
export type { CoverageProposal, CoverageResult } from "./coverage.js";
export { proposeCoverage } from "./coverage.js";
export type { EvaluateOptions } from "./evaluate.js";
export { evaluateRoom } from "./evaluate.js";
export type { Evaluation, RatioStatus, Room, RoomInput, StaffRoleInput } from "./evaluation.js";
export {
  evaluationSchema,
  roomInputSchema,
  staffRoleInputSchema,
  statusSchema,
} from "./evaluation.js";
export type { Forecast, ForecastBreach, FutureEvent } from "./forecast.js";
export { forecastRoom, futureEventSchema, plannedEvents } from "./forecast.js";
export type { Band, CenterPolicy, Citation, Program, RulePack } from "./pack.js";
export { centerPolicySchema, rulePackSchema } from "./pack.js";
export { getRulePack, listRulePacks, rulePacks } from "./packs/index.js";
export * as staff from "./staff/index.js";
