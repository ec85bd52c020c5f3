/**
 * @module drills
 * Emergency drills: start, taps at the assembly point, end (the report is in `reports/`).
 */
export {
  type DrillMark,
  drillKindSchema,
  drillMarkSchema,
  drillStartSchema,
  endDrill,
  markDrill,
  presentNow,
  startDrill,
} from "./actions.js";
