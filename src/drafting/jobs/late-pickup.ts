import { z } from "zod";
import { latePickupPrompt } from "../../../prompts/index.js";
import { dateSchema, idSchema } from "../../domain/index.js";
import { formatCents, latePickupAssessmentSchema } from "../../rules/index.js";
import { defineJob, factLines } from "../job.js";
import {
  familyMessageDraft,
  familySubjectFacts,
  familySubjectSchema,
  firstName,
} from "./family-subject.js";

export const latePickupInputSchema = familySubjectSchema.extend({
  pickedUpBy: z.string().nullable(),
  graceMinutes: z.number().int(),
  assessment: latePickupAssessmentSchema,
  /** The family's earlier late pick-ups (any of its children) in the window before this one. */
  history: z
    .object({
      windowDays: z.number().int().min(1),
      earlier: z.array(
        z.object({
          date: dateSchema,
          childId: idSchema,
          minutesAfterClose: z.number().int(),
          feeCents: z.number().int(),
        }),
      ),
    })
    .default({ windowDays: 30, earlier: [] }),
});
export type LatePickupInput = z.infer<typeof latePickupInputSchema>;

/** The family's history in words both the prompt and the template use. */
function historyLine(i: LatePickupInput): string {
  const n = i.history.earlier.length;
  if (n === 0) return `This is the first late pick-up in the last ${i.history.windowDays} days.`;
  const dates = i.history.earlier.map((e) => `${e.date} (${e.minutesAfterClose} min)`).join(", ");
  return `This is late pick-up number ${n + 1} in the last ${i.history.windowDays} days; the earlier ones were on ${dates}.`;
}

export const latePickupJob = defineJob({
  name: "late-pickup",
  prompt: latePickupPrompt,
  inputSchema: latePickupInputSchema,
  buildUserMessage: (i) =>
    factLines("Job: late pick-up. Draft the family message with propose_family_message.", [
      ...familySubjectFacts(i),
      ["Picked up at", i.assessment.pickedUpAt],
      ["Picked up by", i.pickedUpBy],
      ["Center closes at", i.assessment.closesAt],
      ["Grace period (minutes)", i.graceMinutes],
      ["Minutes after close", i.assessment.minutesAfterClose],
      ["Late fee", formatCents(i.assessment.feeCents)],
      ["Fee arithmetic", i.assessment.arithmetic],
      ["Earlier late pick-ups (family)", historyLine(i)],
    ]),
  template(i, centerId) {
    const first = firstName(i);
    const a = i.assessment;
    const fee =
      a.feeCents > 0
        ? `Under our late pick-up policy a fee of ${formatCents(a.feeCents)} applies: ${a.arithmetic}`
        : a.arithmetic;
    const body = [
      `Dear ${i.familyName},`,
      `Thank you for collecting ${first} today. Our records show the pick-up at ${a.pickedUpAt}, ${a.minutesAfterClose} minutes after our ${a.closesAt} close.`,
      fee,
      historyLine(i),
      `We close at ${a.closesAt}. If you expect to be late, please call us so we can plan for ${first}.`,
      `Thank you,\n${i.centerName}`,
    ].join("\n\n");
    const subject = `Late pick-up on ${i.date}`;
    return [
      familyMessageDraft(i, centerId, {
        title: `${subject}: ${formatCents(a.feeCents)}`,
        subject,
        body,
      }),
    ];
  },
});
