/**
 * @module domain/events
 * The platform-neutral attendance events every adapter maps its wire shapes to. The projection in
 * `live/` applies them by event time, so late or duplicated deliveries change nothing.
 */
import { z } from "zod";
import { idSchema, instantSchema } from "./ids.js";

const base = {
  centerId: idSchema,
  /** When it happened at the center (not when we heard of it). */
  occurredAt: instantSchema,
};

export const childCheckedIn = z.object({
  ...base,
  type: z.literal("child.checked_in"),
  childId: idSchema,
  roomId: idSchema,
});
export const childCheckedOut = z.object({
  ...base,
  type: z.literal("child.checked_out"),
  childId: idSchema,
  pickedUpBy: z.string().nullable(),
});
export const childMoved = z.object({
  ...base,
  type: z.literal("child.moved"),
  childId: idSchema,
  toRoomId: idSchema,
});
export const childPickupAttempted = z.object({
  ...base,
  type: z.literal("child.pickup_attempted"),
  childId: idSchema,
  personName: z.string().min(1),
});
export const staffClockedIn = z.object({
  ...base,
  type: z.literal("staff.clocked_in"),
  staffId: idSchema,
  roomId: idSchema.nullable(),
});
export const staffClockedOut = z.object({
  ...base,
  type: z.literal("staff.clocked_out"),
  staffId: idSchema,
});
export const staffBreakStarted = z.object({
  ...base,
  type: z.literal("staff.break_started"),
  staffId: idSchema,
});
export const staffBreakEnded = z.object({
  ...base,
  type: z.literal("staff.break_ended"),
  staffId: idSchema,
});
export const staffAssigned = z.object({
  ...base,
  type: z.literal("staff.assigned"),
  staffId: idSchema,
  roomId: idSchema,
});
export const incidentReported = z.object({
  ...base,
  type: z.literal("incident.reported"),
  roomId: idSchema.nullable(),
  childIds: z.array(idSchema),
  reportedByStaffId: idSchema.nullable(),
  description: z.string().min(1),
});

export const domainEventSchema = z.discriminatedUnion("type", [
  childCheckedIn,
  childCheckedOut,
  childMoved,
  childPickupAttempted,
  staffClockedIn,
  staffClockedOut,
  staffBreakStarted,
  staffBreakEnded,
  staffAssigned,
  incidentReported,
]);
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent["type"];
