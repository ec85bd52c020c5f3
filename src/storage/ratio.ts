/**
 * @module storage/ratio
 * Room status, ratio history, violation records and center policies.
 */
import { and, asc, desc, eq, gte, isNull, lt } from "drizzle-orm";
import { prepared, type Store } from "./db.js";
import { centerPolicies, ratioHistory, ratioViolations, roomStatus } from "./schema.js";

export type RoomStatusRow = typeof roomStatus.$inferSelect;
export type HistoryRow = typeof ratioHistory.$inferSelect;
export type ViolationRow = typeof ratioViolations.$inferSelect;

// The statements below run for every event ingested, so they are prepared once (`prepared`).
type StoredStatus = Omit<RoomStatusRow, "evaluation"> & { evaluation: string };

export function getRoomStatus(
  db: Store,
  centerId: string,
  roomId: string,
): RoomStatusRow | undefined {
  const row = prepared(
    db,
    `SELECT center_id AS centerId, room_id AS roomId, status, since,
       open_violation_id AS openViolationId, evaluation, evaluated_at AS evaluatedAt
     FROM room_status WHERE center_id = ? AND room_id = ?`,
  ).get(centerId, roomId) as StoredStatus | undefined;
  return row && { ...row, evaluation: JSON.parse(row.evaluation) };
}

export function listRoomStatus(db: Store, centerId: string): RoomStatusRow[] {
  return db.select().from(roomStatus).where(eq(roomStatus.centerId, centerId)).all();
}

export function putRoomStatus(db: Store, row: RoomStatusRow): void {
  prepared(
    db,
    `INSERT INTO room_status (center_id, room_id, status, since, open_violation_id, evaluation,
       evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (center_id, room_id) DO UPDATE SET status = excluded.status,
       since = excluded.since, open_violation_id = excluded.open_violation_id,
       evaluation = excluded.evaluation, evaluated_at = excluded.evaluated_at`,
  ).run(
    row.centerId,
    row.roomId,
    row.status,
    row.since,
    row.openViolationId,
    JSON.stringify(row.evaluation),
    row.evaluatedAt,
  );
}

export function insertHistory(db: Store, row: typeof ratioHistory.$inferInsert): void {
  prepared(
    db,
    `INSERT INTO ratio_history (center_id, room_id, at, status, previous_status, cause, evaluation)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.centerId,
    row.roomId,
    row.at,
    row.status,
    row.previousStatus ?? null,
    row.cause,
    JSON.stringify(row.evaluation),
  );
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
  const row = prepared(db, "SELECT policy FROM center_policies WHERE center_id = ?").get(
    centerId,
  ) as { policy: string } | undefined;
  return row && JSON.parse(row.policy);
}

export function putPolicy(db: Store, centerId: string, policy: unknown, at: string): void {
  db.insert(centerPolicies)
    .values({ centerId, policy, updatedAt: at })
    .onConflictDoUpdate({ target: centerPolicies.centerId, set: { policy, updatedAt: at } })
    .run();
}

export function getViolation(db: Store, id: number): ViolationRow | undefined {
  return prepared(
    db,
    `SELECT id, center_id AS centerId, room_id AS roomId, started_at AS startedAt,
       ended_at AS endedAt, worst_status AS worstStatus, start_cause AS startCause,
       end_cause AS endCause
     FROM ratio_violations WHERE id = ?`,
  ).get(id) as ViolationRow | undefined;
}
