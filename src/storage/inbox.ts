/**
 * @module storage/inbox
 * The durable webhook inbox and the table of rejected deliveries.
 */
import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import { rejectedEvents, webhookInbox } from "./schema.js";

export type InboxRow = typeof webhookInbox.$inferSelect;

/** Inserts the raw delivery unless (provider, event id) is already there; returns the new row id. */
export function insertInbox(
  db: Store,
  row: { provider: string; eventId: string; body: string; receivedAt: string },
): number | null {
  const inserted = db
    .insert(webhookInbox)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: webhookInbox.id })
    .get();
  return inserted?.id ?? null;
}

export function findInbox(db: Store, provider: string, eventId: string): InboxRow | undefined {
  return db
    .select()
    .from(webhookInbox)
    .where(and(eq(webhookInbox.provider, provider), eq(webhookInbox.eventId, eventId)))
    .get();
}

/** The next pending rows after `afterId`, oldest first. */
export function pendingInbox(db: Store, afterId: number, limit: number): InboxRow[] {
  return db
    .select()
    .from(webhookInbox)
    .where(and(eq(webhookInbox.status, "pending"), gt(webhookInbox.id, afterId)))
    .orderBy(asc(webhookInbox.id))
    .limit(limit)
    .all();
}

/** Re-reads a row inside the processing transaction, so only one worker ever claims it. */
export function claimInbox(db: Store, id: number): InboxRow | undefined {
  return db
    .select()
    .from(webhookInbox)
    .where(and(eq(webhookInbox.id, id), eq(webhookInbox.status, "pending")))
    .get();
}

export function finishInbox(
  db: Store,
  id: number,
  outcome: { status: "processed" | "failed"; at: string; error?: string },
): void {
  db.update(webhookInbox)
    .set({ status: outcome.status, processedAt: outcome.at, error: outcome.error ?? null })
    .where(eq(webhookInbox.id, id))
    .run();
}

/** Counts a failed attempt; after `maxAttempts` the row is marked failed. Returns whether it was. */
export function recordInboxFailure(
  db: Store,
  id: number,
  error: string,
  maxAttempts: number,
  at: string,
): boolean {
  const row = db
    .update(webhookInbox)
    .set({ attempts: sql`${webhookInbox.attempts} + 1`, error })
    .where(eq(webhookInbox.id, id))
    .returning({ attempts: webhookInbox.attempts })
    .get();
  if (!row || row.attempts < maxAttempts) return false;
  finishInbox(db, id, { status: "failed", at, error });
  return true;
}

export function countInbox(db: Store, status: InboxRow["status"]): number {
  return (
    db.select({ n: count() }).from(webhookInbox).where(eq(webhookInbox.status, status)).get()?.n ??
    0
  );
}

export function insertRejected(db: Store, row: typeof rejectedEvents.$inferInsert): void {
  db.insert(rejectedEvents).values(row).run();
}

export function listRejected(db: Store, limit = 100) {
  return db.select().from(rejectedEvents).orderBy(asc(rejectedEvents.id)).limit(limit).all();
}
