import { z } from "zod";
import { absenceFollowUpPrompt } from "../../../prompts/index.js";
import { localTimeSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";
import { formatTime, salutation } from "../wording.js";
import {
  familyMessageDraft,
  familySubjectFacts,
  familySubjectSchema,
  familySubjects,
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
  subjects: familySubjects,
  buildUserMessage: (i) =>
    factLines("Job: absence follow-up. Draft the check-in message with propose_family_message.", [
      ...familySubjectFacts(i),
      ["Expected arrival", formatTime(i.expectedArrival, i.clock)],
      ["No check-in and no notice by", formatTime(i.cutoff, i.clock)],
    ]),
  template(i, centerId) {
    const first = firstName(i);
    const expected = formatTime(i.expectedArrival, i.clock);
    const subject = `Checking in about ${first} today`;
    const body = [
      salutation(i.familyName),
      `We expected ${first} at ${expected} today and have not heard from you, so we wanted to check that everything is all right.`,
      `Could you let us know whether we should expect ${first} later today? A quick reply or call is all we need.`,
      `Warm wishes,\n${i.centerName}`,
    ].join("\n\n");
    return [
      familyMessageDraft(i, centerId, {
        title: `Absent without notice: expected ${expected}`,
        subject,
        body,
      }),
    ];
  },
});
