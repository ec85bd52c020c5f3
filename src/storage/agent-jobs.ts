/**
 * @module storage/agent-jobs
 * The drafting job queue. A job is enqueued once per dedupe key (a trigger seen twice adds
 * nothing), claimed with a lease (a runner that died mid-job loses it when the lease runs out)
 * and finished or failed only by the lease holder.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Store } from "./db.js";
import { claimLeased, type LeaseClaim, type LeaseQueue, releaseLeased } from "./lease.js";
import { agentJobs } from "./schema.js";

export type AgentJobRow = typeof agentJobs.$inferSelect;

export interface NewAgentJob {
  job: string;
  centerId: string;
  dedupeKey: string;
  input: Record<string, unknown>;
  triggerEventId: string | null;
  runAfter: string;
}

/** Inserts unless the dedupe key exists; returns whether a row was added. */
export function enqueueAgentJob(db: Store, job: NewAgentJob, now: string): boolean {
  const inserted = db
    .insert(agentJobs)
    .values({ ...job, state: "pending", attempts: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: agentJobs.dedupeKey })
    .returning({ id: agentJobs.id })
    .get();
  return inserted !== undefined;
}

/** SQLite's default limit on bound parameters is 32766; stay far below it per statement. */
const KEYS_PER_READ = 500;

/** Which of `keys` are already queued (any state): the ones a scan need not enqueue again. */
export function existingDedupeKeys(db: Store, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += KEYS_PER_READ) {
    const rows = db
      .select({ key: agentJobs.dedupeKey })
      .from(agentJobs)
      .where(inArray(agentJobs.dedupeKey, unique.slice(i, i + KEYS_PER_READ)))
      .all();
    for (const row of rows) found.add(row.key);
  }
  return found;
}

const queue: LeaseQueue<typeof agentJobs> = {
  table: agentJobs,
  state: "state",
  waiting: "pending",
  held: "running",
  dueAt: "runAfter",
  batch: 1,
};

/** Claims the oldest due job for `owner` until `leaseUntil`; undefined when none is due. */
export function claimAgentJob(db: Store, claim: LeaseClaim): AgentJobRow | undefined {
  return claimLeased(db, queue, claim);
}

/** Ends a claimed job: `done`, `failed` for good, or `pending` again at `retryAt`. */
export function finishAgentJob(
  db: Store,
  id: number,
  owner: string,
  outcome:
    | { state: "done"; at: string }
    | { state: "failed"; at: string; error: string }
    | { state: "pending"; at: string; error: string; retryAt: string },
): boolean {
  return releaseLeased(db, queue, id, owner, {
    state: outcome.state,
    updatedAt: outcome.at,
    ...(outcome.state === "done" ? {} : { lastError: outcome.error }),
    ...(outcome.state === "pending" ? { runAfter: outcome.retryAt } : {}),
  });
}

export function listAgentJobs(
  db: Store,
  filter: { centerId?: string; job?: string } = {},
): AgentJobRow[] {
  const where = [
    ...(filter.centerId ? [eq(agentJobs.centerId, filter.centerId)] : []),
    ...(filter.job ? [eq(agentJobs.job, filter.job)] : []),
  ];
  return db
    .select()
    .from(agentJobs)
    .where(and(...where))
    .orderBy(asc(agentJobs.id))
    .all();
}

/** The job a run belongs to, found by what triggered it (tools check their facts against it). */
export function findAgentJob(
  db: Store,
  key: { job: string; centerId: string; triggerEventId: string },
): AgentJobRow | undefined {
  return db
    .select()
    .from(agentJobs)
    .where(
      and(
        eq(agentJobs.job, key.job),
        eq(agentJobs.centerId, key.centerId),
        eq(agentJobs.triggerEventId, key.triggerEventId),
      ),
    )
    .get();
}
