/**
 * @module platforms/kangarootime/mapper
 * Pure translation from Kangarootime's wire shapes to the domain. Ids are kept verbatim (domain id
 * and external id are both Kangarootime's id) so every record traces straight back to the platform.
 */
import type { z } from "zod";
import type {
  Center,
  Child,
  DomainEvent,
  Family,
  PresenceSnapshot,
  Room,
  Shift,
  Staff,
  StaffRole,
} from "../../domain/index.js";
import type { MappedWebhook, Reference } from "../types.js";
import { createWebhookMapper, optionalRef, ref } from "../webhook.js";
import {
  type centerWire,
  type childWire,
  type classWire,
  type familyWire,
  type KangarootimeWebhook,
  type roomChildrenWire,
  type roomStaffWire,
  type shiftWire,
  type staffWire,
  webhookEventTypes,
  webhookWire,
} from "./wire.js";

type ClassWire = z.infer<typeof classWire>;
type StaffWire = z.infer<typeof staffWire>;
type FamilyWire = z.infer<typeof familyWire>;

const ageGroups: Record<ClassWire["age_range"], Room["ageGroup"]> = {
  infants: "infant",
  toddlers: "toddler",
  twos: "twos",
  preschool: "preschool",
  school_age: "school_age",
  mixed: "mixed",
};

const roles: Record<StaffWire["title"], StaffRole> = {
  director: "director",
  assistant_director: "assistant_director",
  lead_teacher: "lead_teacher",
  teacher: "teacher",
  assistant: "assistant_teacher",
  floater: "floater",
  cook: "cook",
  admin: "admin",
};

export function mapCenter(wire: z.infer<typeof centerWire>): Center {
  return {
    id: wire.center_id,
    name: wire.name,
    provider: "kangarootime",
    externalId: wire.center_id,
    jurisdiction: `US-${wire.state_code.toUpperCase()}`,
    timeZone: wire.timezone,
  };
}

export function mapRoom(wire: ClassWire): Room {
  return {
    id: wire.room_id,
    centerId: wire.center_id,
    externalId: wire.room_id,
    name: wire.name,
    ageGroup: ageGroups[wire.age_range],
    capacity: wire.capacity,
    // Kangarootime has no configured ratio; the jurisdiction's rules are the only source.
    platformRatio: null,
  };
}

export function mapFamily(wire: FamilyWire): Family {
  return {
    id: wire.family_id,
    centerId: wire.center_id,
    externalId: wire.family_id,
    name: wire.display_name,
    guardians: wire.contacts.map((c) => ({ name: c.full_name, phone: c.phone, email: c.email })),
  };
}

/**
 * Kangarootime splits pick-up permission between the family's contacts (`can_pick_up`) and the
 * child's extra `approved_pickups`; the domain wants one list, so the family is passed in.
 */
export function mapChild(wire: z.infer<typeof childWire>, family: FamilyWire | undefined): Child {
  const fromFamily = (family?.contacts ?? [])
    .filter((c) => c.can_pick_up)
    .map((c) => ({ name: c.full_name, relationship: c.relationship }));
  const approved = wire.approved_pickups.map((p) => ({
    name: p.full_name,
    relationship: p.relationship,
  }));
  return {
    id: wire.child_id,
    centerId: wire.center_id,
    externalId: wire.child_id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    birthDate: wire.birthday,
    homeRoomId: wire.room_id,
    familyId: wire.family_id,
    authorizedPickups: [...fromFamily, ...approved],
    schedule: wire.schedule.map((s) => ({ day: s.day, arrive: s.start, depart: s.end })),
  };
}

export function mapStaff(wire: StaffWire): Staff {
  return {
    id: wire.staff_id,
    centerId: wire.center_id,
    externalId: wire.staff_id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    birthDate: wire.birthday,
    role: roles[wire.title],
    homeRoomId: wire.room_id,
    credentials: wire.credentials.map((c) => ({
      type: c.kind,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
    })),
  };
}

export function mapShift(wire: z.infer<typeof shiftWire>): Shift {
  return {
    id: wire.shift_id,
    centerId: wire.center_id,
    staffId: wire.staff_id,
    date: wire.date,
    start: wire.start,
    end: wire.end,
    roomId: wire.room_id,
    breaks: wire.breaks.map((b) => ({ start: b.start, end: b.end })),
  };
}

/** What the per-room endpoints said about one room. */
export interface RoomPresenceWire {
  roomId: string;
  children: z.infer<typeof roomChildrenWire>;
  staff: z.infer<typeof roomStaffWire>;
}

/** `asOf` comes from the caller: Kangarootime's bodies carry no time, only its `Date` headers do. */
export function mapPresence(
  centerId: string,
  rooms: readonly RoomPresenceWire[],
  asOf: Date,
): PresenceSnapshot {
  return {
    centerId,
    asOf: asOf.toISOString(),
    children: rooms.flatMap((room) =>
      room.children.map((c) => ({ childId: c.child_id, roomId: room.roomId })),
    ),
    staff: rooms.flatMap((room) =>
      room.staff.map((s) => ({
        staffId: s.staff_id,
        roomId: room.roomId,
        onBreak: s.status === "break",
      })),
    ),
  };
}

/**
 * Validates a parsed webhook body, then maps it; errors name the offending wire field.
 */
export const mapWebhook = createWebhookMapper({
  platform: "Kangarootime",
  schema: webhookWire,
  eventTypes: webhookEventTypes,
  map: (payload) => mapWebhookPayload(payload),
});

const childRef = (id: string) => ref("child", id, "child_id");
const staffRef = (id: string) => ref("staff", id, "staff_id");

/**
 * Maps an already-validated payload. Kangarootime payloads carry no event id (the `webhook-id`
 * header stands in). `refs` lists the records the mapped events point at; fields the events ignore
 * (a check-out's `room_id`, a transfer's `from_room_id`) are left out so a stale value there cannot
 * reject an otherwise good delivery.
 */
export function mapWebhookPayload(payload: KangarootimeWebhook): MappedWebhook {
  const centerId = payload.center_id;
  const base = { centerId, occurredAt: new Date(payload.timestamp).toISOString() };
  const mapped = (events: DomainEvent[], refs: Reference[]): MappedWebhook => ({
    eventId: null,
    centerId,
    events,
    refs: [ref("center", centerId, "center_id"), ...refs],
  });

  switch (payload.event_type) {
    case "check_in":
      return mapped(
        [{ ...base, type: "child.checked_in", childId: payload.child_id, roomId: payload.room_id }],
        [childRef(payload.child_id), ref("room", payload.room_id, "room_id")],
      );
    case "check_out":
      return mapped(
        [
          {
            ...base,
            type: "child.checked_out",
            childId: payload.child_id,
            pickedUpBy: payload.picked_up_by,
          },
        ],
        [childRef(payload.child_id)],
      );
    case "room_transfer":
      return mapped(
        [{ ...base, type: "child.moved", childId: payload.child_id, toRoomId: payload.room_id }],
        [childRef(payload.child_id), ref("room", payload.room_id, "room_id")],
      );
    case "pickup_attempt":
      return mapped(
        [
          {
            ...base,
            type: "child.pickup_attempted",
            childId: payload.child_id,
            personName: payload.person_name,
          },
        ],
        [childRef(payload.child_id)],
      );
    case "staff_clock_in":
      return mapped(
        [{ ...base, type: "staff.clocked_in", staffId: payload.staff_id, roomId: payload.room_id }],
        [staffRef(payload.staff_id), ...optionalRef("room", payload.room_id, "room_id")],
      );
    case "staff_clock_out":
      return mapped(
        [{ ...base, type: "staff.clocked_out", staffId: payload.staff_id }],
        [staffRef(payload.staff_id)],
      );
    case "staff_break_start":
      return mapped(
        [{ ...base, type: "staff.break_started", staffId: payload.staff_id }],
        [staffRef(payload.staff_id)],
      );
    case "staff_break_end":
      return mapped(
        [{ ...base, type: "staff.break_ended", staffId: payload.staff_id }],
        [staffRef(payload.staff_id)],
      );
    case "staff_room_assignment":
      return mapped(
        [{ ...base, type: "staff.assigned", staffId: payload.staff_id, roomId: payload.room_id }],
        [staffRef(payload.staff_id), ref("room", payload.room_id, "room_id")],
      );
    case "incident":
      return mapped(
        [
          {
            ...base,
            type: "incident.reported",
            roomId: payload.room_id,
            childIds: payload.child_ids,
            reportedByStaffId: payload.staff_id,
            description: payload.summary,
          },
        ],
        [
          ...optionalRef("room", payload.room_id, "room_id"),
          ...payload.child_ids.map((id, i) => ref("child", id, `child_ids.${i}`)),
          ...optionalRef("staff", payload.staff_id, "staff_id"),
        ],
      );
  }
}
