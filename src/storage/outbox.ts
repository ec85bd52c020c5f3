/**
 * @module storage/outbox
 * The durable outbox of sends. Rows are claimed one at a time with a conditional UPDATE (the row
 * must still be due and unleased), so two workers — in one process or on two instances — never
 * hold the same row; finishing a row is conditional on still holding its lease.
 */
import { and, asc, count, eq, lt, lte, or } from "drizzle-orm";
import type { Store } from "./db.js";
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

const dueCondition = (now: string) =>
  or(
    and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
    // A worker that died mid-send: its lease ran out, so the row is due again.
    and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now)),
  );

/**
 * Claims the next due row for `owner` until `leaseUntil`, counting the attempt. Returns undefined
 * when nothing is due. Safe under concurrency: the UPDATE re-checks that the row is still due.
 */
export function claimNextOutbox(
  db: Store,
  claim: { owner: string; now: string; leaseUntil: string },
): OutboxRow | undefined {
  for (let round = 0; round < 5; round++) {
    const candidates = db
      .select({ id: outbox.id, attempts: outbox.attempts })
      .from(outbox)
      .where(dueCondition(claim.now))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(5)
      .all();
    if (candidates.length === 0) return undefined;
    for (const candidate of candidates) {
      const claimed = db
        .update(outbox)
        .set({
          status: "sending",
          leaseOwner: claim.owner,
          leaseUntil: claim.leaseUntil,
          attempts: candidate.attempts + 1,
          updatedAt: claim.now,
        })
        .where(
          and(
            eq(outbox.id, candidate.id),
            eq(outbox.attempts, candidate.attempts),
            dueCondition(claim.now),
          ),
        )
        .returning()
        .get();
      if (claimed) return claimed;
    }
  }
  return undefined;
}

/**
 * Records the outcome of a send, if `owner` still holds the row's lease. Returns false when the
 * lease was lost (another worker re-claimed the row after it expired).
 */
export type FinishOutcome =
  | { status: "sent"; at: string; response: string }
  | { status: "failed" | "skipped"; at: string; error: string }
  | { status: "pending"; at: string; error: string; nextAttemptAt: string };

export function finishOutbox(
  db: Store,
  id: number,
  owner: string,
  outcome: FinishOutcome,
): boolean {
  const common = { leaseOwner: null, leaseUntil: null, updatedAt: outcome.at };
  const set =
    outcome.status === "sent"
      ? { ...common, status: "sent" as const, sentAt: outcome.at, response: outcome.response }
      : outcome.status === "pending"
        ? {
            ...common,
            status: "pending" as const,
            lastError: outcome.error,
            nextAttemptAt: outcome.nextAttemptAt,
          }
        : { ...common, status: outcome.status, lastError: outcome.error };
  const done = db
    .update(outbox)
    .set(set)
    .where(and(eq(outbox.id, id), eq(outbox.status, "sending"), eq(outbox.leaseOwner, owner)))
    .returning({ id: outbox.id })
    .get();
  return done !== undefined;
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
