/**
 * @module sandbox/encode-kangarootime
 * The world and the day's events in Kangarootime's wire shapes (`platforms/kangarootime/wire.ts`):
 * flat webhook payloads without names or an event id, family contacts that carry pick-up rights,
 * and a child's extra approved pick-ups listed separately. Key order is fixed by construction.
 */
import type { z } from "zod";
import { addDays, weekdayOf } from "../domain/time.js";
import type {
  centerWire,
  childWire,
  classWire,
  familyWire,
  KangarootimeWebhook,
  shiftWire,
  staffWire,
  timecardWire,
} from "../platforms/kangarootime/wire.js";
import type { SandboxEvent } from "./events.js";
import type { SimShift } from "./schedule.js";
import type { StaffDay } from "./timecards.js";
import {
  type AgeGroup,
  authorizedPickups,
  type SandboxWorld,
  type SimCenter,
  type SimChild,
  type SimFamily,
  type SimRoom,
  type SimStaff,
  worldIndex,
} from "./world.js";

const ageRanges: Record<AgeGroup, z.infer<typeof classWire>["age_range"]> = {
  infant: "infants",
  toddler: "toddlers",
  twos: "twos",
  preschool: "preschool",
  school_age: "school_age",
};

const titles: Record<SimStaff["role"], z.infer<typeof staffWire>["title"]> = {
  director: "director",
  assistant_director: "assistant_director",
  lead_teacher: "lead_teacher",
  teacher: "teacher",
  assistant_teacher: "assistant",
  floater: "floater",
  cook: "cook",
  admin: "admin",
};

export const kangarootimeCenter = (c: SimCenter): z.infer<typeof centerWire> => ({
  center_id: c.id,
  name: c.name,
  state_code: c.state,
  timezone: c.timeZone,
});

export const kangarootimeRoom = (r: SimRoom): z.infer<typeof classWire> => ({
  room_id: r.id,
  center_id: r.centerId,
  name: r.name,
  age_range: ageRanges[r.ageGroup],
  capacity: r.capacity,
});

export const kangarootimeFamily = (f: SimFamily): z.infer<typeof familyWire> => ({
  family_id: f.id,
  center_id: f.centerId,
  display_name: `The ${f.name}`,
  contacts: f.guardians.map((g) => ({
    full_name: g.name,
    phone: g.phone,
    email: g.email,
    relationship: g.relationship,
    can_pick_up: true,
  })),
});

export function kangarootimeChild(world: SandboxWorld, c: SimChild): z.infer<typeof childWire> {
  // Guardians are already family contacts; only the others are listed on the child.
  const guardians = new Set(
    worldIndex(world)
      .families.get(c.familyId)
      ?.guardians.map((g) => g.name),
  );
  return {
    child_id: c.id,
    center_id: c.centerId,
    first_name: c.firstName,
    last_name: c.lastName,
    birthday: c.birthDate,
    room_id: c.homeRoomId,
    family_id: c.familyId,
    approved_pickups: authorizedPickups(world, c)
      .filter((p) => !guardians.has(p.name))
      .map((p) => ({ full_name: p.name, relationship: p.relationship })),
    schedule: c.schedule.map((d) => ({ day: d.day, start: d.arrive, end: d.depart })),
  };
}

export const kangarootimeStaff = (s: SimStaff): z.infer<typeof staffWire> => ({
  staff_id: s.id,
  center_id: s.centerId,
  first_name: s.firstName,
  last_name: s.lastName,
  birthday: s.birthDate,
  title: titles[s.role],
  room_id: s.homeRoomId,
  credentials: s.credentials.map((c) => ({
    kind: c.type,
    issued_on: c.issuedOn,
    expires_on: c.expiresOn,
  })),
});

export const kangarootimeShift = (s: SimShift): z.infer<typeof shiftWire> => ({
  shift_id: s.id,
  staff_id: s.staffId,
  center_id: s.centerId,
  date: s.date,
  start: s.start,
  end: s.end,
  room_id: s.roomId,
  breaks: s.breaks.map((b) => ({ start: b.start, end: b.end })),
});

/** Monday of the date's week: Kangarootime files timecards by pay week. */
export function payWeek(date: string): string {
  const offset = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(weekdayOf(date));
  return addDays(date, -offset);
}

/** `today` is the sim's current local date; earlier pay weeks are locked, as after payroll. */
export const kangarootimeTimecard = (d: StaffDay, today: string): z.infer<typeof timecardWire> => ({
  timecard_id: `TC_${d.date.replaceAll("-", "")}_${d.staffId}`,
  staff_id: d.staffId,
  center_id: d.centerId,
  pay_week: payWeek(d.date),
  clock_in: d.clockIn,
  clock_out: d.clockOut,
  pay_code: "REG",
  locked: payWeek(d.date) < payWeek(today),
});

export function kangarootimeWebhook(event: SandboxEvent): KangarootimeWebhook {
  const envelope = { timestamp: event.at, center_id: event.centerId };
  switch (event.kind) {
    case "child.checked_in":
      return {
        event_type: "check_in",
        ...envelope,
        child_id: event.childId,
        room_id: event.roomId,
      };
    case "child.checked_out":
      return {
        event_type: "check_out",
        ...envelope,
        child_id: event.childId,
        room_id: event.roomId,
        picked_up_by: event.pickedUpBy,
      };
    case "child.moved":
      return {
        event_type: "room_transfer",
        ...envelope,
        child_id: event.childId,
        from_room_id: event.fromRoomId,
        room_id: event.toRoomId,
      };
    case "child.pickup_attempted":
      return {
        event_type: "pickup_attempt",
        ...envelope,
        child_id: event.childId,
        person_name: event.personName,
      };
    case "staff.clocked_in":
      return {
        event_type: "staff_clock_in",
        ...envelope,
        staff_id: event.staffId,
        room_id: event.roomId,
      };
    case "staff.clocked_out":
      return { event_type: "staff_clock_out", ...envelope, staff_id: event.staffId };
    case "staff.break_started":
      return { event_type: "staff_break_start", ...envelope, staff_id: event.staffId };
    case "staff.break_ended":
      return { event_type: "staff_break_end", ...envelope, staff_id: event.staffId };
    case "staff.assigned":
      return {
        event_type: "staff_room_assignment",
        ...envelope,
        staff_id: event.staffId,
        room_id: event.roomId,
      };
    case "incident.reported":
      return {
        event_type: "incident",
        ...envelope,
        room_id: event.roomId,
        child_ids: event.childIds,
        staff_id: event.staffId,
        summary: event.description,
      };
  }
}
