import { z } from "zod";
import { absenceFollowUpPrompt } from "../../../prompts/index.js";
import { dateSchema, idSchema, localTimeSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";

export const absenceInputSchema = z.object({
  centerName: z.string(),
  childId: idSchema,
  childName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  roomId: idSchema.nullable(),
  roomName: z.string().nullable(),
  date: dateSchema,
  expectedArrival: localTimeSchema,
  cutoff: localTimeSchema,
  reason: z.string(),
});
export type AbsenceJobInput = z.infer<typeof absenceInputSchema>;

export const absenceFollowUpJob = defineJob({
  name: "absence-follow-up",
  prompt: absenceFollowUpPrompt,
  inputSchema: absenceInputSchema,
  buildUserMessage: (i) =>
    factLines("Job: absence follow-up. Draft the check-in message with propose_family_message.", [
      ["Center", i.centerName],
      ["Child", `${i.childName} (childId ${i.childId})`],
      ["Room", i.roomName === null ? null : `${i.roomName} (roomId ${i.roomId})`],
      ["Family", `${i.familyName} (familyId ${i.familyId})`],
      ["Date", i.date],
      ["Expected arrival", i.expectedArrival],
      ["No check-in and no notice by", i.cutoff],
    ]),
  template(i, centerId) {
    const first = i.childName.split(" ")[0] ?? i.childName;
    const subject = `Checking in about ${first} today`;
    const body = [
      `Dear ${i.familyName},`,
      `We expected ${first} at ${i.expectedArrival} today and have not heard from you, so we wanted to check that everything is all right.`,
      `Could you let us know whether we should expect ${first} later today? A quick reply or call is all we need.`,
      `Warm wishes,\n${i.centerName}`,
    ].join("\n\n");
    return [
      {
        kind: "family_message",
        target: i.familyId,
        roomId: i.roomId,
        subject: i.childId,
        title: `Absent without notice: expected ${i.expectedArrival}`,
        draft: { familyId: i.familyId, childId: i.childId, subject, body },
        platformCall: {
          centerId,
          op: "message.send",
          familyId: i.familyId,
          childId: i.childId,
          subject,
          body,
        },
      },
    ];
  },
});
