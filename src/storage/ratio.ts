/**
 * @module storage/ratio
 * Room status, ratio history, violation records and center policies.
 */
import { and, asc, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Store } from "./db.js";
import { centerPolicies, ratioHistory, ratioViolations, roomStatus } from "./schema.js";

export type RoomStatusRow = typeof roomStatus.$inferSelect;
export type HistoryRow = typeof ratioHistory.$inferSelect;
export type ViolationRow = typeof ratioViolations.$inferSelect;

export function getRoomStatus(
  db: Store,
  centerId: string,
  roomId: string,
): RoomStatusRow | undefined {
  return db
    .select()
    .from(roomStatus)
    .where(and(eq(roomStatus.centerId, centerId), eq(roomStatus.roomId, roomId)))
    .get();
}

export function listRoomStatus(db: Store, centerId: string): RoomStatusRow[] {
  return db.select().from(roomStatus).where(eq(roomStatus.centerId, centerId)).all();
}

export function putRoomStatus(db: Store, row: RoomStatusRow): void {
  db.insert(roomStatus)
    .values(row)
    .onConflictDoUpdate({ target: [roomStatus.centerId, roomStatus.roomId], set: row })
    .run();
}

export function insertHistory(db: Store, row: typeof ratioHistory.$inferInsert): void {
  db.insert(ratioHistory).values(row).run();
}

/** A room's status changes in [from, to), oldest first. */
export function listHistory(
  db: Store,
  centerId: string,
  roomId: string,
  from: string,
  to: string,
): HistoryRow[] {
  return db
    .select()
    .from(ratioHistory)
    .where(
      and(
        eq(ratioHistory.centerId, centerId),
        eq(ratioHistory.roomId, roomId),
        gte(ratioHistory.at, from),
        lt(ratioHistory.at, to),
      ),
    )
    .orderBy(asc(ratioHistory.at), asc(ratioHistory.id))
    .all();
}

/** The room's last status change before `at`: its status when a window starts. */
export function lastHistoryBefore(
  db: Store,
  centerId: string,
  roomId: string,
  at: string,
): HistoryRow | undefined {
  return db
    .select()
    .from(ratioHistory)
    .where(
      and(
        eq(ratioHistory.centerId, centerId),
        eq(ratioHistory.roomId, roomId),
        lt(ratioHistory.at, at),
      ),
    )
    .orderBy(desc(ratioHistory.at), desc(ratioHistory.id))
    .limit(1)
    .get();
}

export function openViolation(db: Store, row: typeof ratioViolations.$inferInsert): number {
  return db.insert(ratioViolations).values(row).returning({ id: ratioViolations.id }).get().id;
}

export function updateViolation(
  db: Store,
  id: number,
  set: Partial<typeof ratioViolations.$inferInsert>,
): void {
  db.update(ratioViolations).set(set).where(eq(ratioViolations.id, id)).run();
}

export function listViolations(
  db: Store,
  centerId: string,
  opts: { openOnly?: boolean } = {},
): ViolationRow[] {
  const where = opts.openOnly
    ? and(eq(ratioViolations.centerId, centerId), isNull(ratioViolations.endedAt))
    : eq(ratioViolations.centerId, centerId);
  return db.select().from(ratioViolations).where(where).orderBy(asc(ratioViolations.id)).all();
}

export function getPolicy(db: Store, centerId: string): unknown | undefined {
  return db.select().from(centerPolicies).where(eq(centerPolicies.centerId, centerId)).get()
    ?.policy;
}

export function putPolicy(db: Store, centerId: string, policy: unknown, at: string): void {
  db.insert(centerPolicies)
    .values({ centerId, policy, updatedAt: at })
    .onConflictDoUpdate({ target: centerPolicies.centerId, set: { policy, updatedAt: at } })
    .run();
}

export function getViolation(db: Store, id: number): ViolationRow | undefined {
  return db.select().from(ratioViolations).where(eq(ratioViolations.id, id)).get();
}
