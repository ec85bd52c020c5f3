/**
 * @module drafting/jobs/family-subject
 * What every family-message job is about: one child, their family and room, on one date. The
 * jobs extend the schema with their own facts, open their user message with these lines (which
 * carry the ids the propose tools need), and their template drafters end in the same message.
 */
import { z } from "zod";
import type { DraftSubject } from "../../agent/index.js";
import { dateSchema, idSchema } from "../../domain/index.js";
import type { TemplateDraft } from "../job.js";
import { type Clock, clockSchema, formatDate } from "../wording.js";

export const familySubjectSchema = z.object({
  centerName: z.string(),
  childId: idSchema,
  childName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  roomId: idSchema.nullable(),
  roomName: z.string().nullable(),
  date: dateSchema,
  /** The clock the center's families read times on (see `wording.clockFor`). */
  clock: clockSchema.default("12h"),
});
export type FamilySubject = z.infer<typeof familySubjectSchema>;

export function familySubjectFacts(i: FamilySubject): [string, string | null][] {
  return [
    ["Center", i.centerName],
    ["Child", `${i.childName} (childId ${i.childId})`],
    ["Room", i.roomName === null ? null : `${i.roomName} (roomId ${i.roomId})`],
    ["Family", `${i.familyName} (familyId ${i.familyId})`],
    ["Date", `${i.date} (${formatDate(i.date)})`],
    ["Write times as", i.clock === "12h" ? "12-hour, e.g. 6:20 PM" : "24-hour, e.g. 18:20"],
  ];
}

/** A family-message job drafts for its one family, about its one child. */
export const familySubjects = (i: FamilySubject): DraftSubject[] => [
  { kind: "family", id: i.familyId, childIds: [i.childId] },
];

export type { Clock };

/** The child's first name, as a family message addresses them. */
export const firstName = (i: FamilySubject): string => i.childName.split(" ")[0] ?? i.childName;

/** A template's message to the family about the child: what is shown and the call approval makes. */
export function familyMessageDraft(
  i: FamilySubject,
  centerId: string,
  message: { title: string; subject: string; body: string },
): TemplateDraft {
  const { subject, body } = message;
  return {
    kind: "family_message",
    target: i.familyId,
    roomId: i.roomId,
    subject: i.childId,
    title: message.title,
    draft: { familyId: i.familyId, childId: i.childId, subject, body },
    platformCall: {
      centerId,
      op: "message.send",
      familyId: i.familyId,
      childId: i.childId,
      subject,
      body,
    },
  };
}
