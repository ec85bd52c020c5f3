/**
 * @module alerts/runtime
 * Alerting as the running service uses it: the engine listening to status changes, the outbox
 * worker sending what the engine enqueued, and the channels they send through.
 */
import type { EventEmitter } from "node:events";
import { recordPlatformOutcome } from "../approvals/execute.js";
import { createChannelSenders } from "../channels/index.js";
import type { StatusChange } from "../compliance/index.js";
import type { Config } from "../config/index.js";
import type { Logger } from "../logging/index.js";
import { createOutboxWorker } from "../outbox/index.js";
import type { PlatformClient } from "../platforms/types.js";
import type { Db } from "../storage/db.js";
import { getCenter } from "../storage/directory.js";
import { createAlertEngine, storedPolicyFor } from "./engine.js";

export interface AlertingOptions {
  db: Db;
  logger: Logger;
  config: Config;
  /** Business time: escalations and cool-downs are counted in it. */
  clock: () => Date;
  /** Wall time: outbox retries and leases. */
  wallClock: () => Date;
  clients: readonly PlatformClient[];
  /** Listens for `status`; emits `alerts` when an in-app alert is delivered (the board refreshes). */
  events: EventEmitter;
  publicUrl: string;
}

export function startAlerting(options: AlertingOptions) {
  const { db, config, clock, events } = options;
  const logger = options.logger.child({ component: "alerts" });
  const policyFor = storedPolicyFor(db, logger);
  const engine = createAlertEngine({
    db,
    logger,
    clock,
    wallClock: options.wallClock,
    policyFor,
    publicUrl: config.PUBLIC_URL ?? options.publicUrl,
    shadowMode: config.ALERTS_SHADOW_MODE === "on",
  });
  const outbox = createOutboxWorker({
    db,
    logger: options.logger.child({ component: "outbox" }),
    wallClock: options.wallClock,
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    retryHorizonMs: config.OUTBOX_RETRY_HORIZON_HOURS * 3_600_000,
    // A safety notice whose channel keeps failing also goes out on the center's next channel.
    failoverFor: (centerId) => {
      const policy = policyFor(centerId);
      const phones = policy.failover.roles.flatMap((role) =>
        (policy.recipients[role] ?? []).flatMap((r) => (r.phone ? [r.phone] : [])),
      );
      return { ...policy.failover, phones };
    },
    // An approval's platform call finishes together with its approval (executed / failed).
    onFinished: recordPlatformOutcome,
    // The board says which alert sends are failing: refresh it.
    onTrouble: (row) =>
      events.emit("alerts", { centerId: row.centerId, alertId: row.alertId, event: "delivery" }),
    senders: createChannelSenders({
      db,
      wallClock: options.wallClock,
      slackWebhookUrl: config.SLACK_WEBHOOK_URL,
      slackWebhookUrlFor: (centerId) => policyFor(centerId).slackWebhookUrl,
      slackAllowedHosts: config.SLACK_ALLOWED_HOSTS,
      twilio: {
        accountSid: config.TWILIO_ACCOUNT_SID,
        authToken: config.TWILIO_AUTH_TOKEN,
        from: config.TWILIO_FROM_NUMBER,
        apiUrl: config.TWILIO_API_URL,
      },
      slackTimeoutMs: config.SLACK_TIMEOUT_SECONDS * 1000,
      twilioTimeoutMs: config.TWILIO_TIMEOUT_SECONDS * 1000,
      platformFor: (centerId) => {
        const center = getCenter(db, centerId);
        return center && options.clients.find((c) => c.provider === center.provider);
      },
      onInAppDelivered: (delivered) => events.emit("alerts", delivered),
    }),
  });
  // Sends a process on this host left mid-way (it died) resume now, not when their lease runs out.
  outbox.recoverOrphans();
  events.on("status", (change: StatusChange) => {
    if (engine.onStatusChange(change).enqueued.length > 0) void outbox.runDue();
  });

  return {
    engine,
    outbox,
    /** Escalations and cool-downs due by business time, then whatever is due to send. */
    async tick(): Promise<void> {
      engine.tick();
      await outbox.runDue();
    },
    /** Opens alerts a crash or a first deployment left missing for rooms already out of ratio
     * (every center, or only `centerIds`). */
    catchUp(centerIds?: readonly string[]): void {
      engine.catchUp(undefined, centerIds);
      void outbox.runDue();
    },
    whenIdle: () => outbox.whenIdle(),
    /** On shutdown, before `whenIdle`: no new sends, and sends in flight cut short (in doubt). */
    stop: () => outbox.stop(),
  };
}

export type Alerting = ReturnType<typeof startAlerting>;
