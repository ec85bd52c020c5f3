/**
 * @module alerts
 * Alerting on ratio status changes: a per-center policy, the pure decision logic (one alert per
 * room and kind, upgrade in place, cool-down against flapping, escalation, shadow mode) and the
 * engine that stores alerts and enqueues their sends in the outbox.
 */
export type { AlertRow } from "../storage/alerts.js";
export {
  getAlert,
  getAlertPolicy,
  listAlerts,
  listOpenAlerts,
  putAlertPolicy,
} from "../storage/alerts.js";
export {
  type AlertAction,
  type AlertSummary,
  acknowledgement,
  decide,
  decideTick,
  isAcknowledged,
  type Notify,
  noticeFor,
  summarize,
  type Target,
  targetsOf,
} from "./decide.js";
export {
  type AlertEngine,
  type AlertEngineOptions,
  type AlertOutcome,
  createAlertEngine,
  storedPolicyFor,
} from "./engine.js";
export {
  type AlertChannel,
  type AlertKind,
  type AlertPolicy,
  type AlertPolicyInput,
  type AlertRole,
  type AlertSeverity,
  type AlertTargets,
  alertChannelSchema,
  alertKindSchema,
  alertPolicySchema,
  alertSeveritySchema,
  defaultAlertPolicy,
  kindOf,
  type Recipient,
  recipientSchema,
  severityRank,
} from "./policy.js";
export type { Alerting, AlertingOptions } from "./runtime.js";
export { startAlerting } from "./runtime.js";
