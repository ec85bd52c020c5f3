/**
 * @module drafting/jobs/family-subject
 * What every family-message job is about: one child, their family and room, on one date. The
 * jobs extend the schema with their own facts and open their user message with these lines, which
 * carry the ids the propose tools need.
 */
import { z } from "zod";
import { dateSchema, idSchema } from "../../domain/index.js";

export const familySubjectSchema = z.object({
  centerName: z.string(),
  childId: idSchema,
  childName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  roomId: idSchema.nullable(),
  roomName: z.string().nullable(),
  date: dateSchema,
});
export type FamilySubject = z.infer<typeof familySubjectSchema>;

export function familySubjectFacts(i: FamilySubject): [string, string | null][] {
  return [
    ["Center", i.centerName],
    ["Child", `${i.childName} (childId ${i.childId})`],
    ["Room", i.roomName === null ? null : `${i.roomName} (roomId ${i.roomId})`],
    ["Family", `${i.familyName} (familyId ${i.familyId})`],
    ["Date", i.date],
  ];
}
