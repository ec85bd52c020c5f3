/**
 * @module alerts/engine
 * The I/O around `decide`: reads a room's live alerts, applies the decided actions and enqueues
 * every notice in the outbox, all in one transaction, so an alert and its sends are stored
 * together or not at all. Nothing is sent from here; the outbox worker does that.
 *
 * Business time (`clock`, the sandbox's simulated clock while it runs) drives escalation and the
 * cool-down, so "10 minutes" means 10 minutes of the center's day.
 */

import { appendAudit, correlationOf } from "../audit/index.js";
import { buildTask } from "../channels/platform-task.js";
import { buildSlackMessage } from "../channels/slack.js";
import { buildSmsBody } from "../channels/twilio.js";
import type { StatusChange } from "../compliance/monitor.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import type { Logger } from "../logging/index.js";
import type { Evaluation } from "../rules/evaluation.js";
import {
  type AlertRow,
  getAlert,
  getAlertPolicyText,
  insertAlert,
  listAlertsNeedingTick,
  listOpenAlerts,
  liveAlertsForRoom,
  updateAlert,
} from "../storage/alerts.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { getCenter, listCenters, listRooms } from "../storage/directory.js";
import { enqueueOutbox, type NewOutboxRow } from "../storage/outbox.js";
import { listRoomStatus } from "../storage/ratio.js";
import {
  type AlertAction,
  acknowledgement,
  decide,
  decideTick,
  type Notify,
  noticeFor,
} from "./decide.js";
import { type AlertPolicy, alertPolicySchema, defaultAlertPolicy, kindOf } from "./policy.js";

export interface AlertEngineOptions {
  db: Db;
  logger: Logger;
  /** Business time. */
  clock: () => Date;
  /**
   * Wall time, which the outbox worker schedules sends by. In the sandbox business time runs
   * ahead of it, and a send stamped with business time would wait hours to become due.
   */
  wallClock: () => Date;
  /** The center's policy; default: the stored one (`alert_policies`), else `defaultAlertPolicy`. */
  policyFor?: (centerId: string) => AlertPolicy;
  /** PUBLIC_URL: links in messages point at `${publicUrl}/`. */
  publicUrl?: string | undefined;
  /** ALERTS_SHADOW_MODE=on: every center in shadow mode, whatever its policy says. */
  shadowMode?: boolean;
}

export interface AlertOutcome {
  /** Alerts opened or changed. */
  alerts: AlertRow[];
  /** Outbox rows inserted. */
  enqueued: number[];
}

export interface AlertEngine {
  /** Call for every `status` event (`StatusChange`) the monitor emits. Never throws. */
  onStatusChange(change: StatusChange): AlertOutcome;
  /**
   * Escalates unacknowledged alerts and resolves alerts whose cool-down passed, at business time
   * `now`. Cheap (one indexed query); run it often (every second or so: at sandbox speed a
   * business minute is under a real second).
   */
  tick(now?: Date): AlertOutcome;
  /**
   * Brings alerts in line with every room's stored status (`room_status`): a room out of ratio
   * with no open alert — a crash between evaluation and alerting, or a first deployment — gets
   * one; an open alert whose room is back in ratio starts its cool-down. Run at start-up (every
   * center) and by the evaluation timer (`centerIds`: the centers it just evaluated).
   */
  catchUp(now?: Date, centerIds?: readonly string[]): AlertOutcome;
  /** Stops escalation at the alert's current severity. */
  acknowledge(alertId: number, by: string, at?: Date): Result<AlertRow>;
}

/** The audit verb of one applied action, from what its patch changes (most telling first). */
export function alertVerb(action: AlertAction): string {
  if (action.type === "open") return "opened";
  const p = action.patch;
  if (p.state === "resolved") return "resolved";
  if (p.state === "resolving") return "resolving";
  if (p.escalationLevel !== undefined) return "escalated";
  if (p.severity !== undefined) return "upgraded";
  if (p.state === "open") return "reopened";
  if (p.shadow === false) return "live";
  if (p.escalationDueAt === null && Object.keys(p).length === 1) return "escalation_stopped";
  return "updated";
}

/**
 * Reads a center's stored policy, falling back to the default (and logging) if it is invalid.
 * Each center's policy is parsed once per stored value: ticks and sends ask for it every second,
 * and only a changed text (compared with what was parsed) is parsed again, so a change takes
 * effect at the next call, on every instance.
 */
export function storedPolicyFor(db: Store, logger: Logger): (centerId: string) => AlertPolicy {
  const parsed = new Map<string, { text: string; policy: AlertPolicy }>();
  return (centerId) => {
    const text = getAlertPolicyText(db, centerId);
    if (text === undefined) {
      parsed.delete(centerId);
      return defaultAlertPolicy;
    }
    const cached = parsed.get(centerId);
    if (cached?.text === text) return cached.policy;
    const result = alertPolicySchema.safeParse(JSON.parse(text));
    if (!result.success) {
      logger.warn({ centerId, issues: result.error.issues }, "invalid alert policy; using default");
    }
    const policy = result.success ? result.data : defaultAlertPolicy;
    parsed.set(centerId, { text, policy });
    return policy;
  };
}

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const { db, logger, clock } = options;
  const { wallClock } = options;
  const basePolicyFor = options.policyFor ?? storedPolicyFor(db, logger);
  const policyFor = (centerId: string): AlertPolicy => {
    const policy = basePolicyFor(centerId);
    return options.shadowMode && !policy.shadowMode ? { ...policy, shadowMode: true } : policy;
  };
  const link = options.publicUrl ? `${options.publicUrl.replace(/\/+$/, "")}/` : null;

  /** The outbox rows for one notice: one per channel, and per person for SMS. */
  function outboxRows(tx: Store, alert: AlertRow, notify: Notify, policy: AlertPolicy, at: string) {
    const centerName = getCenter(tx, alert.centerId)?.name ?? alert.centerId;
    const notice = noticeFor(alert, notify.event, { centerName, link, at });
    const status = alert.shadow ? ("shadow" as const) : ("pending" as const);
    const rows: NewOutboxRow[] = [];
    const base = { alertId: alert.id, centerId: alert.centerId };
    const key = (channel: string, recipient: string) =>
      `alert:${alert.id}:${notify.qualifier}:${channel}:${recipient}`;
    for (const target of notify.targets) {
      switch (target.channel) {
        case "in_app":
          rows.push({
            ...base,
            channel: "in_app",
            recipient: "board",
            payload: { alertId: alert.id, event: notify.event, severity: alert.severity },
            idempotencyKey: key("in_app", "board"),
            status,
          });
          break;
        case "slack":
          rows.push({
            ...base,
            channel: "slack",
            recipient: "center-webhook",
            payload: buildSlackMessage(notice),
            idempotencyKey: key("slack", "center-webhook"),
            status,
          });
          break;
        case "task": {
          const role = target.role ?? "director";
          rows.push({
            ...base,
            channel: "task",
            recipient: role,
            payload: { ...buildTask(notice, role) },
            idempotencyKey: key("task", role),
            status,
          });
          break;
        }
        case "sms": {
          const role = target.role ?? "director";
          const phones = (policy.recipients[role] ?? []).flatMap((r) => (r.phone ? [r.phone] : []));
          if (phones.length === 0) {
            // Recorded, not dropped: the policy names the role but nobody with a phone.
            rows.push({
              ...base,
              channel: "sms",
              recipient: `role:${role}`,
              payload: { body: buildSmsBody(notice) },
              idempotencyKey: key("sms", `role:${role}`),
              status: alert.shadow ? "shadow" : "skipped",
              lastError: `no phone number for role ${role} in the center's alert policy`,
            });
          }
          for (const phone of new Set(phones)) {
            rows.push({
              ...base,
              channel: "sms",
              recipient: phone,
              payload: { body: buildSmsBody(notice) },
              idempotencyKey: key("sms", phone),
              status,
            });
          }
          break;
        }
      }
    }
    return rows;
  }

  /**
   * Applies actions inside `tx`; returns the alerts touched and the outbox ids inserted. `cause`
   * is the status change's (null for what time alone does: escalations, ended cool-downs).
   */
  function apply(
    tx: Store,
    actions: readonly AlertAction[],
    policy: AlertPolicy,
    at: string,
    cause: string | null,
  ): AlertOutcome {
    const outcome: AlertOutcome = { alerts: [], enqueued: [] };
    for (const action of actions) {
      let alert: AlertRow | undefined;
      if (action.type === "open") {
        alert = insertAlert(tx, action.alert);
      } else {
        alert = updateAlert(tx, action.alertId, action.patch, action.guard);
        if (!alert) {
          logger.info({ alertId: action.alertId }, "alert changed concurrently; action skipped");
          continue;
        }
      }
      outcome.alerts.push(alert);
      const enqueued: number[] = [];
      if (action.notify) {
        const rows = outboxRows(tx, alert, action.notify, policy, at);
        enqueued.push(...enqueueOutbox(tx, rows, wallClock().toISOString()));
        outcome.enqueued.push(...enqueued);
      }
      auditAlert(tx, action, alert, cause, enqueued);
      logger.info(
        {
          alertId: alert.id,
          centerId: alert.centerId,
          roomId: alert.roomId,
          kind: alert.kind,
          severity: alert.severity,
          state: alert.state,
          event: action.notify?.event ?? null,
          shadow: alert.shadow,
        },
        action.type === "open" ? "alert opened" : "alert updated",
      );
    }
    return outcome;
  }

  /**
   * Records an alert change in the audit log, in the change's transaction. The correlation id is
   * the event behind this change, else (escalation, cool-down) the event that opened the alert.
   */
  function auditAlert(
    tx: Store,
    action: AlertAction,
    alert: AlertRow,
    cause: string | null,
    outboxIds: number[],
  ): void {
    const event = correlationOf(cause) ?? correlationOf(alert.cause);
    appendAudit(
      tx,
      {
        actor: "system:alerts",
        action: `alert.${alertVerb(action)}`,
        centerId: alert.centerId,
        subject: `alert:${alert.id}`,
        sourceIds: [
          ...(event ? [event] : []),
          ...(alert.violationId !== null ? [`violation:${alert.violationId}`] : []),
          ...outboxIds.map((id) => `outbox:${id}`),
        ],
        correlationId: event,
        data: {
          roomId: alert.roomId,
          kind: alert.kind,
          severity: alert.severity,
          state: alert.state,
          roomStatus: alert.roomStatus,
          cause: cause ?? alert.cause,
          businessAt: alert.lastStatusAt,
          escalationLevel: alert.escalationLevel,
          shadow: alert.shadow,
          notice: action.notify?.event ?? null,
          targets: action.notify?.targets.map((t) => `${t.channel}:${t.role ?? "*"}`) ?? [],
        },
      },
      wallClock().toISOString(),
    );
  }

  function handle(change: StatusChange, now: Date): AlertOutcome {
    const policy = policyFor(change.centerId);
    // Decided first on what is stored: most evaluations change nothing alerts care about, and
    // those take no write lock.
    const before = liveAlertsForRoom(db, change.centerId, change.roomId);
    if (decide(before, change, policy, now).length === 0) return { alerts: [], enqueued: [] };
    return inTransaction(db, (tx) => {
      // Again inside the transaction: another instance may have acted since the read.
      const live = liveAlertsForRoom(tx, change.centerId, change.roomId);
      const actions = decide(live, change, policy, now);
      return apply(tx, actions, policy, now.toISOString(), change.cause);
    });
  }

  /** Rooms whose stored status disagrees with their live alerts, as synthetic changes. */
  function catchUpChanges(centerIds?: readonly string[]): StatusChange[] {
    const changes: StatusChange[] = [];
    const centers = centerIds?.map((id) => ({ id })) ?? listCenters(db);
    for (const center of centers) {
      const names = new Map(listRooms(db, center.id).map((r) => [r.id, r.name]));
      const liveByCenter = listOpenAlerts(db, center.id, { includeShadow: true });
      for (const status of listRoomStatus(db, center.id)) {
        const live = liveByCenter.filter((a) => a.roomId === status.roomId);
        const kind = kindOf(status.status);
        const mismatch = (["out_of_ratio", "approaching"] as const).some((k) => {
          const open = live.some((a) => a.kind === k && a.state === "open");
          return (kind === k) !== open;
        });
        const seen = live.some((a) => a.lastStatusAt >= status.since);
        if (!mismatch || seen) continue;
        changes.push({
          centerId: center.id,
          roomId: status.roomId,
          roomName: names.get(status.roomId) ?? status.roomId,
          from: null,
          to: status.status as StatusChange["to"],
          at: status.since,
          cause: "alert catch-up",
          violationId: status.openViolationId,
          evaluation: status.evaluation as Evaluation,
        });
      }
    }
    return changes;
  }

  return {
    onStatusChange(change) {
      try {
        return handle(change, clock());
      } catch (error) {
        // The room's stored status stays as evaluated; the next catchUp() repairs the alert.
        logger.error(
          { err: error, centerId: change.centerId, roomId: change.roomId },
          "alerting failed",
        );
        return { alerts: [], enqueued: [] };
      }
    },

    catchUp(now = clock(), centerIds) {
      const outcome: AlertOutcome = { alerts: [], enqueued: [] };
      try {
        for (const change of catchUpChanges(centerIds)) {
          const o = handle(change, now);
          outcome.alerts.push(...o.alerts);
          outcome.enqueued.push(...o.enqueued);
        }
      } catch (error) {
        logger.error({ err: error }, "alert catch-up failed");
      }
      return outcome;
    },

    tick(now = clock()) {
      const outcome: AlertOutcome = { alerts: [], enqueued: [] };
      const merge = (o: AlertOutcome) => {
        outcome.alerts.push(...o.alerts);
        outcome.enqueued.push(...o.enqueued);
      };
      try {
        const policies = new Map<string, AlertPolicy>();
        const policyOf = (centerId: string) => {
          let policy = policies.get(centerId);
          if (!policy) {
            policy = policyFor(centerId);
            policies.set(centerId, policy);
          }
          return policy;
        };
        for (const candidate of listAlertsNeedingTick(db, now.toISOString())) {
          const policy = policyOf(candidate.centerId);
          // A cool-down still running changes nothing: no transaction for it.
          if (!decideTick(candidate, policy, now)) continue;
          merge(
            inTransaction(db, (tx) => {
              // Re-read inside the transaction: another instance may have acted on it already.
              const alert = getAlert(tx, candidate.id);
              const action = alert ? decideTick(alert, policy, now) : null;
              return action
                ? apply(tx, [action], policy, now.toISOString(), null)
                : { alerts: [], enqueued: [] };
            }),
          );
        }
      } catch (error) {
        logger.error({ err: error }, "alert tick failed");
      }
      return outcome;
    },

    acknowledge(alertId, by, at = clock()) {
      return inTransaction(db, (tx) => {
        const alert = getAlert(tx, alertId);
        if (!alert) return err(new AppError("not_found", `alert ${alertId} not found`));
        const patch = acknowledgement(alert, by, at);
        if (!patch) return ok(alert);
        const updated = updateAlert(tx, alertId, patch);
        appendAudit(
          tx,
          {
            // Whoever the caller says acknowledged it: the route passes the signed-in principal.
            actor: by,
            action: "alert.acknowledged",
            centerId: alert.centerId,
            subject: `alert:${alertId}`,
            sourceIds: correlationOf(alert.cause) ? [alert.cause] : [],
            correlationId: correlationOf(alert.cause),
            data: {
              roomId: alert.roomId,
              severity: alert.severity,
              acknowledgedAt: patch.acknowledgedAt,
            },
          },
          wallClock().toISOString(),
        );
        logger.info({ alertId, by, severity: alert.severity }, "alert acknowledged");
        return ok(updated ?? alert);
      });
    },
  };
}
