/**
 * @module live/apply
 * Records normalized events and projects them onto live presence, inside the caller's transaction.
 */

import type { DomainEvent } from "../domain/index.js";
import { doorGate } from "../door/gate.js";
import { type EventSource, hasEvent, recordEvent } from "../storage/attendance.js";
import type { Store } from "../storage/db.js";
import { getPresence, putPresence } from "../storage/presence.js";
import { currentRoom, emptyPresence, type Presence, project, subjectOf } from "./project.js";

/**
 * Rooms whose occupancy may have changed, per center, each with the latest event that touched it
 * (`provider:event id`), for re-evaluation, the ratio history's cause, and the board.
 */
export type TouchedRooms = Map<string, Map<string, string>>;

export function touch(
  touched: TouchedRooms,
  centerId: string,
  roomId: string | null,
  cause: string,
): void {
  if (roomId === null) return;
  let rooms = touched.get(centerId);
  if (!rooms) {
    rooms = new Map();
    touched.set(centerId, rooms);
  }
  rooms.set(roomId, cause);
}

/**
 * Applies `events` from one source event. Re-applying the same source event is a no-op, so a
 * crash between steps and a retry never double-count. `afterEach` is called right after each
 * event that changed someone's presence, with the new presence and the rooms it touched (room id
 * → cause, possibly none), so the caller can evaluate them before the next event changes them.
 */
export function applyEvents(
  tx: Store,
  from: EventSource,
  events: readonly DomainEvent[],
  recordedAt: string,
  touched: TouchedRooms = new Map(),
  afterEach?: (event: DomainEvent, presence: Presence, rooms: ReadonlyMap<string, string>) => void,
): { applied: number; touched: TouchedRooms; outbox: number[] } {
  let applied = 0;
  const outbox: number[] = [];
  events.forEach((event, seq) => {
    if (hasEvent(tx, from, seq)) return;
    const subject = subjectOf(event);
    let took = false;
    let moved: { presence: Presence; rooms: Map<string, string> } | undefined;
    // At the door: an unauthorized check-out is held (recorded, not projected) and paged.
    const gate = doorGate(tx, from, seq, event, recordedAt);
    if (gate.outbox.length > 0) outbox.push(...gate.outbox);
    if (subject && gate.project) {
      const before =
        getPresence(tx, event.centerId, subject.kind, subject.id) ??
        emptyPresence(event.centerId, subject.kind, subject.id);
      const { next, applied: changed } = project(before, event);
      if (changed) {
        putPresence(tx, next, recordedAt);
        const cause = `${from.provider}:${from.sourceEventId}`;
        const rooms = new Map<string, string>();
        for (const room of [currentRoom(before), currentRoom(next)]) {
          if (room === null) continue;
          rooms.set(room, cause);
          touch(touched, event.centerId, room, cause);
        }
        took = true;
        applied++;
        moved = { presence: next, rooms };
      }
    }
    const subjectId = subject?.id ?? ("childId" in event ? event.childId : null);
    recordEvent(tx, from, seq, event, subjectId, took, recordedAt);
    if (moved) afterEach?.(event, moved.presence, moved.rooms);
  });
  return { applied, touched, outbox };
}
