import { z } from "zod";
import { dateSchema, idSchema, localTimeSchema } from "./ids.js";

export const weekdaySchema = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof weekdaySchema>;

/** When a child is expected on a given weekday, in the center's local time. */
export const expectedDaySchema = z.object({
  day: weekdaySchema,
  arrive: localTimeSchema,
  depart: localTimeSchema,
});

export const pickupPersonSchema = z.object({
  name: z.string().min(1),
  relationship: z.string().min(1),
});

export const childSchema = z.object({
  id: idSchema,
  centerId: idSchema,
  externalId: idSchema,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  birthDate: dateSchema,
  homeRoomId: idSchema.nullable(),
  familyId: idSchema.nullable(),
  authorizedPickups: z.array(pickupPersonSchema),
  schedule: z.array(expectedDaySchema),
});
export type Child = z.infer<typeof childSchema>;

export const guardianSchema = z.object({
  name: z.string().min(1),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const familySchema = z.object({
  id: idSchema,
  centerId: idSchema,
  externalId: idSchema,
  name: z.string().min(1),
  guardians: z.array(guardianSchema),
});
export type Family = z.infer<typeof familySchema>;

export const staffRoleSchema = z.enum([
  "director",
  "assistant_director",
  "lead_teacher",
  "teacher",
  "assistant_teacher",
  "floater",
  "cook",
  "admin",
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const credentialSchema = z.object({
  type: z.string().min(1).describe("e.g. cpr, pediatric_first_aid, background_check"),
  issuedOn: dateSchema.nullable(),
  expiresOn: dateSchema.nullable(),
});

export const staffSchema = z.object({
  id: idSchema,
  centerId: idSchema,
  externalId: idSchema,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  birthDate: dateSchema,
  role: staffRoleSchema,
  homeRoomId: idSchema.nullable(),
  credentials: z.array(credentialSchema),
});
export type Staff = z.infer<typeof staffSchema>;

export const plannedBreakSchema = z.object({ start: localTimeSchema, end: localTimeSchema });

export const shiftSchema = z.object({
  id: idSchema,
  centerId: idSchema,
  staffId: idSchema,
  date: dateSchema,
  start: localTimeSchema,
  end: localTimeSchema,
  roomId: idSchema.nullable(),
  breaks: z.array(plannedBreakSchema),
});
export type Shift = z.infer<typeof shiftSchema>;
