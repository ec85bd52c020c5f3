/**
 * @module storage/attendance
 * The append-only history of normalized attendance events.
 */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { DomainEvent } from "../domain/index.js";
import { prepared, type Store } from "./db.js";
import { attendanceEvents } from "./schema.js";

export interface EventSource {
  source: "webhook" | "reconcile" | "import";
  provider: string;
  sourceEventId: string;
}

/** Records one event; false when (provider, source event id, seq) was recorded before. */
export function recordEvent(
  db: Store,
  from: EventSource,
  seq: number,
  event: DomainEvent,
  subjectId: string | null,
  applied: boolean,
  recordedAt: string,
): boolean {
  const roomId = "roomId" in event ? event.roomId : "toRoomId" in event ? event.toRoomId : null;
  const result = prepared(
    db,
    `INSERT INTO attendance_events (center_id, source, provider, source_event_id, seq, type,
       subject_id, room_id, occurred_at, recorded_at, applied, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(
    event.centerId,
    from.source,
    from.provider,
    from.sourceEventId,
    seq,
    event.type,
    subjectId,
    roomId,
    event.occurredAt,
    recordedAt,
    applied ? 1 : 0,
    JSON.stringify(event),
  );
  return result.changes > 0;
}

export function hasEvent(db: Store, from: EventSource, seq: number): boolean {
  return (
    prepared(
      db,
      "SELECT 1 FROM attendance_events WHERE provider = ? AND source_event_id = ? AND seq = ?",
    ).get(from.provider, from.sourceEventId, seq) !== undefined
  );
}

/** Events of a center in [from, to), in event-time order. */
export function listEvents(db: Store, centerId: string, from: string, to: string) {
  return db
    .select()
    .from(attendanceEvents)
    .where(
      and(
        eq(attendanceEvents.centerId, centerId),
        gte(attendanceEvents.occurredAt, from),
        lt(attendanceEvents.occurredAt, to),
      ),
    )
    .orderBy(asc(attendanceEvents.occurredAt), asc(attendanceEvents.id))
    .all();
}
