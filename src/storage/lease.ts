/**
 * @module storage/lease
 * Claiming queue rows under a lease, for every table worked by polling workers (the outbox, the
 * drafting job queue). A row is due when it waits and its time has come, or when the worker that
 * held it died and its lease ran out. A claim is a conditional UPDATE that re-checks the row is
 * still due with the attempt count it was read with, so two workers — in one process or on two
 * instances — never hold the same row; releasing a row is conditional on still holding its lease.
 */
import { and, asc, eq, isNotNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { Store } from "./db.js";

/** A table with the columns every leased queue has under these names. */
type LeasedTable = SQLiteTable & {
  id: SQLiteColumn;
  attempts: SQLiteColumn;
  leaseOwner: SQLiteColumn;
  leaseUntil: SQLiteColumn;
  updatedAt: SQLiteColumn;
};

type ColumnKey<T extends SQLiteTable> = Extract<keyof T["_"]["columns"], string>;

export interface LeaseQueue<T extends LeasedTable> {
  table: T;
  /** The column saying where a row is, with its values for waiting and for held under a lease. */
  state: ColumnKey<T>;
  waiting: string;
  held: string;
  /** When a waiting row becomes due; due rows are claimed earliest first. */
  dueAt: ColumnKey<T>;
  /** Rows read per round: more lets one claim step past rows other workers just took. */
  batch: number;
}

export interface LeaseClaim {
  owner: string;
  now: string;
  leaseUntil: string;
}

const ROUNDS = 5;

function column<T extends LeasedTable>(queue: LeaseQueue<T>, key: ColumnKey<T>): SQLiteColumn {
  return (queue.table as unknown as Record<string, SQLiteColumn>)[key] as SQLiteColumn;
}

function dueCondition<T extends LeasedTable>(queue: LeaseQueue<T>, now: string) {
  const state = column(queue, queue.state);
  return or(
    and(eq(state, queue.waiting), lte(column(queue, queue.dueAt), now)),
    and(eq(state, queue.held), lt(queue.table.leaseUntil, now)),
  );
}

/**
 * Claims the next due row for `claim.owner` until `claim.leaseUntil`, counting the attempt.
 * Undefined when nothing is due (or every due row was taken by others for several rounds).
 */
export function claimLeased<T extends LeasedTable>(
  db: Store,
  queue: LeaseQueue<T>,
  claim: LeaseClaim,
): T["$inferSelect"] | undefined {
  return claimLeasedWhere(db, queue, claim)?.row;
}

/**
 * `claimLeased` among the due rows that also match `where`; `reclaimed` says the row was taken
 * over from a worker whose lease ran out (it may have been mid-way through the work).
 */
export function claimLeasedWhere<T extends LeasedTable>(
  db: Store,
  queue: LeaseQueue<T>,
  claim: LeaseClaim,
  where?: SQL,
): { row: T["$inferSelect"]; reclaimed: boolean } | undefined {
  const { table } = queue;
  const state = column(queue, queue.state);
  for (let round = 0; round < ROUNDS; round++) {
    const candidates = db
      .select({ id: table.id, attempts: table.attempts, state })
      .from(table)
      .where(and(dueCondition(queue, claim.now), where))
      .orderBy(asc(column(queue, queue.dueAt)), asc(table.id))
      .limit(queue.batch)
      .all() as { id: number; attempts: number; state: string }[];
    if (candidates.length === 0) return undefined;
    for (const candidate of candidates) {
      const claimed = db
        .update(table)
        .set({
          [queue.state]: queue.held,
          leaseOwner: claim.owner,
          leaseUntil: claim.leaseUntil,
          attempts: candidate.attempts + 1,
          updatedAt: claim.now,
        } as SQLiteUpdateSetSource<T>)
        .where(
          and(
            eq(table.id, candidate.id),
            eq(table.attempts, candidate.attempts),
            dueCondition(queue, claim.now),
          ),
        )
        .returning()
        .get();
      if (claimed) {
        return { row: claimed as T["$inferSelect"], reclaimed: candidate.state === queue.held };
      }
    }
  }
  return undefined;
}

/**
 * Puts back every held row whose owner `isOrphaned` says is gone (a process that no longer
 * exists), writing `set` as well, without waiting for the lease to run out. Conditional on the
 * row still being held by that owner. Returns the ids released.
 */
export function releaseOrphaned<T extends LeasedTable>(
  db: Store,
  queue: LeaseQueue<T>,
  isOrphaned: (owner: string) => boolean,
  set: SQLiteUpdateSetSource<T>,
): number[] {
  const { table } = queue;
  const state = column(queue, queue.state);
  const held = db
    .select({ id: table.id, owner: table.leaseOwner })
    .from(table)
    .where(and(eq(state, queue.held), isNotNull(table.leaseOwner)))
    .all() as { id: number; owner: string }[];
  const released: number[] = [];
  for (const { id, owner } of held) {
    if (!isOrphaned(owner)) continue;
    const row = db
      .update(table)
      .set({ ...set, [queue.state]: queue.waiting, leaseOwner: null, leaseUntil: null })
      .where(and(eq(table.id, id), eq(state, queue.held), eq(table.leaseOwner, owner)))
      .returning({ id: table.id })
      .get();
    if (row) released.push(id);
  }
  return released;
}

/**
 * Ends `owner`'s lease on row `id`, writing `set` (its next state and whatever else changes).
 * False when the lease was lost: another worker re-claimed the row after it ran out.
 */
export function releaseLeased<T extends LeasedTable>(
  db: Store,
  queue: LeaseQueue<T>,
  id: number,
  owner: string,
  set: SQLiteUpdateSetSource<T>,
): boolean {
  const { table } = queue;
  const released = db
    .update(table)
    .set({ ...set, leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(table.id, id),
        eq(column(queue, queue.state), queue.held),
        eq(table.leaseOwner, owner),
      ),
    )
    .returning({ id: table.id })
    .get();
  return released !== undefined;
}
