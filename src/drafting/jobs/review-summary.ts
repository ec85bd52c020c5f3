import { z } from "zod";
import { reviewSummaryPrompt } from "../../../prompts/index.js";
import { dateSchema, idSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";

export const reviewInputSchema = z.object({
  centerName: z.string(),
  staffId: idSchema,
  staffName: z.string(),
  role: z.string(),
  homeRoomId: idSchema.nullable(),
  hireDate: dateSchema,
  dueOn: dateSchema,
  daysUntil: z.number().int(),
  reviewNumber: z.number().int(),
  /** Over the look-back window, from clock-ins against planned shift starts. */
  punctuality: z.object({
    windowDays: z.number().int(),
    shifts: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
  }),
  credentials: z.array(
    z.object({
      type: z.string(),
      expiresOn: dateSchema.nullable(),
      daysUntilExpiry: z.number().int().nullable(),
    }),
  ),
  incidentsReported: z.number().int(),
});
export type ReviewJobInput = z.infer<typeof reviewInputSchema>;

const credentialLine = (c: ReviewJobInput["credentials"][number]) =>
  c.expiresOn === null
    ? `${c.type} (no expiry)`
    : `${c.type} expires ${c.expiresOn} (${c.daysUntilExpiry} days)`;

export const reviewSummaryJob = defineJob({
  name: "review-summary",
  prompt: reviewSummaryPrompt,
  inputSchema: reviewInputSchema,
  buildUserMessage: (i) =>
    factLines("Job: review summary. Submit with submit_review_summary.", [
      ["Center", i.centerName],
      ["Staff member", `${i.staffName} (staffId ${i.staffId}), ${i.role}`],
      ["Hired", i.hireDate],
      ["Review", `number ${i.reviewNumber}, due ${i.dueOn} (in ${i.daysUntil} days)`],
      [
        `Punctuality, last ${i.punctuality.windowDays} days`,
        `${i.punctuality.shifts} planned shifts: ${i.punctuality.onTime} on time, ${i.punctuality.late} late (more than 5 minutes), ${i.punctuality.missing} with no clock-in`,
      ],
      ["Credentials", i.credentials.map(credentialLine).join("; ") || null],
      ["Incident reports filed", i.incidentsReported],
    ]),
  template(i) {
    const p = i.punctuality;
    const expiring = i.credentials.filter(
      (c) => c.daysUntilExpiry !== null && c.daysUntilExpiry <= 60,
    );
    const summary = [
      `${i.staffName} (${i.role}), hired ${i.hireDate}; review ${i.reviewNumber} is due ${i.dueOn}.`,
      `Punctuality over the last ${p.windowDays} days: ${p.shifts} planned shifts, ${p.onTime} on time, ${p.late} late, ${p.missing} with no clock-in.`,
      `Credentials: ${i.credentials.map(credentialLine).join("; ") || "none on record"}.`,
      `Incident reports filed: ${i.incidentsReported}.`,
    ].join(" ");
    return [
      {
        kind: "review_summary",
        target: i.staffId,
        roomId: i.homeRoomId,
        subject: i.staffId,
        title: `Review due ${i.dueOn}: ${i.staffName}`,
        draft: {
          staffId: i.staffId,
          summary,
          strengths: [],
          toDiscuss: expiring.map((c) => `Renew ${c.type} before ${c.expiresOn}`),
        },
        platformCall: null,
      },
    ];
  },
});
