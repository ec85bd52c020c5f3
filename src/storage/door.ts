/**
 * @module storage/door
 * Pick-up holds, custody restrictions, check-in exceptions and door policies (see `door/`).
 */
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import {
  attendanceEvents,
  checkinExceptions,
  custodyRestrictions,
  doorPolicies,
  outbox,
  pickupHolds,
} from "./schema.js";

export type PickupHoldRow = typeof pickupHolds.$inferSelect;
export type NewPickupHold = typeof pickupHolds.$inferInsert;
export type CustodyRestrictionRow = typeof custodyRestrictions.$inferSelect;
export type CheckinExceptionRow = typeof checkinExceptions.$inferSelect;
export type NewCheckinException = typeof checkinExceptions.$inferInsert;

/** Inserts a hold once per held event; returns undefined when that event already has one. */
export function insertPickupHold(db: Store, row: NewPickupHold): PickupHoldRow | undefined {
  return db.insert(pickupHolds).values(row).onConflictDoNothing().returning().get();
}

export function getPickupHold(db: Store, id: number): PickupHoldRow | undefined {
  return db.select().from(pickupHolds).where(eq(pickupHolds.id, id)).get();
}

export function openHoldsForChild(db: Store, centerId: string, childId: string): PickupHoldRow[] {
  return db
    .select()
    .from(pickupHolds)
    .where(
      and(
        eq(pickupHolds.centerId, centerId),
        eq(pickupHolds.childId, childId),
        eq(pickupHolds.state, "open"),
      ),
    )
    .orderBy(asc(pickupHolds.occurredAt))
    .all();
}

/** A center's open holds, oldest first: what the hold banner shows until each is released. */
export function listOpenPickupHolds(db: Store, centerId: string): PickupHoldRow[] {
  return db
    .select()
    .from(pickupHolds)
    .where(and(eq(pickupHolds.centerId, centerId), eq(pickupHolds.state, "open")))
    .orderBy(asc(pickupHolds.occurredAt), asc(pickupHolds.id))
    .all();
}

/** A hold's sends: the outbox rows `door/hold-alert.ts` keyed `pickup-hold:<id>:…`. */
export function listHoldSends(db: Store, holdId: number): (typeof outbox.$inferSelect)[] {
  return (
    db
      .select()
      .from(outbox)
      // A key range rather than LIKE, so the unique index on the key answers it (";" follows ":").
      .where(
        and(
          gte(outbox.idempotencyKey, `pickup-hold:${holdId}:`),
          lt(outbox.idempotencyKey, `pickup-hold:${holdId};`),
        ),
      )
      .orderBy(asc(outbox.id))
      .all()
  );
}

/** A center's holds: every open one, plus those whose event falls in [from, to) when given. */
export function listPickupHolds(
  db: Store,
  centerId: string,
  range?: { from: string; to: string },
): PickupHoldRow[] {
  const rows = db
    .select()
    .from(pickupHolds)
    .where(eq(pickupHolds.centerId, centerId))
    .orderBy(asc(pickupHolds.occurredAt), asc(pickupHolds.id))
    .all();
  return range
    ? rows.filter(
        (h) => h.state === "open" || (h.occurredAt >= range.from && h.occurredAt < range.to),
      )
    : rows;
}

/** Compare-and-set on `open`: a second release (double click, race) changes nothing. */
export function releasePickupHold(
  db: Store,
  id: number,
  patch: Pick<
    PickupHoldRow,
    "outcome" | "releasedBy" | "releasedByName" | "releasedAt" | "releaseReason"
  >,
): PickupHoldRow | undefined {
  return db
    .update(pickupHolds)
    .set({ ...patch, state: "released" })
    .where(and(eq(pickupHolds.id, id), eq(pickupHolds.state, "open")))
    .returning()
    .get();
}

/**
 * Whether the child has a recorded check-in in [from, before): the door's "a second arrival today?"
 * One probe of the partial index `attendance_child_checkins` (the literal `type` term is what lets
 * SQLite use it), so a check-in costs the same at 08:00 as at 17:00.
 */
export function hasCheckInBetween(
  db: Store,
  centerId: string,
  childId: string,
  from: string,
  before: string,
): boolean {
  const row = db
    .select({ id: attendanceEvents.id })
    .from(attendanceEvents)
    .where(
      and(
        eq(attendanceEvents.centerId, centerId),
        eq(attendanceEvents.subjectId, childId),
        sql`${attendanceEvents.type} = 'child.checked_in'`,
        gte(attendanceEvents.occurredAt, from),
        lt(attendanceEvents.occurredAt, before),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

export function listCustodyRestrictions(
  db: Store,
  centerId: string,
  childId: string,
): CustodyRestrictionRow[] {
  return db
    .select()
    .from(custodyRestrictions)
    .where(
      and(eq(custodyRestrictions.centerId, centerId), eq(custodyRestrictions.childId, childId)),
    )
    .all();
}

export function insertCustodyRestriction(
  db: Store,
  row: typeof custodyRestrictions.$inferInsert,
): CustodyRestrictionRow {
  return db.insert(custodyRestrictions).values(row).returning().get();
}

/** Inserts each exception once per (event, kind); returns the rows actually inserted. */
export function insertCheckinExceptions(
  db: Store,
  rows: readonly NewCheckinException[],
): CheckinExceptionRow[] {
  return rows.flatMap((row) => {
    const inserted = db
      .insert(checkinExceptions)
      .values(row)
      .onConflictDoNothing()
      .returning()
      .get();
    return inserted ? [inserted] : [];
  });
}

export function listCheckinExceptions(
  db: Store,
  centerId: string,
  fromDate: string,
  toDate: string,
): CheckinExceptionRow[] {
  return db
    .select()
    .from(checkinExceptions)
    .where(
      and(
        eq(checkinExceptions.centerId, centerId),
        gte(checkinExceptions.localDate, fromDate),
        lt(checkinExceptions.localDate, toDate),
      ),
    )
    .orderBy(asc(checkinExceptions.occurredAt), asc(checkinExceptions.id))
    .all();
}

export function getCheckinException(db: Store, id: number): CheckinExceptionRow | undefined {
  return db.select().from(checkinExceptions).where(eq(checkinExceptions.id, id)).get();
}

export function resolveCheckinException(
  db: Store,
  id: number,
  patch: Pick<CheckinExceptionRow, "resolvedBy" | "resolvedByName" | "resolvedAt" | "resolution">,
): CheckinExceptionRow | undefined {
  return db
    .update(checkinExceptions)
    .set({ ...patch, state: "resolved" })
    .where(and(eq(checkinExceptions.id, id), eq(checkinExceptions.state, "open")))
    .returning()
    .get();
}

export function getDoorPolicy(db: Store, centerId: string): unknown | undefined {
  return db.select().from(doorPolicies).where(eq(doorPolicies.centerId, centerId)).get()?.policy;
}

export function putDoorPolicy(db: Store, centerId: string, policy: unknown, at: string): void {
  db.insert(doorPolicies)
    .values({ centerId, policy, updatedAt: at })
    .onConflictDoUpdate({ target: doorPolicies.centerId, set: { policy, updatedAt: at } })
    .run();
}
