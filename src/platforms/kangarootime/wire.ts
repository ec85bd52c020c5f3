/**
 * @module platforms/kangarootime/wire
 * Kangarootime's wire shapes as zod schemas. Kangarootime publishes no public API: these follow the
 * shapes named in the integration guide (`shared/seeds/`): flat webhook payloads without an event id
 * (the Standard Webhooks `webhook-id` header is the dedupe key), bare arrays from the per-room
 * endpoints, and page-numbered lists elsewhere.
 */
import { z } from "zod";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Page pagination: `?page=1..total_pages`. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    total_pages: z.number().int().min(0),
  });

export const centerWire = z.object({
  center_id: id,
  name: z.string(),
  state_code: z.string().length(2),
  timezone: z.string(),
});

export const classWire = z.object({
  room_id: id,
  center_id: id,
  name: z.string(),
  age_range: z.enum(["infants", "toddlers", "twos", "preschool", "school_age", "mixed"]),
  capacity: z.number().int().positive().nullable(),
});

export const familyWire = z.object({
  family_id: id,
  center_id: id,
  display_name: z.string(),
  contacts: z.array(
    z.object({
      full_name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      relationship: z.string(),
      can_pick_up: z.boolean(),
    }),
  ),
});

export const childWire = z.object({
  child_id: id,
  center_id: id,
  first_name: z.string(),
  last_name: z.string(),
  birthday: date,
  room_id: id.nullable(),
  family_id: id.nullable(),
  /** Extra approved pick-up people beyond the family's contacts. */
  approved_pickups: z.array(z.object({ full_name: z.string(), relationship: z.string() })),
  schedule: z.array(
    z.object({
      day: z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
      start: localTime,
      end: localTime,
    }),
  ),
});

export const staffWire = z.object({
  staff_id: id,
  center_id: id,
  first_name: z.string(),
  last_name: z.string(),
  birthday: date,
  title: z.enum([
    "director",
    "assistant_director",
    "lead_teacher",
    "teacher",
    "assistant",
    "floater",
    "cook",
    "admin",
  ]),
  room_id: id.nullable(),
  credentials: z.array(
    z.object({ kind: z.string(), issued_on: date.nullable(), expires_on: date.nullable() }),
  ),
});

export const shiftWire = z.object({
  shift_id: id,
  staff_id: id,
  center_id: id,
  date,
  start: localTime,
  end: localTime,
  room_id: id.nullable(),
  breaks: z.array(z.object({ start: localTime, end: localTime })),
});

export const timecardWire = z.object({
  timecard_id: id,
  staff_id: id,
  center_id: id,
  pay_week: date,
  clock_in: instant,
  clock_out: instant.nullable(),
  pay_code: z.string(),
  locked: z.boolean(),
});

/** `GET /api/v1/rooms/{id}/children`: a bare array of the children in the room now. */
export const roomChildrenWire = z.array(
  z.object({ child_id: id, first_name: z.string(), last_name: z.string(), checked_in_at: instant }),
);

/** `GET /api/v1/rooms/{id}/staff`: a bare array of the staff assigned to the room now. */
export const roomStaffWire = z.array(
  z.object({
    staff_id: id,
    first_name: z.string(),
    last_name: z.string(),
    status: z.enum(["active", "break"]),
    clocked_in_at: instant,
  }),
);

export const checkinRequestWire = z.object({
  center_id: id,
  child_id: id,
  room_id: id,
  action: z.enum(["check_in", "check_out"]),
  by: z.string().nullable().default(null),
});

export const taskRequestWire = z.object({
  center_id: id,
  title: z.string().min(1),
  body: z.string(),
  assignee_role: z.string().min(1),
  due_on: date.nullable().default(null),
});
export const noteRequestWire = z.object({ center_id: id, child_id: id, text: z.string().min(1) });
/*
 * The writes an approved action makes. Like the rest of this file these are the shapes of an
 * integration guide, not endpoints Kangarootime documents publicly.
 */
/** `POST /api/v1/messages`: a message to a family's guardians. */
export const messageRequestWire = z.object({
  center_id: id,
  family_id: id,
  child_id: id.nullable().default(null),
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
});
/** `POST /api/v1/daily_reports`: a child's daily report activities. */
export const dailyReportRequestWire = z.object({
  center_id: id,
  child_id: id,
  activities: z
    .array(
      z.object({
        kind: z.enum(["nap", "meal", "diaper", "activity"]),
        started_at: instant,
        ended_at: instant.nullable(),
        note: z.string().max(500),
      }),
    )
    .min(1),
});
/** `POST /api/v1/staff_assignments`: assign a staff member to a room from an instant. */
export const staffAssignmentRequestWire = z.object({
  center_id: id,
  staff_id: id,
  room_id: id,
  starts_at: instant,
  note: z.string().max(1000),
});
/** `POST /api/v1/timecards/{id}/corrections`: corrected punches, with the reason on record. */
export const timecardCorrectionRequestWire = z.object({
  center_id: id,
  staff_id: id,
  clock_in: instant,
  clock_out: instant.nullable(),
  note: z.string().min(1).max(1000),
});
export const createdWire = z.object({ id, created_at: instant });

const envelope = { timestamp: instant, center_id: id };

/** Webhook payloads, one per `event_type`. */
export const webhookWire = z.discriminatedUnion("event_type", [
  z.object({ ...envelope, event_type: z.literal("check_in"), child_id: id, room_id: id }),
  z.object({
    ...envelope,
    event_type: z.literal("check_out"),
    child_id: id,
    room_id: id,
    picked_up_by: z.string().nullable(),
  }),
  z.object({
    ...envelope,
    event_type: z.literal("room_transfer"),
    child_id: id,
    from_room_id: id,
    room_id: id,
  }),
  z.object({
    ...envelope,
    event_type: z.literal("pickup_attempt"),
    child_id: id,
    person_name: z.string().min(1),
  }),
  z.object({
    ...envelope,
    event_type: z.literal("staff_clock_in"),
    staff_id: id,
    room_id: id.nullable(),
  }),
  z.object({ ...envelope, event_type: z.literal("staff_clock_out"), staff_id: id }),
  z.object({ ...envelope, event_type: z.literal("staff_break_start"), staff_id: id }),
  z.object({ ...envelope, event_type: z.literal("staff_break_end"), staff_id: id }),
  z.object({
    ...envelope,
    event_type: z.literal("staff_room_assignment"),
    staff_id: id,
    room_id: id,
  }),
  z.object({
    ...envelope,
    event_type: z.literal("incident"),
    room_id: id.nullable(),
    child_ids: z.array(id),
    staff_id: id.nullable(),
    summary: z.string().min(1),
  }),
]);
export type KangarootimeWebhook = z.infer<typeof webhookWire>;
export const webhookEventTypes = webhookWire.options.map((o) => o.shape.event_type.value);
