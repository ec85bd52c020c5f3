/**
 * @module door/gate
 * What happens at the door as events are applied, inside the event's transaction: a check-out or
 * pick-up attempt by someone the child's authorized list (and custody restrictions) does not
 * allow becomes a pick-up hold — the check-out is not projected, so the child stays present and
 * counted in ratio, and the director is paged at once; a check-in is checked for exceptions, each
 * stored open until someone resolves it.
 */
import { appendAudit } from "../audit/append.js";
import type { DomainEvent } from "../domain/index.js";
import { instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";
import { checkInExceptions, verifyPickup } from "../rules/attendance/index.js";
import type { EventSource } from "../storage/attendance.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren, listRooms } from "../storage/directory.js";
import {
  hasCheckInBetween,
  insertCheckinExceptions,
  insertPickupHold,
  listCustodyRestrictions,
  openHoldsForChild,
} from "../storage/door.js";
import { getPresence } from "../storage/presence.js";
import { enqueueHoldAlert } from "./hold-alert.js";
import { doorPolicyFor } from "./policy.js";

export interface GateResult {
  /** False: record the event but leave live state as it is (a held check-out). */
  project: boolean;
  /** Outbox rows enqueued (a hold's pages), so the caller can kick the sender. */
  outbox: number[];
}

const eventKey = (from: EventSource, seq: number) =>
  `${from.provider}:${from.sourceEventId}:${seq}`;

function holdPickup(
  tx: Store,
  from: EventSource,
  seq: number,
  event: Extract<DomainEvent, { type: "child.checked_out" | "child.pickup_attempted" }>,
  now: string,
): GateResult {
  const child = listChildren(tx, event.centerId, [event.childId])[0];
  // Ingest refuses events about unknown children; a directory gap is not a reason to hold.
  if (!child) return { project: true, outbox: [] };
  const person = event.type === "child.checked_out" ? event.pickedUpBy : event.personName;
  const restrictions = listCustodyRestrictions(tx, event.centerId, child.id);
  const decision =
    person === null || person.trim() === ""
      ? {
          decision: "unidentified" as const,
          nearMatches: [],
          reason: "the platform reported a check-out without naming who collected the child",
        }
      : verifyPickup({
          childId: child.id,
          personName: person,
          method: "unknown",
          authorizedPickups: child.authorizedPickups,
          restrictions,
        });
  if (decision.decision === "authorized") return { project: true, outbox: [] };

  const presence = getPresence(tx, event.centerId, "child", child.id);
  const roomId = presence?.roomId ?? child.homeRoomId;
  const hold = insertPickupHold(tx, {
    centerId: event.centerId,
    childId: child.id,
    roomId,
    eventId: eventKey(from, seq),
    eventType: event.type,
    event,
    occurredAt: event.occurredAt,
    personName: person,
    method: "unknown",
    decision: decision.decision,
    reason: decision.reason,
    nearMatches: decision.nearMatches,
    state: "open",
    createdAt: now,
  });
  if (!hold) return { project: false, outbox: [] };
  const center = getCenter(tx, event.centerId);
  const room = roomId ? listRooms(tx, event.centerId).find((r) => r.id === roomId) : undefined;
  const outbox = enqueueHoldAlert(
    tx,
    hold,
    {
      centerName: center?.name ?? event.centerId,
      roomName: room?.name ?? null,
      localTime: instantToZoned(new Date(event.occurredAt), center?.timeZone ?? "UTC").time,
    },
    now,
  );
  appendAudit(
    tx,
    {
      actor: "system:door",
      action: "pickup_hold.opened",
      centerId: event.centerId,
      subject: `pickup_hold:${hold.id}`,
      sourceIds: [hold.eventId],
      correlationId: hold.eventId,
      data: {
        childId: child.id,
        decision: hold.decision,
        reason: hold.reason,
        nearMatches: hold.nearMatches,
        outbox,
      },
    },
    now,
  );
  return { project: false, outbox };
}

function checkIn(
  tx: Store,
  from: EventSource,
  seq: number,
  event: Extract<DomainEvent, { type: "child.checked_in" }>,
  now: string,
): void {
  const center = getCenter(tx, event.centerId);
  const child = listChildren(tx, event.centerId, [event.childId])[0];
  const room = listRooms(tx, event.centerId).find((r) => r.id === event.roomId);
  if (!center || !child || !room) return;
  const at = new Date(event.occurredAt);
  const local = instantToZoned(at, center.timeZone);
  const dayStart = zonedDateTimeToInstant(local.date, "00:00", center.timeZone);
  const policy = doorPolicyFor(tx, center.id);
  const found = checkInExceptions(
    {
      at,
      timeZone: center.timeZone,
      child,
      room,
      // Neither platform reports health screenings yet; a center that requires them sees every
      // arrival flagged until one does, which is the safe side.
      healthScreenedToday: false,
    },
    policy.checkIn,
  );
  // A second check-in the same day (back from school, a room change) is not an arrival: only
  // where the child was put still matters.
  const earlier = hasCheckInBetween(
    tx,
    center.id,
    child.id,
    dayStart.toISOString(),
    event.occurredAt,
  );
  const kept = earlier ? found.filter((x) => x.kind === "room_mismatch") : found;
  insertCheckinExceptions(
    tx,
    kept.map(({ kind, reason, ...details }) => ({
      centerId: center.id,
      childId: child.id,
      roomId: room.id,
      eventId: eventKey(from, seq),
      occurredAt: event.occurredAt,
      localDate: local.date,
      kind,
      reason,
      details,
      state: "open" as const,
      createdAt: now,
    })),
  );
}

/** Called by `live/apply.ts` for every new event, before it is projected. */
export function doorGate(
  tx: Store,
  from: EventSource,
  seq: number,
  event: DomainEvent,
  now: string,
): GateResult {
  switch (event.type) {
    case "child.checked_out":
      // A reconciliation repair only says the platform has the child out; while a hold is open
      // that is exactly the check-out being held.
      if (from.source === "reconcile") {
        return {
          project: openHoldsForChild(tx, event.centerId, event.childId).length === 0,
          outbox: [],
        };
      }
      return holdPickup(tx, from, seq, event, now);
    case "child.pickup_attempted":
      return { project: true, outbox: holdPickup(tx, from, seq, event, now).outbox };
    case "child.checked_in":
      checkIn(tx, from, seq, event, now);
      return { project: true, outbox: [] };
    default:
      return { project: true, outbox: [] };
  }
}
