/**
 * @module platforms/procare/wire
 * Procare's wire shapes as zod schemas. Procare publishes no public API: these follow the endpoint
 * and payload shapes named in the integration guide (`shared/seeds/`), with classroom fields from
 * Procare's documented partner sync (ratio as a float such as `6.0`, maximum children, times as
 * minutes from midnight). Fixing them against a partner's real API is a change to this folder only.
 */
import { z } from "zod";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const minuteOfDay = z.number().int().min(0).max(1440);
const date = z.iso.date();

/** Cursor pagination: `?cursor=` with the previous page's `next_cursor` until it is null. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const centerWire = z.object({
  id,
  name: z.string(),
  state: z.string().length(2),
  time_zone: z.string(),
});

export const classroomWire = z.object({
  id,
  center_id: id,
  name: z.string(),
  age_group: z.enum(["infant", "toddler", "twos", "preschool", "school_age", "mixed"]),
  ratio: z.number().positive().nullable(),
  max_children: z.number().int().positive().nullable(),
});

export const familyWire = z.object({
  id,
  center_id: id,
  name: z.string(),
  guardians: z.array(
    z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  ),
});

export const childWire = z.object({
  id,
  center_id: id,
  first_name: z.string(),
  last_name: z.string(),
  date_of_birth: date,
  primary_classroom_id: id.nullable(),
  family_id: id.nullable(),
  authorized_pickups: z.array(
    z.object({ name: z.string(), relationship: z.string(), allowed_to_pick_up: z.boolean() }),
  ),
  /** ISO weekday 1 (Mon) – 7 (Sun); times in minutes from midnight, local time. */
  schedule: z.array(
    z.object({
      weekday: z.number().int().min(1).max(7),
      in_minute: minuteOfDay,
      out_minute: minuteOfDay,
    }),
  ),
});

export const employeeWire = z.object({
  id,
  center_id: id,
  first_name: z.string(),
  last_name: z.string(),
  date_of_birth: date,
  position: z.enum([
    "Director",
    "Assistant Director",
    "Lead Teacher",
    "Teacher",
    "Assistant Teacher",
    "Floater",
    "Cook",
    "Office",
  ]),
  classroom_id: id.nullable(),
  certifications: z.array(
    z.object({ name: z.string(), issued_date: date.nullable(), expiration_date: date.nullable() }),
  ),
});

export const staffScheduleWire = z.object({
  id,
  employee_id: id,
  center_id: id,
  date,
  in_minute: minuteOfDay,
  out_minute: minuteOfDay,
  classroom_id: id.nullable(),
  breaks: z.array(z.object({ start_minute: minuteOfDay, end_minute: minuteOfDay })),
});

export const timecardWire = z.object({
  id,
  employee_id: id,
  center_id: id,
  date,
  clock_in: instant,
  clock_out: instant.nullable(),
  breaks: z.array(z.object({ start: instant, end: instant.nullable() })),
});

/** `GET /api/v1/attendance/current?center_id=` */
export const currentAttendanceWire = z.object({
  center_id: id,
  as_of: instant,
  data: z.array(z.object({ child_id: id, room_id: id, checked_in_at: instant })),
});

/** `GET /api/v1/rooms/{room_id}/roster` */
export const roomRosterWire = z.object({
  room_id: id,
  as_of: instant,
  children: z.array(
    z.object({ id, first_name: z.string(), last_name: z.string(), checked_in_at: instant }),
  ),
  staff: z.array(
    z.object({
      id,
      first_name: z.string(),
      last_name: z.string(),
      status: z.enum(["in_room", "on_break"]),
      clocked_in_at: instant,
    }),
  ),
});

export const checkInRequestWire = z.object({
  center_id: id,
  child_id: id,
  room_id: id,
  method: z.enum(["pin_pad", "kiosk", "mobile_app", "staff"]).default("staff"),
});
export const checkOutRequestWire = z.object({
  center_id: id,
  child_id: id,
  picked_up_by: z.string().nullable().default(null),
});

export const taskRequestWire = z.object({
  center_id: id,
  title: z.string().min(1),
  description: z.string(),
  assigned_to: z.string().min(1),
  due_date: date.nullable().default(null),
});
export const noteRequestWire = z.object({ center_id: id, child_id: id, body: z.string().min(1) });
/*
 * The writes an approved action makes. Like the rest of this file these are the shapes of an
 * integration guide, not endpoints Procare documents publicly.
 */
/** `POST /api/v1/messages`: a message to a family in the parent app. */
export const messageRequestWire = z.object({
  center_id: id,
  family_id: id,
  child_id: id.nullable().default(null),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
});
/** `POST /api/v1/daily_logs`: a child's daily-sheet entries. */
export const dailyLogRequestWire = z.object({
  center_id: id,
  child_id: id,
  entries: z
    .array(
      z.object({
        type: z.enum(["nap", "meal", "diaper", "activity"]),
        start: instant,
        end: instant.nullable(),
        detail: z.string().max(500),
      }),
    )
    .min(1),
});
/** `POST /api/v1/staff_assignments`: move a staff member to a classroom from an instant. */
export const staffAssignmentRequestWire = z.object({
  center_id: id,
  staff_id: id,
  classroom_id: id,
  effective_at: instant,
  reason: z.string().max(1000),
});
/** `POST /api/v1/timecards/{id}/corrections`: corrected punches, with the reason on record. */
export const timecardCorrectionRequestWire = z.object({
  center_id: id,
  staff_id: id,
  clock_in: instant,
  clock_out: instant.nullable(),
  reason: z.string().min(1).max(1000),
});
export const createdWire = z.object({ id, created_at: instant });

const envelope = {
  event_id: id,
  timestamp: instant,
  center_id: id,
};
const childRef = z.object({ id, first_name: z.string(), last_name: z.string(), room_id: id });
const staffRef = z.object({ id, first_name: z.string(), last_name: z.string() });

/** Webhook payloads, one per `event_type`. */
export const webhookWire = z.discriminatedUnion("event_type", [
  z.object({
    ...envelope,
    event_type: z.literal("attendance.check_in"),
    child: childRef,
    checked_in_by: z.object({ staff_id: id.nullable(), method: z.string() }),
  }),
  z.object({
    ...envelope,
    event_type: z.literal("attendance.check_out"),
    child: childRef,
    checked_out_by: z.object({
      name: z.string(),
      relationship: z.string().nullable(),
      method: z.string(),
    }),
  }),
  z.object({
    ...envelope,
    event_type: z.literal("attendance.room_change"),
    child: childRef.omit({ room_id: true }),
    from_room_id: id,
    to_room_id: id,
  }),
  z.object({
    ...envelope,
    event_type: z.literal("attendance.pickup_attempt"),
    child: childRef,
    person: z.object({ name: z.string().min(1) }),
  }),
  z.object({
    ...envelope,
    event_type: z.literal("staff.clock_in"),
    staff: staffRef,
    room_id: id.nullable(),
  }),
  z.object({ ...envelope, event_type: z.literal("staff.clock_out"), staff: staffRef }),
  z.object({ ...envelope, event_type: z.literal("staff.break_start"), staff: staffRef }),
  z.object({ ...envelope, event_type: z.literal("staff.break_end"), staff: staffRef }),
  z.object({
    ...envelope,
    event_type: z.literal("staff.room_assignment"),
    staff: staffRef,
    room_id: id,
  }),
  z.object({
    ...envelope,
    event_type: z.literal("incident.reported"),
    incident: z.object({
      id,
      room_id: id.nullable(),
      child_ids: z.array(id),
      reported_by_staff_id: id.nullable(),
      description: z.string().min(1),
    }),
  }),
]);
export type ProcareWebhook = z.infer<typeof webhookWire>;
export const webhookEventTypes = webhookWire.options.map((o) => o.shape.event_type.value);
