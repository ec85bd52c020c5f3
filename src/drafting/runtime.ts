/**
 * @module drafting/runtime
 * Drafting as the running service uses it: scans that enqueue jobs (after events, on status
 * changes, on the schedule tick) and a worker that claims due jobs with a lease and runs them.
 * The agent runner is optional; without one every job drafts from its template.
 */
import { randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import type { AgentRunner } from "../agent/index.js";
import type { StatusChange } from "../compliance/index.js";
import type { Logger } from "../logging/index.js";
import { claimAgentJob, finishAgentJob } from "../storage/agent-jobs.js";
import type { Db } from "../storage/db.js";
import { getCenter, listCenters } from "../storage/directory.js";
import type { DraftingPolicy } from "./policy.js";
import { runJob } from "./runner.js";
import { type EnqueuedJob, scanEvents, scanRatioImpact, scanSchedule } from "./triggers.js";

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;

export interface DraftingOptions {
  db: Db;
  logger: Logger;
  /** Business time: what "late", "after the cut-off" and "due" are measured in. */
  clock: () => Date;
  /** Wall time: leases and stored timestamps. */
  wallClock: () => Date;
  /** Listens for `rooms` (events arrived) and `status` (a room's ratio changed). */
  events: EventEmitter;
  policyFor: (centerId: string) => DraftingPolicy;
  /** When present, jobs try the model first; the template drafts whenever it does not complete. */
  agent?: AgentRunner | undefined;
  /** Something was put in the outbox (a director notice): send it now. */
  onOutbox?: () => void;
}

export interface Drafting {
  /** Every scan for every center, then every due job; resolves when the queue is drained. */
  tick(): Promise<void>;
  /** Runs due jobs until none is left; concurrent calls share one pass. */
  runDue(): Promise<number>;
  whenIdle(): Promise<void>;
  stop(): void;
}

export function startDrafting(options: DraftingOptions): Drafting {
  const { db, events, policyFor } = options;
  const logger = options.logger.child({ component: "drafting" });
  const owner = `drafting-${randomUUID()}`;
  let stopped = false;
  let running: Promise<number> | null = null;

  const after = (created: EnqueuedJob[]) => {
    if (created.length === 0) return;
    logger.info({ jobs: created.map((c) => c.dedupeKey) }, "drafting jobs enqueued");
    if (created.some((c) => c.job === "incident-triage")) options.onOutbox?.();
    void runDue();
  };

  const drain = async (): Promise<number> => {
    let done = 0;
    while (!stopped) {
      const now = options.wallClock();
      const row = claimAgentJob(db, {
        owner,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      });
      if (!row) break;
      try {
        const result = await runJob({ ...options, logger, agent: options.agent }, row);
        finishAgentJob(db, row.id, owner, { state: "done", at: options.wallClock().toISOString() });
        logger.info(
          { job: row.job, jobId: row.id, source: result.source, approvals: result.approvalIds },
          "drafted",
        );
        // The approvals queue pages follow this topic and show the new items without a reload.
        if (result.approvalIds.length > 0) {
          events.emit("approvals", { centerId: row.centerId, approvalIds: result.approvalIds });
        }
        done += 1;
      } catch (error) {
        const at = options.wallClock();
        const message = error instanceof Error ? error.message : String(error);
        logger.error({ err: error, job: row.job, jobId: row.id }, "drafting job failed");
        finishAgentJob(
          db,
          row.id,
          owner,
          row.attempts >= MAX_ATTEMPTS
            ? { state: "failed", at: at.toISOString(), error: message }
            : {
                state: "pending",
                at: at.toISOString(),
                error: message,
                retryAt: new Date(at.getTime() + 30_000 * row.attempts).toISOString(),
              },
        );
      }
    }
    return done;
  };

  const runDue = (): Promise<number> => {
    if (!running) running = drain().finally(() => (running = null));
    return running;
  };

  const scanCenter = (centerId: string) => {
    const center = getCenter(db, centerId);
    if (center)
      after(scanEvents(db, center, policyFor(center.id), options.clock(), options.wallClock()));
  };

  // Events arrive in bursts; one scan per center per turn of the event loop is enough.
  const pending = new Set<string>();
  const onRooms = ({ centerId }: { centerId: string }) => {
    if (stopped || pending.has(centerId)) return;
    pending.add(centerId);
    setImmediate(() => {
      pending.delete(centerId);
      if (!stopped) scanCenter(centerId);
    });
  };
  const onStatus = (change: StatusChange) => {
    if (stopped) return;
    const center = getCenter(db, change.centerId);
    if (center)
      after(scanRatioImpact(db, center, policyFor(center.id), change, options.wallClock()));
  };
  events.on("rooms", onRooms);
  events.on("status", onStatus);

  let ticking: Promise<void> | null = null;
  const scheduleTick = async () => {
    const at = options.clock();
    for (const center of listCenters(db)) {
      // One center at a time between other work: 50 centers' scans in one go held the loop seconds.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped) return;
      after(scanSchedule(db, center, policyFor(center.id), at, options.wallClock()));
    }
    await runDue();
  };

  return {
    tick() {
      // A tick spread over turns can outlast the interval: the next one joins it, never runs beside it.
      ticking ??= scheduleTick().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    runDue,
    async whenIdle() {
      await running;
    },
    stop() {
      stopped = true;
      events.off("rooms", onRooms);
      events.off("status", onStatus);
    },
  };
}
