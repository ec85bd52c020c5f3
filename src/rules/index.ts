export { completedMonths, completedYears } from "./ages.js";
export type { EvaluateOptions } from "./evaluate.js";
export { evaluateRoom } from "./evaluate.js";
export type { Evaluation, RatioStatus, Room, RoomInput, StaffRoleInput } from "./evaluation.js";
export {
  evaluationSchema,
  roomInputSchema,
  staffRoleInputSchema,
  statusSchema,
} from "./evaluation.js";
export type { Band, CenterPolicy, Citation, Program, RulePack } from "./pack.js";
export { centerPolicySchema, rulePackSchema } from "./pack.js";
export { getRulePack, listRulePacks, rulePacks } from "./packs/index.js";
