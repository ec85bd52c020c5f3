/**
 * @module alerts/decide
 * The pure part of alerting: given a room's live alerts, a change of status and the center's
 * policy, what to open, update, resolve and whom to notify. No clock, no I/O: time is the change's
 * business time or the `now` passed in.
 *
 * Rules:
 * - Kind = status family. `violation`/`critical` share one `out_of_ratio` alert per episode;
 *   `approaching` is its own alert. At most one live (not resolved) alert per (room, kind).
 * - Levels are cumulative: critical's targets are violation's plus critical's own. Upgrade: a
 *   worse status raises the alert's severity and notifies only targets (channel + role) the alert
 *   has not notified yet. A milder status inside the family changes nothing sent.
 * - Cool-down: leaving the family puts the alert in `resolving` (resolvedAt = that moment once
 *   confirmed). Only when the room stays out of the family for `coolDownMinutes` does it become
 *   `resolved` and send its "resolved" notice, once. A relapse inside the window reopens the same
 *   alert and sends nothing — nobody was told it was over. A relapse after it is a new episode.
 * - Escalation: `escalateAfterMinutes` after opening (or after an upgrade), an alert not
 *   acknowledged at its current severity sends the policy's escalation step; at most
 *   `maxEscalationsPerSeverity` times per severity. Acknowledging stops it; an upgrade needs a new
 *   acknowledgement.
 */
import type { AlertNotice, NoticeEvent } from "../channels/notice.js";
import type { StatusChange } from "../compliance/monitor.js";
import type { Evaluation } from "../rules/evaluation.js";
import type { AlertPatch, AlertRow, NewAlertRow } from "../storage/alerts.js";
import {
  type AlertChannel,
  type AlertKind,
  type AlertPolicy,
  type AlertRole,
  type AlertSeverity,
  type AlertTargets,
  kindOf,
  severityRank,
} from "./policy.js";

/** One thing to notify: a channel, and for person-addressed channels, a role. */
export interface Target {
  channel: AlertChannel;
  role: AlertRole | null;
}

export interface Notify {
  event: NoticeEvent;
  /** Makes the outbox idempotency keys of this notice unique, e.g. `upgraded:critical`. */
  qualifier: string;
  targets: Target[];
}

export type AlertAction =
  | { type: "open"; alert: NewAlertRow; notify: Notify | null }
  | {
      type: "update";
      alertId: number;
      /** The update applies only if the row still has these values (compare-and-set). */
      guard: { state: AlertRow["state"]; lastStatusAt?: string; escalationLevel?: number };
      patch: AlertPatch;
      notify: Notify | null;
    };

export type UpdateAction = Extract<AlertAction, { type: "update" }>;

/** What an alert keeps of the evaluation: room-level numbers and text, never names or ids. */
export interface AlertSummary {
  status: string;
  children: number;
  countedStaff: number;
  requiredStaff: number;
  ratio: number;
  band: string;
  ruleSource: string;
  slack: string;
  reason: string | null;
  [key: string]: unknown;
}

export function summarize(evaluation: Evaluation): AlertSummary {
  return {
    status: evaluation.status,
    children: evaluation.children,
    countedStaff: evaluation.countedStaff,
    requiredStaff: evaluation.requiredStaff,
    ratio: evaluation.governingBand.ratio,
    band: evaluation.governingBand.label,
    ruleSource: evaluation.ruleSource,
    slack: evaluation.slack,
    // In ratio but approaching: the forecast breach says what is coming and when.
    reason: evaluation.reasons[0] ?? evaluation.forecastBreach?.summary ?? null,
  };
}

/** Slack and the board speak to the room; SMS and tasks go to the people in a role. */
const roomWide = (channel: AlertChannel) => channel === "in_app" || channel === "slack";

export function targetsOf(rule: AlertTargets | null | undefined): Target[] {
  if (!rule) return [];
  const out: Target[] = [];
  for (const channel of rule.channels) {
    if (roomWide(channel)) out.push({ channel, role: null });
    else for (const role of rule.roles) out.push({ channel, role });
  }
  return dedupe(out);
}

/**
 * Levels are cumulative inside a kind: a room that goes straight to critical is told everything a
 * violation would have told, plus what critical adds.
 */
export function levelTargets(policy: AlertPolicy, severity: AlertSeverity): Target[] {
  if (severity === "critical") {
    return dedupe([...targetsOf(policy.rules.violation), ...targetsOf(policy.rules.critical)]);
  }
  return targetsOf(policy.rules[severity]);
}

export const targetKey = (t: Target) => `${t.channel}:${t.role ?? "*"}`;

export function parseTargetKey(key: string): Target {
  const [channel, role] = key.split(":") as [AlertChannel, string];
  return { channel, role: role === "*" ? null : (role as AlertRole) };
}

function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const k = targetKey(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const MINUTE = 60_000;
const plusMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

/** When the next escalation is due, or null when this severity does not escalate (any more). */
function escalationDue(
  policy: AlertPolicy,
  severity: AlertSeverity,
  from: string,
  sentAtSeverity: number,
): string | null {
  if (!policy.escalation[severity] || sentAtSeverity >= policy.maxEscalationsPerSeverity) {
    return null;
  }
  return plusMinutes(from, policy.escalateAfterMinutes);
}

function coolDownOver(alert: AlertRow, policy: AlertPolicy, now: string): boolean {
  if (alert.state !== "resolving" || !alert.resolvingSince) return false;
  return Date.parse(now) - Date.parse(alert.resolvingSince) >= policy.coolDownMinutes * MINUTE;
}

/** Whether an acknowledgement covers the alert's current severity. */
export function isAcknowledged(alert: AlertRow): boolean {
  return (
    alert.acknowledgedAt !== null &&
    severityRank(alert.acknowledgedSeverity) >= severityRank(alert.severity)
  );
}

/** Resolving → resolved, with the "resolved" notice (unless the alert was only superseded). */
function finalize(alert: AlertRow, policy: AlertPolicy): UpdateAction {
  const notify: Notify | null =
    alert.resolution === "superseded"
      ? null
      : {
          event: "resolved",
          qualifier: "resolved",
          targets: alert.notified
            .map(parseTargetKey)
            .filter((t) => policy.notifyOnResolve.includes(t.channel)),
        };
  return {
    type: "update",
    alertId: alert.id,
    guard: { state: "resolving", lastStatusAt: alert.lastStatusAt },
    patch: { state: "resolved", resolvedAt: alert.resolvingSince, escalationDueAt: null },
    notify: notify && notify.targets.length > 0 ? notify : null,
  };
}

function openAlert(
  change: StatusChange,
  kind: AlertKind,
  severity: AlertSeverity,
  policy: AlertPolicy,
): AlertAction {
  const targets = levelTargets(policy, severity);
  return {
    type: "open",
    alert: {
      centerId: change.centerId,
      roomId: change.roomId,
      roomName: change.roomName,
      kind,
      severity,
      roomStatus: change.to,
      state: "open",
      openedAt: change.at,
      lastStatusAt: change.at,
      escalationDueAt: escalationDue(policy, severity, change.at, 0),
      violationId: change.violationId,
      cause: change.cause,
      summary: summarize(change.evaluation),
      notified: targets.map(targetKey),
      shadow: policy.shadowMode,
    },
    notify: targets.length > 0 ? { event: "opened", qualifier: "opened", targets } : null,
  };
}

/** The room is (still, or again) in this alert's family. */
function continueAlert(
  alert: AlertRow,
  change: StatusChange,
  severity: AlertSeverity,
  policy: AlertPolicy,
): AlertAction {
  const patch: AlertPatch = {
    roomStatus: change.to,
    lastStatusAt: change.at,
    summary: summarize(change.evaluation),
    violationId: change.violationId ?? alert.violationId,
  };
  if (alert.state === "resolving") {
    // A relapse inside the cool-down: the same episode goes on; nobody was told it had ended.
    Object.assign(patch, {
      state: "open",
      resolvingSince: null,
      resolution: null,
      reopenCount: alert.reopenCount + 1,
    });
  }
  let notify: Notify | null = null;
  const notified = new Set(alert.notified);
  const upgraded = severityRank(severity) > severityRank(alert.severity);
  const current = upgraded ? severity : (alert.severity as AlertSeverity);
  if (upgraded) {
    const fresh = levelTargets(policy, severity).filter((t) => !notified.has(targetKey(t)));
    Object.assign(patch, {
      severity,
      severityEscalations: 0,
      escalationDueAt: escalationDue(policy, severity, change.at, 0),
      notified: [...alert.notified, ...fresh.map(targetKey)],
    });
    if (fresh.length > 0) {
      notify = { event: "upgraded", qualifier: `upgraded:${severity}`, targets: fresh };
    }
  }
  if (alert.shadow && !policy.shadowMode) {
    // The center went live during this episode: tell everyone the current level calls for.
    const targets = levelTargets(policy, current);
    Object.assign(patch, { shadow: false, notified: targets.map(targetKey) });
    notify = targets.length > 0 ? { event: "opened", qualifier: `live:${current}`, targets } : null;
  }
  return {
    type: "update",
    alertId: alert.id,
    guard: { state: alert.state, lastStatusAt: alert.lastStatusAt },
    patch,
    notify,
  };
}

/**
 * What one change of a room's status does to the room's live alerts. `live` are the room's alerts
 * that are not resolved (at most one per kind); `now` is the business time of handling, used to
 * finish a cool-down that ran out before this change arrived.
 */
export function decide(
  live: readonly AlertRow[],
  change: StatusChange,
  policy: AlertPolicy,
  now: Date = new Date(change.at),
): AlertAction[] {
  const actions: AlertAction[] = [];
  const toKind = kindOf(change.to);
  const at = change.at;
  const nowIso = now.getTime() > Date.parse(at) ? now.toISOString() : at;
  for (const kind of ["out_of_ratio", "approaching"] as const) {
    let alert = live.find((a) => a.kind === kind && a.state !== "resolved");
    // A change older than what the alert already saw (delivered out of order) changes nothing.
    if (alert && alert.lastStatusAt > at) continue;
    if (alert && coolDownOver(alert, policy, at)) {
      actions.push(finalize(alert, policy));
      alert = undefined;
    }
    if (toKind === kind) {
      const severity = change.to as AlertSeverity;
      actions.push(
        alert
          ? continueAlert(alert, change, severity, policy)
          : openAlert(change, kind, severity, policy),
      );
      continue;
    }
    if (!alert) continue;
    if (alert.state === "open") {
      const superseded = kind === "approaching" && toKind === "out_of_ratio";
      const patch: AlertPatch = {
        state: "resolving",
        resolvingSince: at,
        resolution: superseded ? "superseded" : "in_ratio",
        roomStatus: change.to,
        lastStatusAt: at,
      };
      if (!superseded) patch.summary = summarize(change.evaluation);
      const resolving: UpdateAction = {
        type: "update",
        alertId: alert.id,
        guard: { state: "open", lastStatusAt: alert.lastStatusAt },
        patch,
        notify: null,
      };
      if (
        policy.coolDownMinutes === 0 ||
        coolDownOver({ ...alert, ...patch } as AlertRow, policy, nowIso)
      ) {
        // No cool-down: resolve at once (one update, so the guard is checked once).
        const done = finalize({ ...alert, ...patch } as AlertRow, policy);
        actions.push({ ...done, guard: resolving.guard, patch: { ...patch, ...done.patch } });
      } else {
        actions.push(resolving);
      }
    } else {
      // Already resolving (e.g. ok → approaching while the out-of-ratio alert cools down).
      actions.push({
        type: "update",
        alertId: alert.id,
        guard: { state: alert.state, lastStatusAt: alert.lastStatusAt },
        patch: { roomStatus: change.to, lastStatusAt: at },
        notify: null,
      });
    }
  }
  return actions;
}

/**
 * What time alone does, at business time `now`: escalate open alerts nobody acknowledged, and
 * resolve alerts whose cool-down passed without a relapse.
 */
export function decideTick(alert: AlertRow, policy: AlertPolicy, now: Date): AlertAction | null {
  const nowIso = now.toISOString();
  if (alert.state === "resolving") {
    return coolDownOver(alert, policy, nowIso) ? finalize(alert, policy) : null;
  }
  if (alert.state !== "open" || !alert.escalationDueAt || alert.escalationDueAt > nowIso) {
    return null;
  }
  const severity = alert.severity as AlertSeverity;
  const step = policy.escalation[severity];
  const guard = { state: "open" as const, escalationLevel: alert.escalationLevel };
  if (
    isAcknowledged(alert) ||
    !step ||
    alert.severityEscalations >= policy.maxEscalationsPerSeverity
  ) {
    return {
      type: "update",
      alertId: alert.id,
      guard,
      patch: { escalationDueAt: null },
      notify: null,
    };
  }
  const level = alert.escalationLevel + 1;
  const sentAtSeverity = alert.severityEscalations + 1;
  const targets = targetsOf(step);
  const notified = new Set(alert.notified);
  return {
    type: "update",
    alertId: alert.id,
    guard,
    patch: {
      escalationLevel: level,
      severityEscalations: sentAtSeverity,
      escalatedAt: nowIso,
      escalationDueAt: escalationDue(policy, severity, nowIso, sentAtSeverity),
      notified: [...alert.notified, ...targets.map(targetKey).filter((k) => !notified.has(k))],
    },
    notify:
      targets.length > 0 ? { event: "escalated", qualifier: `escalated:${level}`, targets } : null,
  };
}

/** The patch that acknowledges `alert` at its current severity, or null if already covered. */
export function acknowledgement(alert: AlertRow, by: string, at: Date): AlertPatch | null {
  if (isAcknowledged(alert)) return null;
  return {
    acknowledgedAt: at.toISOString(),
    acknowledgedBy: by,
    acknowledgedSeverity: alert.severity,
    escalationDueAt: null,
  };
}

/** The room-level notice channels format for one alert event. */
export function noticeFor(
  alert: AlertRow,
  event: NoticeEvent,
  ctx: { centerName: string; link: string | null; at: string },
): AlertNotice {
  const s = alert.summary as Partial<AlertSummary>;
  const notice: AlertNotice = {
    alertId: alert.id,
    event,
    severity: alert.severity,
    centerName: ctx.centerName,
    roomName: alert.roomName,
    since: alert.openedAt,
    at: ctx.at,
    children: s.children ?? 0,
    countedStaff: s.countedStaff ?? 0,
    requiredStaff: s.requiredStaff ?? 0,
    ratio: s.ratio ?? 0,
    ruleSource: s.ruleSource ?? "",
    slack: s.slack ?? "",
    reason: s.reason ?? null,
    link: ctx.link,
  };
  if (event === "escalated") {
    notice.minutesUnacknowledged = Math.round(
      (Date.parse(ctx.at) - Date.parse(alert.openedAt)) / MINUTE,
    );
  }
  return notice;
}
