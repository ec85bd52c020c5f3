import { z } from "zod";
import { absenceFollowUpPrompt } from "../../../prompts/index.js";
import { localTimeSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";
import {
  familyMessageDraft,
  familySubjectFacts,
  familySubjectSchema,
  firstName,
} from "./family-subject.js";

export const absenceInputSchema = familySubjectSchema.extend({
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
      ...familySubjectFacts(i),
      ["Expected arrival", i.expectedArrival],
      ["No check-in and no notice by", i.cutoff],
    ]),
  template(i, centerId) {
    const first = firstName(i);
    const subject = `Checking in about ${first} today`;
    const body = [
      `Dear ${i.familyName},`,
      `We expected ${first} at ${i.expectedArrival} today and have not heard from you, so we wanted to check that everything is all right.`,
      `Could you let us know whether we should expect ${first} later today? A quick reply or call is all we need.`,
      `Warm wishes,\n${i.centerName}`,
    ].join("\n\n");
    return [
      familyMessageDraft(i, centerId, {
        title: `Absent without notice: expected ${i.expectedArrival}`,
        subject,
        body,
      }),
    ];
  },
});
