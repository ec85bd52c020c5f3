/**
 * @module outbox/worker
 * Delivers due outbox rows. Each channel has its own lane: a hung, slow or failing channel holds
 * up only its own sends, never another channel's. Each row is claimed with a lease (so another
 * worker, here or on another instance, leaves it alone), sent through its channel's sender, and
 * its outcome recorded: `sent`; `pending` again with backoff and jitter when the failure is
 * retryable; `failed` on a permanent error or once its retry horizon has passed (kept, visible,
 * audited); `skipped` with the reason when the channel is not configured.
 *
 * Safety sends (an open violation or critical alert, a pick-up hold not yet released) are never
 * given up while that lasts: they retry at least every `safetyMaxDelayMs`, and when their channel
 * keeps failing the same notice also goes out on the next channel of the center's failover order.
 *
 * Retries run on wall time: they are about the network, not the center's day.
 */
import { appendAudit, correlationOf } from "../audit/index.js";
import { channelSchema, type Senders, type SendResult } from "../channels/types.js";
import type { Logger } from "../logging/index.js";
import { getAlert } from "../storage/alerts.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import {
  claimNextOutboxFor,
  enqueueOutbox,
  type FinishOutcome,
  finishOutbox,
  listFailoverCandidates,
  listOutboxByKeyPrefix,
  markFailedOver,
  type OutboxChannel,
  type OutboxRow,
  recoverOrphanedOutbox,
} from "../storage/outbox.js";
import {
  channelName,
  type FailoverSettings,
  failoverRows,
  nextChannel,
  noticeKeyOf,
} from "./failover.js";
import { isOrphanedOwner, newOwner, registerOwner } from "./owner.js";
import { isSafetyRow } from "./safety.js";

/** What a row's send came to, as recorded; `recordId` when the platform created a record. */
export type OutboxOutcome = FinishOutcome & { recordId?: string };

export interface OutboxWorkerOptions {
  db: Db;
  logger: Logger;
  senders: Senders;
  wallClock: () => Date;
  /**
   * How long a claim holds a row; must exceed the longest send, including a platform client's
   * own retries and a lookup of an earlier attempt (default 120 s). A lease that runs out
   * mid-send lets another worker send again (after looking it up, where the channel can).
   */
  leaseMs?: number;
  /** Attempts before a retryable failure of a non-safety send becomes `failed` (default: none). */
  maxAttempts?: number;
  /** How long a non-safety send is retried before it becomes `failed` (default 24 h). */
  retryHorizonMs?: number;
  /** First retry delay before jitter (default 2 s); doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  /** Longest delay between attempts (default 15 min). */
  maxDelayMs?: number;
  /** Longest delay between attempts of a safety send, `Retry-After` included (default 60 s). */
  safetyMaxDelayMs?: number;
  /**
   * Shortest delay after an attempt whose outcome is unknown (default 30 s): a message the
   * provider took late shows up in its list by the time the next attempt looks for it.
   */
  inDoubtDelayMs?: number;
  /** Rows per lane per `runDue` call at most (default 100). */
  batchSize?: number;
  /** This worker's lease owner id (default host:pid:uuid). */
  owner?: string;
  random?: () => number;
  /** The center's failover order, thresholds and role phones; undefined: no failover. */
  failoverFor?: (centerId: string) => FailoverSettings | undefined;
  /**
   * Runs in the same transaction that records a row's outcome, only when this worker still held
   * the row: what the send means elsewhere (an approval becoming `executed`) commits with it or
   * not at all. If it throws, neither is recorded and the row is sent again once its lease runs
   * out, with the same idempotency key.
   */
  onFinished?: (tx: Store, row: OutboxRow, outcome: OutboxOutcome) => void;
  /**
   * After a row starts failing, fails for good or is carried on to the next channel (so the
   * board, which says so, can refresh).
   */
  onTrouble?: (row: OutboxRow) => void;
}

export interface OutboxRunSummary {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Rows whose lease was lost mid-send (another worker re-claimed them): outcome not recorded. */
  lost: number;
  /** Safety notices carried on to the next channel. */
  failedOver: number;
}

export interface OutboxWorker {
  readonly owner: string;
  /**
   * Starts every channel lane that is not already running and sends what is due on it (up to
   * `batchSize` rows each); resolves when the lanes it started are done. A lane that is busy
   * (a slow send) is left alone: it picks up newly due rows itself. Never throws.
   */
  runDue(): Promise<OutboxRunSummary>;
  /** Resolves when every lane in progress has recorded its last outcome: await on stop. */
  whenIdle(): Promise<void>;
  /**
   * Rows a process on this host left mid-send (it no longer exists) go back to pending, in
   * doubt, due now: run at start-up. Returns their ids.
   */
  recoverOrphans(): number[];
  /** Carries safety notices whose channel keeps failing on to the next channel; ids enqueued. */
  failOverDue(): number[];
  /**
   * Claims nothing more and cuts short the requests in flight (their rows are recorded in doubt
   * and looked up by the next process): call before `whenIdle` on shutdown.
   */
  stop(): void;
}

/** Equal-jitter exponential backoff: half the step fixed, half random. `attempt` counts from 1. */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseDelayMs = 2_000,
  maxDelayMs = 15 * 60_000,
): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

const emptySummary = (): OutboxRunSummary => ({
  sent: 0,
  retrying: 0,
  failed: 0,
  skipped: 0,
  lost: 0,
  failedOver: 0,
});

function addInto(total: OutboxRunSummary, part: OutboxRunSummary): void {
  for (const k of Object.keys(total) as (keyof OutboxRunSummary)[]) total[k] += part[k];
}

const FAILOVER_CHANNELS: OutboxChannel[] = ["sms", "slack", "task"];

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, logger, senders, wallClock } = options;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 100;
  const horizonMs = options.retryHorizonMs ?? 24 * 3_600_000;
  const safetyMaxDelayMs = options.safetyMaxDelayMs ?? 60_000;
  const inDoubtDelayMs = Math.min(options.inDoubtDelayMs ?? 30_000, safetyMaxDelayMs);
  const random = options.random ?? Math.random;
  const owner = options.owner ?? newOwner();
  registerOwner(owner);
  const lanes = new Map<OutboxChannel, Promise<OutboxRunSummary>>();
  const stopping = new AbortController();

  async function send(row: OutboxRow): Promise<SendResult> {
    const sender = senders[row.channel];
    if (!sender) {
      return {
        ok: false,
        retryable: false,
        skipped: true,
        error: `no sender for channel ${row.channel}`,
      };
    }
    try {
      return await sender(row, stopping.signal);
    } catch (error) {
      // A sender should not throw; if one does, treat it as a transient fault, not a lost send.
      return { ok: false, retryable: true, error: `sender threw: ${String(error)}` };
    }
  }

  /**
   * Records a send's outcome and, for a final one (sent, failed, skipped), its audit entry, in one
   * transaction with `onFinished` (what the send means elsewhere). A retry is not audited: the row
   * will reach one of those. If the transaction throws, nothing is recorded and the row is sent
   * again once its lease runs out, with the same idempotency key.
   */
  function finish(row: OutboxRow, outcome: OutboxOutcome): boolean {
    try {
      return inTransaction(db, (tx) => {
        const recorded = finishOutbox(tx, row.id, owner, outcome);
        if (!recorded) return false;
        options.onFinished?.(tx, row, outcome);
        if (outcome.status === "pending") return true;
        auditOutcome(tx, row, outcome);
        return true;
      });
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, "recording an outbox outcome failed");
      return false;
    }
  }

  function audit(
    tx: Store,
    row: OutboxRow,
    action: string,
    data: Record<string, unknown>,
    at: string,
  ) {
    const alert = row.alertId === null ? undefined : getAlert(tx, row.alertId);
    appendAudit(
      tx,
      {
        actor: "system:outbox",
        action,
        centerId: row.centerId,
        subject: `outbox:${row.id}`,
        sourceIds: [
          ...(row.alertId !== null ? [`alert:${row.alertId}`] : []),
          ...(row.approvalId !== null ? [`approval:${row.approvalId}`] : []),
        ],
        // The alert's opening event: a notice belongs to that alert's story.
        correlationId: correlationOf(alert?.cause),
        // No recipient: SMS recipients are phone numbers, and this log is never erased. The
        // outbox row (the subject) has it.
        data: { channel: row.channel, attempts: row.attempts, ...data },
      },
      at,
    );
  }

  function auditOutcome(tx: Store, row: OutboxRow, outcome: OutboxOutcome): void {
    audit(
      tx,
      row,
      `outbox.${outcome.status}`,
      outcome.status === "sent" ? { response: outcome.response } : { error: outcome.error },
      outcome.at,
    );
  }

  /**
   * Enqueues `row`'s notice on the next channel, once per row, if it is a safety notice. Returns
   * the ids enqueued (none when every channel was already used).
   */
  function failOver(row: OutboxRow, reason: string): number[] {
    const settings = options.failoverFor?.(row.centerId);
    // Checked again inside the transaction; this read spares non-safety rows a write lock.
    if (!settings || !isSafetyRow(db, row)) return [];
    const at = wallClock().toISOString();
    try {
      const ids = inTransaction(db, (tx) => {
        if (!isSafetyRow(tx, row)) return [];
        const group = listOutboxByKeyPrefix(tx, `${noticeKeyOf(row)}:`);
        const used = new Set(group.map((r) => r.channel));
        const next = nextChannel(settings.order, row.channel, used, settings.phones.length > 0);
        if (!markFailedOver(tx, row.id, at)) return [];
        const ids = next ? enqueueOutbox(tx, failoverRows(row, next, settings), at) : [];
        audit(
          tx,
          row,
          "outbox.failover",
          {
            reason,
            to: next,
            outboxIds: ids,
            ...(next ? {} : { note: "no other channel left in the failover order" }),
          },
          at,
        );
        logger.warn(
          { outboxId: row.id, channel: row.channel, to: next, reason },
          next
            ? `${channelName[row.channel]} failing; notice also sent by ${channelName[next]}`
            : "channel failing and no other channel left to try",
        );
        return ids;
      });
      if (ids.length > 0) options.onTrouble?.(row);
      return ids;
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, "failing over an outbox row failed");
      return [];
    }
  }

  function failOverDue(): number[] {
    if (!options.failoverFor) return [];
    const now = wallClock().getTime();
    const candidates = listFailoverCandidates(db, FAILOVER_CHANNELS);
    const settingsOf = new Map<string, FailoverSettings | undefined>();
    const settingsFor = (centerId: string) => {
      if (!settingsOf.has(centerId)) settingsOf.set(centerId, options.failoverFor?.(centerId));
      return settingsOf.get(centerId);
    };
    const inFlightMs = (row: OutboxRow) =>
      row.status === "sending" ? now - Date.parse(row.updatedAt) : 0;
    // A channel is failing when one of its sends has failed and not gone out since, or has
    // been in flight too long. A slow channel that answers is not failing.
    const failing = new Set<OutboxChannel>();
    for (const row of candidates) {
      const limit = (settingsFor(row.centerId)?.afterSeconds ?? Infinity) * 1000;
      if (row.failingSince !== null || inFlightMs(row) >= limit) failing.add(row.channel);
    }
    const ids: number[] = [];
    for (const row of candidates) {
      const settings = settingsFor(row.centerId);
      if (!settings || !failing.has(row.channel)) continue;
      const limit = settings.afterSeconds * 1000;
      // A send never tried yet counts from its creation: it waits behind the failing ones.
      const since = row.failingSince ?? (row.status === "sending" ? row.updatedAt : row.createdAt);
      const stuckMs = now - Date.parse(since);
      const failedTries =
        row.failingSince === null ? 0 : row.attempts - (row.status === "sending" ? 1 : 0);
      if (failedTries < settings.afterAttempts && stuckMs < limit) continue;
      ids.push(
        ...failOver(
          row,
          failedTries >= settings.afterAttempts
            ? `${failedTries} failed tries`
            : `failing for ${Math.round(stuckMs / 1000)} s`,
        ),
      );
    }
    return ids;
  }

  function retryDelay(row: OutboxRow, result: SendResult & { ok: false }, safety: boolean) {
    const cap = safety ? Math.min(safetyMaxDelayMs, options.maxDelayMs ?? Infinity) : undefined;
    let delay = Math.max(
      backoffMs(row.attempts, random, options.baseDelayMs, cap ?? options.maxDelayMs),
      result.retryAfterMs ?? 0,
    );
    if (result.outcomeUnknown) delay = Math.max(delay, inDoubtDelayMs);
    return cap === undefined ? delay : Math.min(delay, cap);
  }

  async function deliverOne(channel: OutboxChannel, summary: OutboxRunSummary): Promise<boolean> {
    const now = wallClock();
    const claimed = claimNextOutboxFor(db, channel, {
      owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    });
    if (!claimed) return false;
    // A row taken over from a worker whose lease ran out may have been sent by it.
    const row = claimed.reclaimed ? { ...claimed.row, inDoubt: true } : claimed.row;
    const result = await send(row);
    const at = wallClock();
    const log = logger.child({
      outboxId: row.id,
      alertId: row.alertId,
      channel: row.channel,
      attempt: row.attempts,
    });
    if (result.ok) {
      const recorded = finish(row, {
        status: "sent",
        at: at.toISOString(),
        response: result.summary,
        ...(result.recordId === undefined ? {} : { recordId: result.recordId }),
      });
      if (recorded) summary.sent++;
      else summary.lost++;
      log.info({ response: result.summary }, "outbox row sent");
      return true;
    }
    const safety = isSafetyRow(db, row);
    const marks = {
      at: at.toISOString(),
      error: result.error,
      inDoubt: result.outcomeUnknown === true,
      // The claim stamped `updatedAt` with this attempt's start.
      failingSince: row.failingSince ?? row.updatedAt,
    };
    let recorded: boolean;
    let final = true;
    if (result.skipped) {
      recorded = finish(row, { status: "skipped", ...marks });
      if (recorded) summary.skipped++;
      log.warn({ reason: result.error }, "outbox row skipped: channel not configured");
    } else if (
      result.retryable &&
      (safety ||
        ((options.maxAttempts === undefined || row.attempts < options.maxAttempts) &&
          at.getTime() - Date.parse(row.createdAt) < horizonMs))
    ) {
      final = false;
      const nextAttemptAt = new Date(at.getTime() + retryDelay(row, result, safety)).toISOString();
      recorded = finish(row, { status: "pending", nextAttemptAt, ...marks });
      if (recorded) summary.retrying++;
      log.warn({ error: result.error, nextAttemptAt, safety }, "outbox send failed; will retry");
    } else {
      const error = result.retryable
        ? `${result.error} (gave up after ${row.attempts} attempts)`
        : result.error;
      recorded = finish(row, { status: "failed", ...marks, error });
      if (recorded) summary.failed++;
      log.error({ error }, "outbox send failed permanently");
    }
    if (!recorded) {
      summary.lost++;
      log.warn("outbox lease lost before the outcome was recorded");
      return true;
    }
    // A channel merely not configured is the policy's business, unless this row was already
    // carrying the notice for a failing channel: then the next channel is tried.
    if (final && safety && (!result.skipped || row.failoverOf !== null)) {
      // A safety notice that will not go out on this channel goes out on the next one now.
      summary.failedOver += failOver(row, `final: ${marks.error}`).length > 0 ? 1 : 0;
    }
    if (final || row.failingSince === null) options.onTrouble?.(row);
    return true;
  }

  function startLane(channel: OutboxChannel): Promise<OutboxRunSummary> {
    const run = (async () => {
      const summary = emptySummary();
      await Promise.resolve(); // so the lane is registered before `finally` can clear it
      try {
        for (let i = 0; i < batchSize && !stopping.signal.aborted; i++) {
          if (!(await deliverOne(channel, summary))) break;
        }
      } catch (error) {
        logger.error({ err: error, channel }, "outbox run failed");
      } finally {
        lanes.delete(channel);
      }
      return summary;
    })();
    lanes.set(channel, run);
    return run;
  }

  return {
    owner,
    runDue() {
      const summary = emptySummary();
      try {
        summary.failedOver += failOverDue().length;
      } catch (error) {
        logger.error({ err: error }, "outbox failover sweep failed");
      }
      const started = channelSchema.options
        .filter((channel) => !lanes.has(channel) && !stopping.signal.aborted)
        .map((channel) => startLane(channel));
      return Promise.all(started).then((parts) => {
        for (const part of parts) addInto(summary, part);
        return summary;
      });
    },
    async whenIdle() {
      while (lanes.size > 0) await Promise.all([...lanes.values()]);
    },
    recoverOrphans() {
      const ids = recoverOrphanedOutbox(db, isOrphanedOwner, wallClock().toISOString());
      if (ids.length > 0) {
        logger.warn({ outboxIds: ids }, "sends left mid-way by a process that is gone: resumed");
      }
      return ids;
    },
    failOverDue,
    stop() {
      stopping.abort();
    },
  };
}
