/**
 * @module outbox/worker
 * Delivers due outbox rows. Each row is claimed with a lease (so another worker, here or on
 * another instance, leaves it alone), sent through its channel's sender, and its outcome recorded:
 * `sent`; `pending` again with exponential backoff and jitter when the failure is retryable;
 * `failed` after `maxAttempts` or on a permanent error (kept, visible); `skipped` with the reason
 * when the channel is not configured. A channel that is down delays a send, never loses it.
 *
 * Retries run on wall time: they are about the network, not the center's day.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { appendAudit, correlationOf } from "../audit/index.js";
import type { Senders, SendResult } from "../channels/types.js";
import type { Logger } from "../logging/index.js";
import { getAlert } from "../storage/alerts.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import {
  claimNextOutbox,
  type FinishOutcome,
  finishOutbox,
  type OutboxRow,
} from "../storage/outbox.js";

/** What a row's send came to, as recorded; `recordId` when the platform created a record. */
export type OutboxOutcome = FinishOutcome & { recordId?: string };

export interface OutboxWorkerOptions {
  db: Db;
  logger: Logger;
  senders: Senders;
  wallClock: () => Date;
  /**
   * How long a claim holds a row; must exceed the longest send, including a platform client's
   * own retries (default 120 s). A lease that runs out mid-send lets another worker re-send.
   */
  leaseMs?: number;
  /** Attempts before a retryable failure becomes `failed` (default 8). */
  maxAttempts?: number;
  /** First retry delay before jitter (default 2 s); doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  /** Longest delay between attempts (default 15 min). */
  maxDelayMs?: number;
  /** Rows per `runDue` call at most (default 100). */
  batchSize?: number;
  /** This worker's lease owner id (default host:pid:uuid). */
  owner?: string;
  random?: () => number;
  /**
   * Runs in the same transaction that records a row's outcome, only when this worker still held
   * the row: what the send means elsewhere (an approval becoming `executed`) commits with it or
   * not at all. If it throws, neither is recorded and the row is sent again once its lease runs
   * out, with the same idempotency key.
   */
  onFinished?: (tx: Store, row: OutboxRow, outcome: OutboxOutcome) => void;
}

export interface OutboxRunSummary {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Rows whose lease was lost mid-send (another worker re-claimed them): outcome not recorded. */
  lost: number;
}

export interface OutboxWorker {
  readonly owner: string;
  /**
   * Sends every row due now (up to `batchSize`), one claim at a time. Never throws. A call while
   * a run is in progress returns at once (that run picks up newly due rows).
   */
  runDue(): Promise<OutboxRunSummary>;
  /** Resolves when the run in progress (if any) has recorded its last outcome: await on stop. */
  whenIdle(): Promise<void>;
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

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, logger, senders, wallClock } = options;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const batchSize = options.batchSize ?? 100;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  let current: Promise<OutboxRunSummary> | null = null;

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
      return await sender(row);
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

  function auditOutcome(tx: Store, row: OutboxRow, outcome: OutboxOutcome): void {
    const alert = row.alertId === null ? undefined : getAlert(tx, row.alertId);
    appendAudit(
      tx,
      {
        actor: "system:outbox",
        action: `outbox.${outcome.status}`,
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
        data: {
          channel: row.channel,
          attempts: row.attempts,
          ...(outcome.status === "sent"
            ? { response: outcome.response }
            : { error: outcome.error }),
        },
      },
      outcome.at,
    );
  }

  async function deliverOne(summary: OutboxRunSummary): Promise<boolean> {
    const now = wallClock();
    const row = claimNextOutbox(db, {
      owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    });
    if (!row) return false;
    const result = await send(row);
    const at = wallClock();
    const log = logger.child({
      outboxId: row.id,
      alertId: row.alertId,
      channel: row.channel,
      attempt: row.attempts,
    });
    let recorded: boolean;
    if (result.ok) {
      recorded = finish(row, {
        status: "sent",
        at: at.toISOString(),
        response: result.summary,
        ...(result.recordId === undefined ? {} : { recordId: result.recordId }),
      });
      if (recorded) summary.sent++;
      log.info({ response: result.summary }, "outbox row sent");
    } else if (result.skipped) {
      recorded = finish(row, {
        status: "skipped",
        at: at.toISOString(),
        error: result.error,
      });
      if (recorded) summary.skipped++;
      log.warn({ reason: result.error }, "outbox row skipped: channel not configured");
    } else if (result.retryable && row.attempts < maxAttempts) {
      const delay = Math.max(
        backoffMs(row.attempts, random, options.baseDelayMs, options.maxDelayMs),
        result.retryAfterMs ?? 0,
      );
      const nextAttemptAt = new Date(at.getTime() + delay).toISOString();
      recorded = finish(row, {
        status: "pending",
        at: at.toISOString(),
        error: result.error,
        nextAttemptAt,
      });
      if (recorded) summary.retrying++;
      log.warn({ error: result.error, nextAttemptAt }, "outbox send failed; will retry");
    } else {
      const error = result.retryable
        ? `${result.error} (gave up after ${row.attempts} attempts)`
        : result.error;
      recorded = finish(row, { status: "failed", at: at.toISOString(), error });
      if (recorded) summary.failed++;
      log.error({ error }, "outbox send failed permanently");
    }
    if (!recorded) {
      summary.lost++;
      log.warn("outbox lease lost before the outcome was recorded");
    }
    return true;
  }

  return {
    owner,
    runDue() {
      const summary: OutboxRunSummary = { sent: 0, retrying: 0, failed: 0, skipped: 0, lost: 0 };
      if (current) return Promise.resolve(summary);
      const run = (async () => {
        await Promise.resolve(); // so `current` is set before `finally` can clear it
        try {
          for (let i = 0; i < batchSize; i++) {
            if (!(await deliverOne(summary))) break;
          }
        } catch (error) {
          logger.error({ err: error }, "outbox run failed");
        } finally {
          current = null;
        }
        return summary;
      })();
      current = run;
      return run;
    },
    async whenIdle() {
      await current;
    },
  };
}
