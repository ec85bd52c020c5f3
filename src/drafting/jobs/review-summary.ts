import { z } from "zod";
import { reviewSummaryPrompt } from "../../../prompts/index.js";
import { dateSchema, idSchema } from "../../domain/index.js";
import { defineJob, factLines } from "../job.js";
import { daysFromNow, formatDate } from "../wording.js";

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

/** A credential in words; an expired one says since when, never a negative day count. */
const credentialLine = (c: ReviewJobInput["credentials"][number]) => {
  if (c.expiresOn === null) return `${c.type} (no expiry)`;
  const on = formatDate(c.expiresOn, { weekday: false, year: true });
  if (c.daysUntilExpiry === null) return `${c.type} expires ${on}`;
  return c.daysUntilExpiry < 0
    ? `${c.type} expired ${on} (${daysFromNow(c.daysUntilExpiry)})`
    : `${c.type} expires ${on} (${daysFromNow(c.daysUntilExpiry)})`;
};

/** Punctuality in words, saying so when the window held no planned shifts at all. */
function punctualityLine(p: ReviewJobInput["punctuality"]): string {
  if (p.shifts === 0) {
    return `No planned shifts in the last ${p.windowDays} days, so there is no punctuality record for this window.`;
  }
  return `Punctuality over the last ${p.windowDays} days: ${p.shifts} planned shifts, ${p.onTime} on time, ${p.late} late, ${p.missing} with no clock-in.`;
}

export const reviewSummaryJob = defineJob({
  name: "review-summary",
  prompt: reviewSummaryPrompt,
  inputSchema: reviewInputSchema,
  subjects: (i) => [{ kind: "staff", id: i.staffId }],
  buildUserMessage: (i) =>
    factLines("Job: review summary. Submit with submit_review_summary.", [
      ["Center", i.centerName],
      ["Staff member", `${i.staffName} (staffId ${i.staffId}), ${i.role}`],
      ["Hired", i.hireDate],
      ["Review", `number ${i.reviewNumber}, due ${i.dueOn} (${daysFromNow(i.daysUntil)})`],
      [
        `Punctuality, last ${i.punctuality.windowDays} days`,
        i.punctuality.shifts === 0
          ? "no planned shifts in this window: no punctuality data (say so; do not describe punctuality)"
          : `${i.punctuality.shifts} planned shifts: ${i.punctuality.onTime} on time, ${i.punctuality.late} late (more than 5 minutes), ${i.punctuality.missing} with no clock-in`,
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
      `${i.staffName} (${i.role}), hired ${formatDate(i.hireDate, { weekday: false, year: true })}; review ${i.reviewNumber} is due ${formatDate(i.dueOn, { weekday: false, year: true })}.`,
      punctualityLine(p),
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
          toDiscuss: expiring.map((c) =>
            (c.daysUntilExpiry ?? 0) < 0
              ? `Renew ${c.type}: it expired ${formatDate(c.expiresOn ?? "", { weekday: false, year: true })}`
              : `Renew ${c.type} before ${formatDate(c.expiresOn ?? "", { weekday: false, year: true })}`,
          ),
        },
        platformCall: null,
      },
    ];
  },
});
