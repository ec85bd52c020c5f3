import { z } from "zod";
import { latePickupPrompt } from "../../../prompts/index.js";
import { dateSchema, idSchema } from "../../domain/index.js";
import { formatCents, latePickupAssessmentSchema } from "../../rules/index.js";
import { defineJob, factLines, type TemplateDraft } from "../job.js";
import { formatDate, formatTime, minutes, salutation } from "../wording.js";
import {
  familyMessageDraft,
  familySubjectFacts,
  familySubjectSchema,
  familySubjects,
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
  /**
   * Who stamped the check-out: the platform (a real pick-up time), or reconciliation, whose
   * synthetic check-out carries its own snapshot time. From the latter no minutes late and no fee
   * are drafted: the director gets a note instead.
   */
  pickupTimeSource: z.enum(["platform", "reconciliation"]).default("platform"),
});
export type LatePickupInput = z.infer<typeof latePickupInputSchema>;

/** The family's history in words both the prompt and the template use. */
function historyLine(i: LatePickupInput): string {
  const n = i.history.earlier.length;
  if (n === 0) return `This is the first late pick-up in the last ${i.history.windowDays} days.`;
  const dates = i.history.earlier
    .map((e) => `${formatDate(e.date, { weekday: false })} (${minutes(e.minutesAfterClose)})`)
    .join(", ");
  return `In the last ${i.history.windowDays} days we also noted late pick-ups on ${dates}.`;
}

/** The fee in one plain sentence; the arithmetic stays with the director. */
function feeSentence(a: LatePickupInput["assessment"]): string | null {
  if (a.feeCents <= 0) return null;
  return a.capped
    ? `A late fee of ${formatCents(a.feeCents)} applies, the most we charge for one late pick-up.`
    : `A late fee of ${formatCents(a.feeCents)} applies under our late pick-up policy.`;
}

/** A check-out only reconciliation saw: a note for the director, never a family message. */
function reconciledNote(i: LatePickupInput, centerId: string): TemplateDraft {
  const at = formatTime(i.assessment.pickedUpAt, i.clock);
  const where = i.roomName ? ` (${i.roomName})` : "";
  const title = `Pick-up time unknown: ${i.childName}, ${formatDate(i.date)}`;
  const description = [
    `${i.childName}${where} was checked out by reconciliation at ${at} on ${formatDate(i.date)}; the real pick-up time is unknown.`,
    "The platform never reported this check-out, so no late fee and no family message were drafted.",
    "If the pick-up was late, record the real time in the platform; a late pick-up it reports is drafted as usual.",
  ].join(" ");
  return {
    kind: "task",
    target: `director:${i.childId}`,
    roomId: i.roomId,
    subject: i.childId,
    title,
    draft: { title, description, assignedTo: "director", dueDate: null },
    platformCall: {
      centerId,
      op: "task.create",
      title,
      description,
      assignedTo: "director",
      dueDate: null,
    },
  };
}

export const latePickupJob = defineJob({
  name: "late-pickup",
  prompt: latePickupPrompt,
  inputSchema: latePickupInputSchema,
  subjects: (i) => (i.pickupTimeSource === "platform" ? familySubjects(i) : []),
  templateOnly: (i) => (i.pickupTimeSource === "platform" ? null : "pickup_time_unknown"),
  buildUserMessage: (i) =>
    factLines("Job: late pick-up. Draft the family message with propose_family_message.", [
      ...familySubjectFacts(i),
      ["Picked up at", formatTime(i.assessment.pickedUpAt, i.clock)],
      ["Picked up by", i.pickedUpBy],
      ["Center closes at", formatTime(i.assessment.closesAt, i.clock)],
      ["Grace period (minutes)", i.graceMinutes],
      ["Minutes after close", i.assessment.minutesAfterClose],
      ["Late fee", i.assessment.feeCents > 0 ? formatCents(i.assessment.feeCents) : "none"],
      ["Fee sentence to use", feeSentence(i.assessment)],
      ["Fee arithmetic (for the director, not for the message)", i.assessment.arithmetic],
      ["Earlier late pick-ups (family)", historyLine(i)],
    ]),
  template(i, centerId) {
    if (i.pickupTimeSource !== "platform") return [reconciledNote(i, centerId)];
    const first = firstName(i);
    const a = i.assessment;
    const picked = formatTime(a.pickedUpAt, i.clock);
    const close = formatTime(a.closesAt, i.clock);
    const fee = feeSentence(a);
    const body = [
      salutation(i.familyName),
      `Thank you for collecting ${first} today. Our records show the pick-up at ${picked}, ${minutes(a.minutesAfterClose)} after our ${close} close.`,
      ...(fee ? [fee] : []),
      historyLine(i),
      `If you expect to be late, please call us so we can plan for ${first}.`,
      `Thank you,\n${i.centerName}`,
    ].join("\n\n");
    const subject = `Late pick-up on ${formatDate(i.date)}`;
    return [
      familyMessageDraft(i, centerId, {
        title: `${subject}: ${formatCents(a.feeCents)}`,
        subject,
        body,
      }),
    ];
  },
});
