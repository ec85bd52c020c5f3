/**
 * @module platforms/procare/mapper
 * Pure translation from Procare's wire shapes to the domain. Ids are kept verbatim (domain id and
 * external id are both Procare's id) so every record traces straight back to the platform.
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
  Weekday,
} from "../../domain/index.js";
import type { MappedWebhook, Reference } from "../types.js";
import { createWebhookMapper, optionalRef, ref } from "../webhook.js";
import {
  type centerWire,
  type childWire,
  type classroomWire,
  type currentAttendanceWire,
  type employeeWire,
  type familyWire,
  type ProcareWebhook,
  type roomRosterWire,
  type staffScheduleWire,
  webhookEventTypes,
  webhookWire,
} from "./wire.js";

type EmployeeWire = z.infer<typeof employeeWire>;

const roles: Record<EmployeeWire["position"], StaffRole> = {
  Director: "director",
  "Assistant Director": "assistant_director",
  "Lead Teacher": "lead_teacher",
  Teacher: "teacher",
  "Assistant Teacher": "assistant_teacher",
  Floater: "floater",
  Cook: "cook",
  Office: "admin",
};

/** ISO weekday numbers, Monday first, as Procare sends them. */
const weekdays: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Minutes from midnight as `HH:MM`. Procare allows 1440 for "end of day", which `HH:MM` cannot
 * say; 23:59 keeps the shift or schedule on the same day.
 */
export function minutesToTime(minutes: number): string {
  const clamped = Math.min(minutes, 1439);
  const hh = String(Math.floor(clamped / 60)).padStart(2, "0");
  const mm = String(clamped % 60).padStart(2, "0");
  return `${hh}:${mm}`;
}

/** "Pediatric First Aid" -> "pediatric_first_aid", matching the domain's credential types. */
export function credentialType(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export function mapCenter(wire: z.infer<typeof centerWire>): Center {
  return {
    id: wire.id,
    name: wire.name,
    provider: "procare",
    externalId: wire.id,
    jurisdiction: `US-${wire.state.toUpperCase()}`,
    timeZone: wire.time_zone,
  };
}

export function mapRoom(wire: z.infer<typeof classroomWire>): Room {
  return {
    id: wire.id,
    centerId: wire.center_id,
    externalId: wire.id,
    name: wire.name,
    ageGroup: wire.age_group,
    capacity: wire.max_children,
    platformRatio: wire.ratio,
  };
}

export function mapFamily(wire: z.infer<typeof familyWire>): Family {
  return {
    id: wire.id,
    centerId: wire.center_id,
    externalId: wire.id,
    name: wire.name,
    guardians: wire.guardians.map((g) => ({ name: g.name, phone: g.phone, email: g.email })),
  };
}

export function mapChild(wire: z.infer<typeof childWire>): Child {
  return {
    id: wire.id,
    centerId: wire.center_id,
    externalId: wire.id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    birthDate: wire.date_of_birth,
    homeRoomId: wire.primary_classroom_id,
    familyId: wire.family_id,
    authorizedPickups: wire.authorized_pickups
      .filter((p) => p.allowed_to_pick_up)
      .map((p) => ({ name: p.name, relationship: p.relationship })),
    schedule: wire.schedule.map((s) => ({
      day: weekdays[s.weekday - 1]!,
      arrive: minutesToTime(s.in_minute),
      depart: minutesToTime(s.out_minute),
    })),
  };
}

export function mapStaff(wire: EmployeeWire): Staff {
  return {
    id: wire.id,
    centerId: wire.center_id,
    externalId: wire.id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    birthDate: wire.date_of_birth,
    role: roles[wire.position],
    homeRoomId: wire.classroom_id,
    credentials: wire.certifications.map((c) => ({
      type: credentialType(c.name),
      issuedOn: c.issued_date,
      expiresOn: c.expiration_date,
    })),
  };
}

export function mapShift(wire: z.infer<typeof staffScheduleWire>): Shift {
  return {
    id: wire.id,
    centerId: wire.center_id,
    staffId: wire.employee_id,
    date: wire.date,
    start: minutesToTime(wire.in_minute),
    end: minutesToTime(wire.out_minute),
    roomId: wire.classroom_id,
    breaks: wire.breaks.map((b) => ({
      start: minutesToTime(b.start_minute),
      end: minutesToTime(b.end_minute),
    })),
  };
}

/**
 * Children come from the center-wide attendance list, staff from each room's roster. The snapshot
 * is only as fresh as its oldest part, so `asOf` is the earliest `as_of` among the responses.
 */
export function mapPresence(
  centerId: string,
  current: z.infer<typeof currentAttendanceWire>,
  rosters: readonly z.infer<typeof roomRosterWire>[],
): PresenceSnapshot {
  const asOf = Math.min(
    Date.parse(current.as_of),
    ...rosters.map((roster) => Date.parse(roster.as_of)),
  );
  return {
    centerId,
    asOf: new Date(asOf).toISOString(),
    children: current.data.map((c) => ({ childId: c.child_id, roomId: c.room_id })),
    staff: rosters.flatMap((roster) =>
      roster.staff.map((s) => ({
        staffId: s.id,
        roomId: roster.room_id,
        onBreak: s.status === "on_break",
      })),
    ),
  };
}

/**
 * Validates a parsed webhook body, then maps it; errors name the offending wire field.
 */
export const mapWebhook = createWebhookMapper({
  platform: "Procare",
  schema: webhookWire,
  eventTypes: webhookEventTypes,
  map: (payload) => mapWebhookPayload(payload),
});

const childRef = (id: string) => ref("child", id, "child.id");
const staffRef = (id: string) => ref("staff", id, "staff.id");

/**
 * Maps an already-validated payload. `refs` lists the records the mapped events point at; fields
 * the events ignore (a checked-out child's `room_id`, a move's `from_room_id`) are left out so a
 * stale value there cannot reject an otherwise good delivery.
 */
export function mapWebhookPayload(payload: ProcareWebhook): MappedWebhook {
  const centerId = payload.center_id;
  const base = { centerId, occurredAt: new Date(payload.timestamp).toISOString() };
  const center = ref("center", centerId, "center_id");
  const mapped = (events: DomainEvent[], refs: Reference[]): MappedWebhook => ({
    eventId: payload.event_id,
    centerId,
    events,
    refs: [center, ...refs],
  });

  switch (payload.event_type) {
    case "attendance.check_in":
      return mapped(
        [
          {
            ...base,
            type: "child.checked_in",
            childId: payload.child.id,
            roomId: payload.child.room_id,
          },
        ],
        [childRef(payload.child.id), ref("room", payload.child.room_id, "child.room_id")],
      );
    case "attendance.check_out":
      return mapped(
        [
          {
            ...base,
            type: "child.checked_out",
            childId: payload.child.id,
            pickedUpBy: payload.checked_out_by.name,
          },
        ],
        [childRef(payload.child.id)],
      );
    case "attendance.room_change":
      return mapped(
        [{ ...base, type: "child.moved", childId: payload.child.id, toRoomId: payload.to_room_id }],
        [childRef(payload.child.id), ref("room", payload.to_room_id, "to_room_id")],
      );
    case "attendance.pickup_attempt":
      return mapped(
        [
          {
            ...base,
            type: "child.pickup_attempted",
            childId: payload.child.id,
            personName: payload.person.name,
          },
        ],
        [childRef(payload.child.id)],
      );
    case "staff.clock_in":
      return mapped(
        [{ ...base, type: "staff.clocked_in", staffId: payload.staff.id, roomId: payload.room_id }],
        [staffRef(payload.staff.id), ...optionalRef("room", payload.room_id, "room_id")],
      );
    case "staff.clock_out":
      return mapped(
        [{ ...base, type: "staff.clocked_out", staffId: payload.staff.id }],
        [staffRef(payload.staff.id)],
      );
    case "staff.break_start":
      return mapped(
        [{ ...base, type: "staff.break_started", staffId: payload.staff.id }],
        [staffRef(payload.staff.id)],
      );
    case "staff.break_end":
      return mapped(
        [{ ...base, type: "staff.break_ended", staffId: payload.staff.id }],
        [staffRef(payload.staff.id)],
      );
    case "staff.room_assignment":
      return mapped(
        [{ ...base, type: "staff.assigned", staffId: payload.staff.id, roomId: payload.room_id }],
        [staffRef(payload.staff.id), ref("room", payload.room_id, "room_id")],
      );
    case "incident.reported": {
      const { incident } = payload;
      return mapped(
        [
          {
            ...base,
            type: "incident.reported",
            roomId: incident.room_id,
            childIds: incident.child_ids,
            reportedByStaffId: incident.reported_by_staff_id,
            description: incident.description,
          },
        ],
        [
          ...optionalRef("room", incident.room_id, "incident.room_id"),
          ...incident.child_ids.map((id, i) => ref("child", id, `incident.child_ids.${i}`)),
          ...optionalRef("staff", incident.reported_by_staff_id, "incident.reported_by_staff_id"),
        ],
      );
    }
  }
}
