/**
 * @module storage/outbox
 * The durable outbox of sends, claimed one row at a time under a lease (`lease.ts`), so two
 * workers — in one process or on two instances — never hold the same row.
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { Store } from "./db.js";
import { claimLeased, type LeaseClaim, type LeaseQueue, releaseLeased } from "./lease.js";
import { outbox } from "./schema.js";

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow["status"];
export type OutboxChannel = OutboxRow["channel"];

export interface NewOutboxRow {
  alertId: number | null;
  /** The approval whose platform call this row makes (`platform` rows only). */
  approvalId?: number | null;
  centerId: string;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  /** `pending` to send; `shadow` (recorded, never sent) or `skipped` (with `lastError`). */
  status: "pending" | "shadow" | "skipped";
  lastError?: string | null;
}

/**
 * Inserts rows whose idempotency key is new; a key already there is left alone, so enqueueing the
 * same send twice sends it once. Returns the ids of the rows actually inserted.
 */
export function enqueueOutbox(db: Store, rows: readonly NewOutboxRow[], now: string): number[] {
  const ids: number[] = [];
  for (const row of rows) {
    const inserted = db
      .insert(outbox)
      .values({
        ...row,
        lastError: row.lastError ?? null,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id })
      .get();
    if (inserted) ids.push(inserted.id);
  }
  return ids;
}

const queue: LeaseQueue<typeof outbox> = {
  table: outbox,
  state: "status",
  waiting: "pending",
  held: "sending",
  dueAt: "nextAttemptAt",
  batch: 5,
};

/**
 * Claims the next due row for `owner` until `leaseUntil`, counting the attempt. Returns undefined
 * when nothing is due. Safe under concurrency (see `lease.ts`).
 */
export function claimNextOutbox(db: Store, claim: LeaseClaim): OutboxRow | undefined {
  return claimLeased(db, queue, claim);
}

export type FinishOutcome =
  | { status: "sent"; at: string; response: string }
  | { status: "failed" | "skipped"; at: string; error: string }
  | { status: "pending"; at: string; error: string; nextAttemptAt: string };

/**
 * Records the outcome of a send, if `owner` still holds the row's lease. Returns false when the
 * lease was lost (another worker re-claimed the row after it expired).
 */
export function finishOutbox(
  db: Store,
  id: number,
  owner: string,
  outcome: FinishOutcome,
): boolean {
  return releaseLeased(
    db,
    queue,
    id,
    owner,
    outcome.status === "sent"
      ? { status: "sent", updatedAt: outcome.at, sentAt: outcome.at, response: outcome.response }
      : outcome.status === "pending"
        ? {
            status: "pending",
            updatedAt: outcome.at,
            lastError: outcome.error,
            nextAttemptAt: outcome.nextAttemptAt,
          }
        : { status: outcome.status, updatedAt: outcome.at, lastError: outcome.error },
  );
}

export function getOutbox(db: Store, id: number): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

export function listOutbox(
  db: Store,
  filter: { alertId?: number; centerId?: string; status?: OutboxStatus } = {},
): OutboxRow[] {
  const conditions = [];
  if (filter.alertId !== undefined) conditions.push(eq(outbox.alertId, filter.alertId));
  if (filter.centerId !== undefined) conditions.push(eq(outbox.centerId, filter.centerId));
  if (filter.status !== undefined) conditions.push(eq(outbox.status, filter.status));
  return db
    .select()
    .from(outbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(outbox.id))
    .all();
}

export function countOutbox(db: Store, status: OutboxStatus): number {
  return db.select({ n: count() }).from(outbox).where(eq(outbox.status, status)).get()?.n ?? 0;
}
