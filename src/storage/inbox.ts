/**
 * @module storage/inbox
 * The durable webhook inbox and the table of rejected deliveries.
 */
import { asc, count, eq, sql } from "drizzle-orm";
import { prepared, type Store } from "./db.js";
import { rejectedEvents, webhookInbox } from "./schema.js";

export type InboxRow = typeof webhookInbox.$inferSelect;

const INBOX_COLUMNS = `id, provider, event_id AS eventId, received_at AS receivedAt, body, status, attempts,
  processed_at AS processedAt, error`;

/** Inserts the raw delivery unless (provider, event id) is already there; returns the new row id. */
export function insertInbox(
  db: Store,
  row: { provider: string; eventId: string; body: string; receivedAt: string },
): number | null {
  const inserted = prepared(
    db,
    `INSERT INTO webhook_inbox (provider, event_id, body, received_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING id`,
  ).get(row.provider, row.eventId, row.body, row.receivedAt) as { id: number } | undefined;
  return inserted?.id ?? null;
}

export function findInbox(db: Store, provider: string, eventId: string): InboxRow | undefined {
  return prepared(
    db,
    `SELECT ${INBOX_COLUMNS} FROM webhook_inbox WHERE provider = ? AND event_id = ?`,
  ).get(provider, eventId) as InboxRow | undefined;
}

/** The next pending rows after `afterId`, oldest first. */
export function pendingInbox(db: Store, afterId: number, limit: number): InboxRow[] {
  return prepared(
    db,
    `SELECT ${INBOX_COLUMNS} FROM webhook_inbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`,
  ).all(afterId, limit) as InboxRow[];
}

/** Re-reads a row inside the processing transaction, so only one worker ever claims it. */
export function claimInbox(db: Store, id: number): InboxRow | undefined {
  return prepared(
    db,
    `SELECT ${INBOX_COLUMNS} FROM webhook_inbox WHERE id = ? AND status = 'pending'`,
  ).get(id) as InboxRow | undefined;
}

export function finishInbox(
  db: Store,
  id: number,
  outcome: { status: "processed" | "failed"; at: string; error?: string },
): void {
  prepared(db, "UPDATE webhook_inbox SET status = ?, processed_at = ?, error = ? WHERE id = ?").run(
    outcome.status,
    outcome.at,
    outcome.error ?? null,
    id,
  );
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

const REFERENCE_LOOKUP = {
  center: "SELECT 1 FROM centers WHERE id = ?",
  room: "SELECT 1 FROM rooms WHERE center_id = ? AND id = ?",
  child: "SELECT 1 FROM children WHERE center_id = ? AND id = ?",
  staff: "SELECT 1 FROM staff WHERE center_id = ? AND id = ?",
} as const;

/** Whether a webhook's reference names a known center, or a room, child or staff member of it. */
export function referenceExists(
  db: Store,
  kind: keyof typeof REFERENCE_LOOKUP,
  centerId: string,
  id: string,
): boolean {
  const statement = prepared(db, REFERENCE_LOOKUP[kind]);
  const found = kind === "center" ? statement.get(id) : statement.get(centerId, id);
  return found !== undefined;
}
