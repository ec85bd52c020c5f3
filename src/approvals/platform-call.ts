/**
 * @module approvals/platform-call
 * The exact platform write an approval makes when a person approves it. Stored on the approval
 * row, shown to the reviewer (it is part of the content hash) and run through the outbox once.
 */
import { z } from "zod";
import { dateSchema, idSchema, instantSchema } from "../domain/index.js";

const base = { centerId: idSchema };

export const familyMessageCall = z.object({
  ...base,
  op: z.literal("message.send"),
  familyId: idSchema,
  childId: idSchema.nullable(),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
});
export const noteCall = z.object({
  ...base,
  op: z.literal("note.create"),
  childId: idSchema,
  body: z.string().min(1).max(4000),
});
export const taskCall = z.object({
  ...base,
  op: z.literal("task.create"),
  title: z.string().min(1).max(200),
  description: z.string().max(4000),
  /** A staff id or a role such as `director`. */
  assignedTo: z.string().min(1),
  dueDate: dateSchema.nullable(),
});
export const staffAssignmentCall = z.object({
  ...base,
  op: z.literal("staff.assign"),
  staffId: idSchema,
  roomId: idSchema,
  /** When the move should happen (business time). */
  at: instantSchema,
  reason: z.string().max(1000),
});
export const logEntrySchema = z.object({
  type: z.enum(["nap", "meal", "diaper", "activity"]),
  start: instantSchema,
  end: instantSchema.nullable(),
  /** e.g. `ate all lunch`, `wet`, `outdoor play`. */
  detail: z.string().max(500),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
export const dailyLogCall = z.object({
  ...base,
  op: z.literal("log.create"),
  childId: idSchema,
  entries: z.array(logEntrySchema).min(1).max(50),
});
export const payrollCorrectionCall = z.object({
  ...base,
  op: z.literal("payroll.correct"),
  staffId: idSchema,
  timecardId: idSchema,
  clockIn: instantSchema,
  clockOut: instantSchema.nullable(),
  reason: z.string().min(1).max(1000),
});

export const platformCallSchema = z.discriminatedUnion("op", [
  familyMessageCall,
  noteCall,
  taskCall,
  staffAssignmentCall,
  dailyLogCall,
  payrollCorrectionCall,
]);
export type PlatformCall = z.infer<typeof platformCallSchema>;
export type PlatformOp = PlatformCall["op"];
