/**
 * @module storage/approvals
 * Rows of the approvals table. The state machine lives in `approvals/`; this is only SQL.
 */
import { and, asc, desc, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { Store } from "./db.js";
import { approvals } from "./schema.js";

export type ApprovalRow = typeof approvals.$inferSelect;
export type NewApprovalRow = typeof approvals.$inferInsert;

/** Inserts unless a row with the same dedupe key exists; returns the row either way. */
export function insertApprovalOnce(
  db: Store,
  row: NewApprovalRow,
): { row: ApprovalRow; created: boolean } {
  const inserted = db
    .insert(approvals)
    .values(row)
    .onConflictDoNothing({ target: approvals.dedupeKey })
    .returning()
    .get();
  if (inserted) return { row: inserted, created: true };
  const existing = db.select().from(approvals).where(eq(approvals.dedupeKey, row.dedupeKey)).get();
  if (!existing) throw new Error(`approval ${row.dedupeKey} vanished after a conflict`);
  return { row: existing, created: false };
}

export function getApproval(db: Store, id: number): ApprovalRow | undefined {
  return db.select().from(approvals).where(eq(approvals.id, id)).get();
}

export function findApprovalByDedupeKey(db: Store, dedupeKey: string): ApprovalRow | undefined {
  return db.select().from(approvals).where(eq(approvals.dedupeKey, dedupeKey)).get();
}

export interface ApprovalFilter {
  centerIds?: readonly string[];
  states?: readonly ApprovalRow["state"][];
  kinds?: readonly ApprovalRow["kind"][];
  roomId?: string;
  limit?: number;
}

export function listApprovals(db: Store, filter: ApprovalFilter = {}): ApprovalRow[] {
  const where: SQL[] = [];
  if (filter.centerIds) where.push(inArray(approvals.centerId, [...filter.centerIds]));
  if (filter.states) where.push(inArray(approvals.state, [...filter.states]));
  if (filter.kinds) where.push(inArray(approvals.kind, [...filter.kinds]));
  if (filter.roomId) where.push(eq(approvals.roomId, filter.roomId));
  return db
    .select()
    .from(approvals)
    .where(and(...where))
    .orderBy(desc(approvals.id))
    .limit(filter.limit ?? 500)
    .all();
}

/**
 * Updates a row only if it is still in `fromState`: the compare-and-set every transition uses,
 * so two decisions racing on one approval cannot both win.
 */
export function transitionApproval(
  db: Store,
  id: number,
  fromState: ApprovalRow["state"],
  patch: Partial<Omit<NewApprovalRow, "id">>,
): ApprovalRow | undefined {
  return db
    .update(approvals)
    .set(patch)
    .where(and(eq(approvals.id, id), eq(approvals.state, fromState)))
    .returning()
    .get();
}

/** Pending approvals whose `expires_at` is at or before `now`. */
export function listExpiredPending(db: Store, now: string): ApprovalRow[] {
  return db
    .select()
    .from(approvals)
    .where(and(eq(approvals.state, "pending"), lte(approvals.expiresAt, now)))
    .orderBy(asc(approvals.id))
    .all();
}
