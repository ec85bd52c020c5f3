/**
 * @module service
 * Wires the service together: storage, the HTTP app, platform clients, the inbox processor, the
 * background jobs and, by default, the sandbox center. `main.ts` runs it; tests start it on port 0.
 */
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import {
  type AgentRunner,
  createAgentRunner,
  resumeInterruptedRuns,
  shutdownAgentTracing,
} from "./agent/index.js";
import { type Alerting, alertPolicySchema, startAlerting } from "./alerts/index.js";
import { expireApprovals, parseExpiryRules, useExpiryRules } from "./approvals/index.js";
import { startAnchorWriter } from "./audit/anchor-writer.js";
import { type SandboxSignIn, seedSandboxUsers } from "./auth/index.js";
import { createEvaluateTick, evaluateCenter, type TickReport } from "./compliance/index.js";
import { anchorPathFor, type Config } from "./config/index.js";
import type { Provider } from "./domain/index.js";
import {
  type Drafting,
  type DraftingPolicy,
  defaultDraftingPolicy,
  draftingPolicySchema,
  enqueueQuickLog,
  startDrafting,
} from "./drafting/index.js";
import { createApp } from "./http/app.js";
import type { AppContext } from "./http/context.js";
import { Lifecycle } from "./http/lifecycle.js";
import { registerMetricsRoute } from "./http/routes/metrics.js";
import { createInboxProcessor } from "./ingest/processor.js";
import { generateSecret } from "./ingest/standard-webhooks.js";
import type { TouchedRooms } from "./live/index.js";
import type { Logger } from "./logging/index.js";
import { mountMcp } from "./mcp/http.js";
import { createMetrics, type Metrics } from "./metrics/index.js";
import { createOffload } from "./offload/index.js";
import { getAdapter } from "./platforms/registry.js";
import type { PlatformClient } from "./platforms/types.js";
import { importSubsidyAuthorizations } from "./reports/subsidy-import.js";
import { formatRetentionReport, purgePastRetention } from "./retention/index.js";
import { sandboxAlertPolicies } from "./sandbox/alert-policy.js";
import { sandboxDraftingPolicies } from "./sandbox/drafting-policy.js";
import { sandboxCenterHours } from "./sandbox/hours.js";
import {
  createSandbox,
  createWebhookDeliverer,
  type Sandbox,
  startSandboxRunner,
} from "./sandbox/index.js";
import { sandboxHireDates, sandboxTraining } from "./sandbox/staff-records.js";
import { sandboxSubsidyAuthorizations } from "./sandbox/subsidy.js";
import {
  type CredentialCheckResult,
  recordHireDates,
  recordTraining,
  runCredentialCheck,
} from "./staff/index.js";
import { getAlertPolicy, putAlertPolicy } from "./storage/alerts.js";
import { getApproval } from "./storage/approvals.js";
import { getCenterHours, putCenterHours } from "./storage/center-hours.js";
import { getCenter, listCenters, listRooms } from "./storage/directory.js";
import { getDoorPolicy, putDoorPolicy } from "./storage/door.js";
import { type Db, openDatabase, scheduledBackup } from "./storage/index.js";
import { listHireDates } from "./storage/staff-records.js";
import { countSubsidyAuthorizations } from "./storage/subsidy.js";
import { reconcileCenter, syncDirectory } from "./sync/index.js";

export const VERSION = "0.1.0";

export interface RunningService {
  url: string;
  ctx: AppContext;
  sandbox: Sandbox | undefined;
  clients: PlatformClient[];
  /** With the sandbox: its seeded users (one per role) with this run's passwords and token. */
  sandboxUsers: SandboxSignIn[];
  /** One directory sync of every platform (also runs on an interval). */
  syncNow(): Promise<void>;
  /** The alert engine and its outbox (`tick()` runs escalations and due sends now). */
  alerting: Alerting;
  /** Re-evaluates every room now. */
  evaluateNow(): void;
  /** One periodic tick now: the rooms whose status time alone may have changed (on an interval). */
  evaluateDue(): Promise<TickReport | null>;
  /** The drafting jobs: scans, queue and worker. */
  drafting: Drafting;
  /** One drafting tick now (every scan, then every due job), resolved when drained. */
  draftNow(): Promise<void>;
  /** One reconciliation pass over every center (also runs on an interval). */
  reconcileNow(): Promise<number>;
  /** One staff credential check of every center (also runs on an interval and after syncs). */
  checkCredentialsNow(): CredentialCheckResult[];
  stop(): Promise<void>;
}

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  /** Start the sandbox's real-time runner (default true when the sandbox is on). */
  runSandbox?: boolean;
  /** Real time; injectable for tests. */
  wallClock?: () => Date;
  /**
   * The agent loop for drafting (tests pass a scripted one). Default: the loop on Anthropic's API
   * when `ANTHROPIC_API_KEY` is set; without it every job drafts from its template.
   */
  agent?: AgentRunner;
}

/**
 * After live state changed: re-evaluate the touched rooms' ratios, then tell the board (and, through
 * `status`, whatever acts on a change of status).
 */
function onTouched(db: Db, events: EventEmitter, at: Date, touched: TouchedRooms): void {
  for (const [centerId, rooms] of touched) {
    for (const change of evaluateCenter(db, centerId, at, rooms)) events.emit("status", change);
    events.emit("rooms", { centerId, roomIds: [...rooms.keys()] });
  }
}

/** Re-evaluates every room: ages move on, and an open violation turns critical with time. */
function evaluateAll(db: Db, events: EventEmitter, at: Date, cause: string): void {
  for (const center of listCenters(db)) {
    const changes = evaluateCenter(db, center.id, at, undefined, cause);
    for (const change of changes) events.emit("status", change);
    if (changes.length > 0)
      events.emit("rooms", { centerId: center.id, roomIds: changes.map((c) => c.roomId) });
  }
}

function startAuditAnchors(config: Config, db: Db, wallClock: () => Date, logger: Logger) {
  if (!config.AUDIT_ANCHOR_KEY || config.DATABASE_PATH === ":memory:") {
    if (config.SANDBOX === "off")
      logger.warn("AUDIT_ANCHOR_KEY is not set: the audit log is not anchored");
    return undefined;
  }
  return startAnchorWriter({
    db,
    key: config.AUDIT_ANCHOR_KEY,
    path: anchorPathFor(config),
    wallClock,
    logger: logger.child({ component: "audit-anchor" }),
    intervalMs: config.AUDIT_ANCHOR_INTERVAL_MINUTES * 60_000,
  });
}

function secretsFor(config: Config, sandboxOn: boolean): Record<Provider, readonly string[]> {
  // The sandbox needs a shared secret; with none configured, a fresh random one per run is safer
  // than a well-known default that anyone on the host could sign with.
  const pick = (list: string[] | undefined) =>
    list?.length ? list : sandboxOn ? [generateSecret()] : [];
  return {
    procare: pick(config.PROCARE_WEBHOOK_SECRETS),
    kangarootime: pick(config.KANGAROOTIME_WEBHOOK_SECRETS),
  };
}

/** `/metrics` alone on its own port, without a token. */
async function serveMetrics(metrics: Metrics, config: Config) {
  const app = new Hono();
  registerMetricsRoute(app, metrics, undefined);
  const server = serve({
    fetch: app.fetch,
    port: config.METRICS_PORT,
    hostname: config.METRICS_HOST,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return server;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, logger } = options;
  const wallClock = options.wallClock ?? (() => new Date());
  const sandboxOn = config.SANDBOX === "on";
  const lifecycle = new Lifecycle();
  const expiry = parseExpiryRules(config.APPROVAL_EXPIRY);
  if (!expiry.ok) throw expiry.error;
  useExpiryRules(expiry.value);
  const db = openDatabase(config.DATABASE_PATH);
  lifecycle.finished("migrations");
  // First, before anything appends: a start anchor must match the previous shutdown's head.
  const anchors = startAuditAnchors(config, db, wallClock, logger);
  // Agent runs a previous process left mid-way are failed, so their jobs fall back (agent/resume.ts).
  resumeInterruptedRuns(db, { now: wallClock(), logger: logger.child({ component: "agent" }) });
  const sandbox = sandboxOn
    ? createSandbox({
        seed: config.SANDBOX_SEED,
        centers: config.SANDBOX_CENTERS,
        date: config.SANDBOX_DATE ?? wallClock().toISOString().slice(0, 10),
      })
    : undefined;
  const clock = sandbox ? () => sandbox.now() : wallClock;
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  const processor = createInboxProcessor({
    db,
    logger: logger.child({ component: "inbox" }),
    clock: wallClock,
    // The processor evaluates each event's rooms itself, at the event's time; this publishes.
    onTouched: (touched, changes) => {
      for (const change of changes) events.emit("status", change);
      for (const [centerId, rooms] of touched)
        events.emit("rooms", { centerId, roomIds: [...rooms.keys()] });
    },
    // Alerting starts after the server is up; a hold's pages wait in the outbox until then.
    onOutbox: () => void ctx.alerting?.outbox.runDue(),
  });
  const ctx: AppContext = {
    db,
    logger,
    clock,
    wallClock,
    webhookSecrets: secretsFor(config, sandboxOn),
    webhookToleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
    processor,
    events,
    offload: createOffload({ db, databasePath: config.DATABASE_PATH, logger }),
    sandboxApi: sandbox?.api,
    version: VERSION,
    lifecycle,
    auth: {
      bootstrapToken: config.CENTERLINE_BOOTSTRAP_TOKEN,
      https: config.PUBLIC_URL?.startsWith("https:") ?? false,
      sessionTtlSeconds: Math.round(config.SESSION_TTL_HOURS * 3600),
      trustedOrigins: config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [],
      signInLimits: {
        accountFailures: config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
        addressFailures: config.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
        windowSeconds: config.SIGN_IN_WINDOW_MINUTES * 60,
      },
    },
  };
  const app = createApp(ctx);
  mountMcp(app, ctx, config);
  const metrics = createMetrics({ db, events, version: VERSION, wallClock });
  if (config.METRICS_TOKEN) registerMetricsRoute(app, metrics, config.METRICS_TOKEN);
  const metricsServer =
    config.METRICS_PORT === undefined ? undefined : await serveMetrics(metrics, config);

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;

  const clients: PlatformClient[] = [];
  const providers: Provider[] = ["procare", "kangarootime"];
  for (const provider of providers) {
    const upper = provider.toUpperCase() as "PROCARE" | "KANGAROOTIME";
    const baseUrl = sandbox ? `${url}/sandbox/${provider}` : config[`${upper}_API_URL`];
    const apiKey = sandbox ? sandbox.apiKey : config[`${upper}_API_KEY`];
    if (baseUrl && apiKey) clients.push(getAdapter(provider).createClient({ baseUrl, apiKey }));
  }

  ctx.platformFor = (centerId) => {
    const center = listCenters(db).find((c) => c.id === centerId);
    return clients.find((c) => c.provider === center?.provider);
  };

  const syncNow = async () => {
    for (const client of clients) {
      try {
        await syncDirectory(db, client, clock(), logger.child({ job: "directory" }));
      } catch (error) {
        logger.error({ err: error, provider: client.provider }, "directory sync failed");
      }
    }
  };
  let reconciling = false;
  const reconcileNow = async () => {
    if (reconciling) return 0;
    reconciling = true;
    let repairs = 0;
    try {
      for (const center of listCenters(db)) {
        const client = clients.find((c) => c.provider === center.provider);
        if (!client) continue;
        try {
          const result = await reconcileCenter(db, client, center, clock, logger);
          repairs += result.repairs;
          onTouched(db, events, clock(), result.touched);
        } catch {
          // Logged and recorded as a failed run by reconcileCenter; the next pass tries again.
        }
      }
    } finally {
      reconciling = false;
    }
    return repairs;
  };

  const alerting = startAlerting({
    db,
    logger,
    config,
    clock,
    wallClock,
    clients,
    events,
    publicUrl: url,
  });
  ctx.alerting = alerting;

  const draftingPolicies = new Map<string, DraftingPolicy>(
    sandbox
      ? [...sandboxDraftingPolicies(sandbox.world)].map(([id, p]) => [
          id,
          draftingPolicySchema.parse(p),
        ])
      : [],
  );
  const drafting = startDrafting({
    db,
    logger,
    clock,
    wallClock,
    events,
    policyFor: (centerId) => draftingPolicies.get(centerId) ?? defaultDraftingPolicy,
    agent:
      options.agent ??
      createAgentRunner({
        db,
        logger: logger.child({ component: "agent" }),
        config,
        wallClock,
        platformFor: (centerId) => {
          const center = listCenters(db).find((c) => c.id === centerId);
          return clients.find((c) => c.provider === center?.provider);
        },
      }),
    onOutbox: () => void alerting.outbox.runDue(),
  });
  ctx.quickLog = (centerId, log) => {
    const center = getCenter(db, centerId);
    if (!center) return [];
    const policy = draftingPolicies.get(centerId) ?? defaultDraftingPolicy;
    const added = enqueueQuickLog(db, center, policy, log, wallClock());
    if (added.length > 0) void drafting.runDue();
    return added;
  };
  ctx.reviewPolicyFor = (centerId) =>
    (draftingPolicies.get(centerId) ?? defaultDraftingPolicy).review;

  const checkCredentialsNow = () => {
    const results: CredentialCheckResult[] = [];
    for (const center of listCenters(db)) {
      try {
        const result = runCredentialCheck(db, center.id, clock(), wallClock());
        if (result) results.push(result);
      } catch (error) {
        logger.error({ err: error, centerId: center.id }, "credential check failed");
      }
    }
    if (results.some((r) => r.opened > 0)) void alerting.outbox.runDue();
    return results;
  };
  const syncAndCheck = async () => {
    await syncNow();
    // Staff-record changes arrive with the directory sync, so their statuses follow at once.
    if (config.STAFF_CREDENTIALS_INTERVAL_SECONDS > 0) checkCredentialsNow();
  };

  await syncAndCheck();
  // Ready means the directory was asked once, whatever it answered: a platform that is down must
  // not keep the service out of rotation (its failure is logged, and the next sync retries).
  lifecycle.finished("directory sync");
  const sandboxUsers = sandbox
    ? await seedSandboxUsers(db, listCenters(db), (id) => listRooms(db, id), wallClock())
    : [];
  if (sandbox) {
    // The simulated centers page their own (invented) directors; a stored policy is left alone.
    for (const [centerId, policy] of sandboxAlertPolicies(sandbox.world)) {
      if (getAlertPolicy(db, centerId) === undefined) {
        putAlertPolicy(db, centerId, alertPolicySchema.parse(policy), wallClock().toISOString());
      }
    }
    for (const center of sandbox.world.centers) {
      if (getDoorPolicy(db, center.id) === undefined) {
        putDoorPolicy(
          db,
          center.id,
          { checkIn: { opensAt: center.opensAt } },
          wallClock().toISOString(),
        );
      }
    }
    for (const [centerId, hours] of sandboxCenterHours(sandbox.world)) {
      if (getCenterHours(db, centerId) === null) {
        putCenterHours(db, centerId, hours, "sandbox", wallClock().toISOString());
      }
    }
    for (const [centerId, list] of sandboxSubsidyAuthorizations(sandbox.world)) {
      if (countSubsidyAuthorizations(db, centerId) === 0) {
        importSubsidyAuthorizations(db, centerId, list, "sandbox", "system:sandbox", wallClock());
      }
    }
    // Staff records only into a center that has none yet (a restart keeps what was entered).
    const hires = sandboxHireDates(sandbox.world);
    const training = sandboxTraining(sandbox.world, hires);
    let seeded = false;
    for (const [centerId, list] of hires) {
      if (listHireDates(db, centerId).length > 0) continue;
      recordHireDates(db, centerId, list, "sandbox", "system:sandbox", wallClock());
      const log = training.get(centerId) ?? [];
      if (log.length > 0)
        recordTraining(db, centerId, log, "sandbox", "system:sandbox", wallClock());
      seeded = true;
    }
    // The start-up check ran before these records existed; judge the training against them now.
    if (seeded && config.STAFF_CREDENTIALS_INTERVAL_SECONDS > 0) checkCredentialsNow();
  }
  // Rows left pending by a previous process (a crash between 200 and projection) go first.
  const resumed = processor.drain();
  if (resumed > 0) logger.info({ resumed }, "processed inbox rows left from a previous run");
  lifecycle.finished("inbox drain");
  evaluateAll(db, events, clock(), "start-up");
  alerting.catchUp();

  const evaluateTick = createEvaluateTick(
    db,
    (centerId, changes) => {
      for (const change of changes) events.emit("status", change);
      events.emit("rooms", { centerId, roomIds: changes.map((c) => c.roomId) });
    },
    { afterCenter: (centerId) => alerting.catchUp([centerId]) },
  );
  const evaluateDue = () => evaluateTick.run(clock);
  const timers: NodeJS.Timeout[] = [];
  if (config.EVALUATE_INTERVAL_SECONDS > 0) {
    timers.push(setInterval(() => void evaluateDue(), config.EVALUATE_INTERVAL_SECONDS * 1000));
  }
  if (config.ALERT_TICK_SECONDS > 0) {
    timers.push(
      setInterval(() => {
        try {
          for (const id of expireApprovals(db, clock(), wallClock())) {
            const row = getApproval(db, id);
            if (row) events.emit("approvals", { centerId: row.centerId, approvalIds: [id] });
          }
        } catch (error) {
          logger.error({ err: error }, "expiring approvals failed; the next tick tries again");
        }
        void alerting.tick();
      }, config.ALERT_TICK_SECONDS * 1000),
    );
  }
  if (config.DRAFTING_TICK_SECONDS > 0) {
    timers.push(setInterval(() => void drafting.tick(), config.DRAFTING_TICK_SECONDS * 1000));
  }
  if (config.RECONCILE_INTERVAL_SECONDS > 0) {
    timers.push(setInterval(() => void reconcileNow(), config.RECONCILE_INTERVAL_SECONDS * 1000));
  }
  if (config.DIRECTORY_SYNC_INTERVAL_SECONDS > 0) {
    timers.push(
      setInterval(() => void syncAndCheck(), config.DIRECTORY_SYNC_INTERVAL_SECONDS * 1000),
    );
  }
  if (config.STAFF_CREDENTIALS_INTERVAL_SECONDS > 0) {
    timers.push(
      setInterval(() => checkCredentialsNow(), config.STAFF_CREDENTIALS_INTERVAL_SECONDS * 1000),
    );
  }
  if (config.BACKUP_INTERVAL_HOURS > 0 && config.DATABASE_PATH !== ":memory:") {
    const dir = config.BACKUP_DIR ?? join(dirname(config.DATABASE_PATH), "backups");
    timers.push(
      setInterval(
        () =>
          void scheduledBackup(db, dir, config.BACKUP_KEEP, wallClock()).then(
            ({ taken, removed }) => logger.info({ file: taken.file, removed }, "backup taken"),
            (error) => logger.error({ err: error, dir }, "scheduled backup failed"),
          ),
        config.BACKUP_INTERVAL_HOURS * 3_600_000,
      ),
    );
  }
  if (config.RETENTION_PURGE !== "off") {
    const retain = () => {
      try {
        const report = purgePastRetention(db, {
          now: clock(),
          apply: config.RETENTION_PURGE === "apply",
          ...(config.RETENTION_YEARS === undefined ? {} : { years: config.RETENTION_YEARS }),
        });
        if (report.total > 0) logger.info({ report }, formatRetentionReport(report));
      } catch (error) {
        logger.error({ err: error }, "retention job failed; it runs again tomorrow");
      }
    };
    timers.push(setInterval(retain, 24 * 3_600_000));
  }

  const runner =
    sandbox && options.runSandbox !== false
      ? startSandboxRunner({
          sandbox,
          speed: config.SANDBOX_SPEED,
          logger: logger.child({ component: "sandbox" }),
          deliver: createWebhookDeliverer({
            url: (provider) => `${url}/webhooks/${provider}`,
            secrets: {
              procare: ctx.webhookSecrets.procare[0]!,
              kangarootime: ctx.webhookSecrets.kangarootime[0]!,
            },
            fetch: globalThis.fetch,
            now: wallClock,
            logger: logger.child({ component: "sandbox" }),
          }),
        })
      : undefined;

  const stop = async () => {
    lifecycle.stop();
    for (const t of timers) clearInterval(t);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const finished = (async () => {
      await runner?.stop();
      // Sends and agent runs in flight are cut short and handed back (leases released, runs
      // resumed by the next start), so nothing waits for a slow provider past the deadline.
      drafting.stop();
      alerting.stop();
      await Promise.all([drafting.whenIdle(), alerting.whenIdle(), closed]);
    })();
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      finished.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      logger.warn(
        { seconds: config.SHUTDOWN_TIMEOUT_SECONDS },
        "shutdown deadline reached; closing the connections still open",
      );
      if ("closeAllConnections" in server) server.closeAllConnections();
    }
    metricsServer?.close();
    // Spans of the last agent runs still in the exporter's buffer go out before the process ends.
    await shutdownAgentTracing().catch((error) =>
      logger.warn({ err: error }, "could not flush agent trace spans"),
    );
    await ctx.offload.close();
    anchors?.stop();
    db.$client.close();
  };

  const evaluateNow = () => evaluateAll(db, events, clock(), "request");
  const draftNow = () => drafting.tick();
  return {
    url,
    ctx,
    sandbox,
    clients,
    sandboxUsers,
    alerting,
    drafting,
    syncNow,
    evaluateNow,
    evaluateDue,
    draftNow,
    reconcileNow,
    checkCredentialsNow,
    stop,
  };
}
