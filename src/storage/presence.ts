/**
 * @module storage/presence
 * Rows of the live presence projection (see `live/project.ts` for the rules).
 */
import type { Presence } from "../live/project.js";
import { prepared, type Store } from "./db.js";

const COLUMNS = `center_id AS centerId, subject_kind AS subjectKind, subject_id AS subjectId,
  present, present_at AS presentAt, room_id AS roomId, room_at AS roomAt, on_break AS onBreak,
  break_at AS breakAt`;

type PresenceRow = Omit<Presence, "present" | "onBreak"> & { present: number; onBreak: number };

const fromRow = (row: PresenceRow): Presence => ({
  ...row,
  present: row.present === 1,
  onBreak: row.onBreak === 1,
});

export function getPresence(
  db: Store,
  centerId: string,
  kind: "child" | "staff",
  subjectId: string,
): Presence | undefined {
  const row = prepared(
    db,
    `SELECT ${COLUMNS} FROM presence WHERE center_id = ? AND subject_kind = ? AND subject_id = ?`,
  ).get(centerId, kind, subjectId) as PresenceRow | undefined;
  return row && fromRow(row);
}

export function putPresence(db: Store, row: Presence, now: string): void {
  prepared(
    db,
    `INSERT INTO presence (center_id, subject_kind, subject_id, present, present_at, room_id,
       room_at, on_break, break_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (center_id, subject_kind, subject_id) DO UPDATE SET
       present = excluded.present, present_at = excluded.present_at, room_id = excluded.room_id,
       room_at = excluded.room_at, on_break = excluded.on_break, break_at = excluded.break_at,
       updated_at = excluded.updated_at`,
  ).run(
    row.centerId,
    row.subjectKind,
    row.subjectId,
    row.present ? 1 : 0,
    row.presentAt,
    row.roomId,
    row.roomAt,
    row.onBreak ? 1 : 0,
    row.breakAt,
    now,
  );
}

export function listPresence(db: Store, centerId: string): Presence[] {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM presence WHERE center_id = ?`).all(
    centerId,
  ) as PresenceRow[];
  return rows.map(fromRow);
}
