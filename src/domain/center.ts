import { z } from "zod";
import { idSchema, providerSchema } from "./ids.js";

/** Jurisdiction codes follow ISO 3166-2 for US states (`US-CA`) plus reference packs. */
export const jurisdictionSchema = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$|^NAEYC$|^CFOC$/);

export const centerSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  provider: providerSchema,
  externalId: idSchema,
  jurisdiction: jurisdictionSchema,
  timeZone: z.string().min(1).describe("IANA time zone, e.g. America/Los_Angeles"),
});
export type Center = z.infer<typeof centerSchema>;

export const roomSchema = z.object({
  id: idSchema,
  centerId: idSchema,
  externalId: idSchema,
  name: z.string().min(1),
  ageGroup: z.enum(["infant", "toddler", "twos", "preschool", "school_age", "mixed"]),
  capacity: z.number().int().positive().nullable(),
  /** The platform's configured children-per-teacher figure, kept for reference only. */
  platformRatio: z.number().positive().nullable(),
});
export type Room = z.infer<typeof roomSchema>;
