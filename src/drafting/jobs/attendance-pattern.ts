import { z } from "zod";
import { attendancePatternPrompt } from "../../../prompts/index.js";
import { dateSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";
import { formatDate, salutation } from "../wording.js";
import {
  familyMessageDraft,
  familySubjectFacts,
  familySubjectSchema,
  familySubjects,
  firstName,
} from "./family-subject.js";

export const attendancePatternInputSchema = familySubjectSchema.extend({
  finding: z.object({
    kind: z.enum([
      "chronic_late_pickup",
      "chronic_late_arrival",
      "frequent_early_pickup",
      "consecutive_absences",
      "arrival_drift",
      "departure_drift",
    ]),
    dates: z.array(dateSchema).min(1),
    recordIds: z.array(z.string()),
    explanation: z.string(),
  }),
});
export type AttendancePatternInput = z.infer<typeof attendancePatternInputSchema>;

const what: Record<AttendancePatternInput["finding"]["kind"], string> = {
  chronic_late_pickup: "pick-ups after the scheduled time",
  chronic_late_arrival: "arrivals later than usual",
  frequent_early_pickup: "pick-ups well before the scheduled time",
  consecutive_absences: "absences in a row",
  arrival_drift: "a change in arrival times",
  departure_drift: "a change in pick-up times",
};

export const attendancePatternJob = defineJob({
  name: "attendance-pattern",
  prompt: attendancePatternPrompt,
  inputSchema: attendancePatternInputSchema,
  subjects: familySubjects,
  buildUserMessage: (i) =>
    factLines(
      "Job: attendance pattern follow-up. Draft the family message with propose_family_message.",
      [
        ...familySubjectFacts(i),
        ["Pattern", what[i.finding.kind]],
        ["What the records show", i.finding.explanation],
        [
          "Dates",
          i.finding.dates.map((d) => `${d} (${formatDate(d, { weekday: false })})`).join(", "),
        ],
      ],
    ),
  template(i, centerId) {
    const first = firstName(i);
    const subject = `About ${first}'s recent attendance`;
    const body = [
      salutation(i.familyName),
      `We have noticed ${what[i.finding.kind]} for ${first} recently (${i.finding.dates.map((d) => formatDate(d, { weekday: false })).join(", ")}).`,
      `Has something changed that we can help with, such as a new schedule? We would be glad to talk it through; the director is happy to find a time that suits you.`,
      `Warm wishes,\n${i.centerName}`,
    ].join("\n\n");
    return [
      familyMessageDraft(i, centerId, {
        title: `Attendance pattern: ${what[i.finding.kind]}`,
        subject,
        body,
      }),
    ];
  },
});
