/**
 * @module live/project
 * Pure projection of attendance events onto one person's presence. Each field (present, room,
 * on break) is a last-writer-wins register stamped with the event time that set it: an event only
 * changes a field it is newer than, so late, reordered or repeated deliveries converge on the same
 * state as in-order ones.
 */
import type { DomainEvent } from "../domain/index.js";

export interface Presence {
  centerId: string;
  subjectKind: "child" | "staff";
  subjectId: string;
  present: boolean;
  presentAt: string | null;
  roomId: string | null;
  roomAt: string | null;
  onBreak: boolean;
  breakAt: string | null;
}

type FieldUpdate = { present?: boolean; roomId?: string | null; onBreak?: boolean };

/** The person an event is about, or null for events that do not move anyone. */
export function subjectOf(event: DomainEvent): { kind: "child" | "staff"; id: string } | null {
  switch (event.type) {
    case "child.checked_in":
    case "child.checked_out":
    case "child.moved":
      return { kind: "child", id: event.childId };
    case "staff.clocked_in":
    case "staff.clocked_out":
    case "staff.break_started":
    case "staff.break_ended":
    case "staff.assigned":
      return { kind: "staff", id: event.staffId };
    case "child.pickup_attempted":
    case "incident.reported":
      return null;
  }
}

function updatesOf(event: DomainEvent): FieldUpdate {
  switch (event.type) {
    case "child.checked_in":
      return { present: true, roomId: event.roomId };
    case "child.checked_out":
      return { present: false, roomId: null };
    case "child.moved":
      return { present: true, roomId: event.toRoomId };
    case "staff.clocked_in":
      return event.roomId === null
        ? { present: true, onBreak: false }
        : { present: true, roomId: event.roomId, onBreak: false };
    case "staff.clocked_out":
      return { present: false, roomId: null, onBreak: false };
    case "staff.break_started":
      return { onBreak: true };
    case "staff.break_ended":
      return { onBreak: false };
    case "staff.assigned":
      return { roomId: event.roomId };
    default:
      return {};
  }
}

export function emptyPresence(centerId: string, kind: "child" | "staff", id: string): Presence {
  return {
    centerId,
    subjectKind: kind,
    subjectId: id,
    present: false,
    presentAt: null,
    roomId: null,
    roomAt: null,
    onBreak: false,
    breakAt: null,
  };
}

const newer = (at: string, stamp: string | null) => stamp === null || at >= stamp;

/**
 * Applies `event` (whose `occurredAt` must be a normalized UTC ISO string) to `current`.
 * Returns the new presence and whether any register took the event.
 */
export function project(
  current: Presence,
  event: DomainEvent,
): { next: Presence; applied: boolean } {
  const at = event.occurredAt;
  const u = updatesOf(event);
  const next = { ...current };
  let applied = false;
  if (u.present !== undefined && newer(at, current.presentAt)) {
    next.present = u.present;
    next.presentAt = at;
    applied = true;
  }
  if (u.roomId !== undefined && newer(at, current.roomAt)) {
    next.roomId = u.roomId;
    next.roomAt = at;
    applied = true;
  }
  if (u.onBreak !== undefined && newer(at, current.breakAt)) {
    next.onBreak = u.onBreak;
    next.breakAt = at;
    applied = true;
  }
  return { next, applied };
}

/** Where a person counts now: present and in a room, or nowhere. */
export function currentRoom(p: Presence): string | null {
  return p.present ? p.roomId : null;
}
