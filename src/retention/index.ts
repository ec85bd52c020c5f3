export {
  formatRetentionReport,
  type PurgeOptions,
  purgePastRetention,
  type RetentionReport,
} from "./purge.js";
