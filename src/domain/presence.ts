import { z } from "zod";
import { idSchema, instantSchema } from "./ids.js";

/** Who a platform says is where right now; the reconciliation job compares this to live state. */
export const presenceSnapshotSchema = z.object({
  centerId: idSchema,
  asOf: instantSchema,
  children: z.array(z.object({ childId: idSchema, roomId: idSchema })),
  staff: z.array(
    z.object({ staffId: idSchema, roomId: idSchema.nullable(), onBreak: z.boolean() }),
  ),
});
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;

const personInRoom = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  since: instantSchema,
});

/** One room as the board and `GET /api/centers/:center/rooms` show it. */
export const roomStateSchema = z.object({
  id: idSchema,
  name: z.string(),
  ageGroup: z.string(),
  capacity: z.number().int().nullable(),
  children: z.array(personInRoom.extend({ birthDate: z.string() })),
  staff: z.array(personInRoom.extend({ role: z.string(), onBreak: z.boolean() })),
  counts: z.object({
    children: z.number().int(),
    staffPresent: z.number().int(),
    staffOnBreak: z.number().int(),
  }),
});
export type RoomState = z.infer<typeof roomStateSchema>;
