import { z } from "zod";
import { ratioImpactPrompt } from "../../../prompts/index.js";
import type { DraftSubject } from "../../agent/index.js";
import { dateSchema, idSchema, localTimeSchema } from "../../domain/index.js";
import { defineJob, factLines, type TemplateDraft } from "../job.js";
import { clockSchema, formatDate, formatTime, salutation } from "../wording.js";

export const ratioImpactInputSchema = z.object({
  centerName: z.string(),
  roomId: idSchema,
  roomName: z.string(),
  date: dateSchema,
  since: localTimeSchema,
  status: z.string(),
  /** The evaluation's arithmetic, e.g. "8 children need 2 staff; 1 counted". */
  ratioLines: z.array(z.string()),
  /** What the center will do, as the director's standing plan says. */
  plan: z.string(),
  families: z.array(
    z.object({
      familyId: idSchema,
      familyName: z.string(),
      childId: idSchema,
      childName: z.string(),
    }),
  ),
  /** Absent in jobs queued before clocks existed: 12-hour. */
  clock: clockSchema.optional(),
});
export type RatioImpactInput = z.infer<typeof ratioImpactInputSchema>;

export const ratioImpactJob = defineJob({
  name: "ratio-impact",
  prompt: ratioImpactPrompt,
  inputSchema: ratioImpactInputSchema,
  // One message per family, about its children in the room (a family may have two there).
  subjects: (i) => {
    const byFamily = new Map<string, string[]>();
    for (const f of i.families)
      byFamily.set(f.familyId, [...(byFamily.get(f.familyId) ?? []), f.childId]);
    return [...byFamily].map(([id, childIds]): DraftSubject => ({ kind: "family", id, childIds }));
  },
  buildUserMessage: (i) =>
    factLines("Job: ratio impact notice. Call propose_family_message once per family listed.", [
      ["Center", i.centerName],
      ["Room", `${i.roomName} (roomId ${i.roomId})`],
      ["Date", `${i.date} (${formatDate(i.date)})`],
      ["Out of ratio since", formatTime(i.since, i.clock ?? "12h")],
      [
        "Write times as",
        (i.clock ?? "12h") === "12h" ? "12-hour, e.g. 3:10 PM" : "24-hour, e.g. 15:10",
      ],
      ["Status", i.status],
      ["Ratio", i.ratioLines.join(" ")],
      ["Plan", i.plan],
      [
        "Families",
        i.families
          .map(
            (f) =>
              `${f.familyName} (familyId ${f.familyId}) for ${f.childName} (childId ${f.childId})`,
          )
          .join("; "),
      ],
    ]),
  template(i, centerId) {
    return i.families.map((f): TemplateDraft => {
      const first = f.childName.split(" ")[0] ?? f.childName;
      const subject = `${i.roomName} today: staffing change`;
      const body = [
        salutation(f.familyName),
        `${i.roomName} has been short-staffed since ${formatTime(i.since, i.clock ?? "12h")} today, ${formatDate(i.date)}. ${i.plan}`,
        `${first} stays with familiar teachers wherever we can manage it. We are sorry for the disruption, and we will let you know as soon as the room is fully staffed again.`,
        i.centerName,
      ].join("\n\n");
      return {
        kind: "family_message",
        target: f.familyId,
        roomId: i.roomId,
        subject: f.childId,
        title: `Staffing notice: ${i.roomName}`,
        draft: { familyId: f.familyId, childId: f.childId, subject, body },
        platformCall: {
          centerId,
          op: "message.send",
          familyId: f.familyId,
          childId: f.childId,
          subject,
          body,
        },
      };
    });
  },
});
