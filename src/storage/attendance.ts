/**
 * @module storage/attendance
 * The append-only history of normalized attendance events.
 */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { DomainEvent } from "../domain/index.js";
import type { Store } from "./db.js";
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
  const result = db
    .insert(attendanceEvents)
    .values({
      centerId: event.centerId,
      source: from.source,
      provider: from.provider,
      sourceEventId: from.sourceEventId,
      seq,
      type: event.type,
      subjectId,
      roomId,
      occurredAt: event.occurredAt,
      recordedAt,
      applied,
      payload: event,
    })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

export function hasEvent(db: Store, from: EventSource, seq: number): boolean {
  return (
    db
      .select({ id: attendanceEvents.id })
      .from(attendanceEvents)
      .where(
        and(
          eq(attendanceEvents.provider, from.provider),
          eq(attendanceEvents.sourceEventId, from.sourceEventId),
          eq(attendanceEvents.seq, seq),
        ),
      )
      .get() !== undefined
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
