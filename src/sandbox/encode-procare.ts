/**
 * @module sandbox/encode-procare
 * The world and the day's events in Procare's wire shapes (`platforms/procare/wire.ts`): what the
 * fake Procare API serves and what its webhooks carry. Names in payloads come from the world, as a
 * real Procare sends them. Key order is fixed by construction, so encoded bodies are byte-stable.
 */
import type { z } from "zod";
import type {
  centerWire,
  childWire,
  classroomWire,
  employeeWire,
  familyWire,
  ProcareWebhook,
  staffScheduleWire,
  timecardWire,
} from "../platforms/procare/wire.js";
import type { SandboxEvent } from "./events.js";
import type { SimShift } from "./schedule.js";
import type { StaffDay } from "./timecards.js";
import {
  authorizedPickups,
  type CredentialType,
  type SandboxWorld,
  type SimCenter,
  type SimChild,
  type SimFamily,
  type SimRoom,
  type SimStaff,
  timeToMinutes,
  worldIndex,
} from "./world.js";

const positions: Record<SimStaff["role"], z.infer<typeof employeeWire>["position"]> = {
  director: "Director",
  assistant_director: "Assistant Director",
  lead_teacher: "Lead Teacher",
  teacher: "Teacher",
  assistant_teacher: "Assistant Teacher",
  floater: "Floater",
  cook: "Cook",
  admin: "Office",
};

/** Procare names certifications for people, not machines. */
const certificationNames: Record<CredentialType, string> = {
  cpr: "CPR",
  pediatric_first_aid: "Pediatric First Aid",
  background_check: "Background Check",
  health_screening: "Health Screening",
  teacher_qualification: "Teacher Qualification",
  director_qualification: "Director Qualification",
};

const isoWeekday = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

export const procareCenter = (c: SimCenter): z.infer<typeof centerWire> => ({
  id: c.id,
  name: c.name,
  state: c.state,
  time_zone: c.timeZone,
});

export const procareClassroom = (r: SimRoom): z.infer<typeof classroomWire> => ({
  id: r.id,
  center_id: r.centerId,
  name: r.name,
  age_group: r.ageGroup,
  ratio: r.ratio,
  max_children: r.capacity,
});

export const procareFamily = (f: SimFamily): z.infer<typeof familyWire> => ({
  id: f.id,
  center_id: f.centerId,
  name: f.name,
  guardians: f.guardians.map((g) => ({ name: g.name, phone: g.phone, email: g.email })),
});

export const procareChild = (world: SandboxWorld, c: SimChild): z.infer<typeof childWire> => ({
  id: c.id,
  center_id: c.centerId,
  first_name: c.firstName,
  last_name: c.lastName,
  date_of_birth: c.birthDate,
  primary_classroom_id: c.homeRoomId,
  family_id: c.familyId,
  authorized_pickups: authorizedPickups(world, c).map((p) => ({
    name: p.name,
    relationship: p.relationship,
    allowed_to_pick_up: true,
  })),
  schedule: c.schedule.map((d) => ({
    weekday: isoWeekday[d.day],
    in_minute: timeToMinutes(d.arrive),
    out_minute: timeToMinutes(d.depart),
  })),
});

export const procareEmployee = (s: SimStaff): z.infer<typeof employeeWire> => ({
  id: s.id,
  center_id: s.centerId,
  first_name: s.firstName,
  last_name: s.lastName,
  date_of_birth: s.birthDate,
  position: positions[s.role],
  classroom_id: s.homeRoomId,
  certifications: s.credentials.map((c) => ({
    name: certificationNames[c.type],
    issued_date: c.issuedOn,
    expiration_date: c.expiresOn,
  })),
});

export const procareSchedule = (s: SimShift): z.infer<typeof staffScheduleWire> => ({
  id: s.id,
  employee_id: s.staffId,
  center_id: s.centerId,
  date: s.date,
  in_minute: timeToMinutes(s.start),
  out_minute: timeToMinutes(s.end),
  classroom_id: s.roomId,
  breaks: s.breaks.map((b) => ({
    start_minute: timeToMinutes(b.start),
    end_minute: timeToMinutes(b.end),
  })),
});

export const procareTimecard = (d: StaffDay): z.infer<typeof timecardWire> => ({
  id: `tc_${d.date.replaceAll("-", "")}_${d.staffId}`,
  employee_id: d.staffId,
  center_id: d.centerId,
  date: d.date,
  clock_in: d.clockIn,
  clock_out: d.clockOut,
  breaks: d.breaks.map((b) => ({ start: b.start, end: b.end })),
});

/** The webhook body for one event; `eventId` is the deterministic `evt_…` id. */
export function procareWebhook(
  world: SandboxWorld,
  event: SandboxEvent,
  eventId: string,
): ProcareWebhook {
  const index = worldIndex(world);
  const envelope = { event_id: eventId, timestamp: event.at, center_id: event.centerId };
  const child = (id: string) => {
    const c = index.children.get(id);
    if (!c) throw new RangeError(`unknown sandbox child ${id}`);
    return { id: c.id, first_name: c.firstName, last_name: c.lastName };
  };
  const staff = (id: string) => {
    const s = index.staff.get(id);
    if (!s) throw new RangeError(`unknown sandbox staff ${id}`);
    return { id: s.id, first_name: s.firstName, last_name: s.lastName };
  };
  switch (event.kind) {
    case "child.checked_in":
      return {
        event_type: "attendance.check_in",
        ...envelope,
        child: { ...child(event.childId), room_id: event.roomId },
        checked_in_by: { staff_id: event.staffId, method: event.method },
      };
    case "child.checked_out":
      return {
        event_type: "attendance.check_out",
        ...envelope,
        child: { ...child(event.childId), room_id: event.roomId },
        checked_out_by: {
          name: event.pickedUpBy,
          relationship: event.relationship,
          method: event.method,
        },
      };
    case "child.moved":
      return {
        event_type: "attendance.room_change",
        ...envelope,
        child: child(event.childId),
        from_room_id: event.fromRoomId,
        to_room_id: event.toRoomId,
      };
    case "child.pickup_attempted":
      return {
        event_type: "attendance.pickup_attempt",
        ...envelope,
        child: { ...child(event.childId), room_id: event.roomId },
        person: { name: event.personName },
      };
    case "staff.clocked_in":
      return {
        event_type: "staff.clock_in",
        ...envelope,
        staff: staff(event.staffId),
        room_id: event.roomId,
      };
    case "staff.clocked_out":
      return { event_type: "staff.clock_out", ...envelope, staff: staff(event.staffId) };
    case "staff.break_started":
      return { event_type: "staff.break_start", ...envelope, staff: staff(event.staffId) };
    case "staff.break_ended":
      return { event_type: "staff.break_end", ...envelope, staff: staff(event.staffId) };
    case "staff.assigned":
      return {
        event_type: "staff.room_assignment",
        ...envelope,
        staff: staff(event.staffId),
        room_id: event.roomId,
      };
    case "incident.reported":
      return {
        event_type: "incident.reported",
        ...envelope,
        incident: {
          id: event.incidentId,
          room_id: event.roomId,
          child_ids: event.childIds,
          reported_by_staff_id: event.staffId,
          description: event.description,
        },
      };
  }
}
