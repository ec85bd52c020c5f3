import { z } from "zod";
import { incidentTriagePrompt } from "../../../prompts/index.js";
import { untrusted } from "../../agent/index.js";
import { idSchema, instantSchema, localTimeSchema } from "../../domain/index.js";
import { incidentCategory, severitySchema } from "../../rules/index.js";
import { defineJob, factLines, type TemplateDraft } from "../job.js";

export const incidentInputSchema = z.object({
  centerName: z.string(),
  incidentId: z.string(),
  roomId: idSchema.nullable(),
  roomName: z.string().nullable(),
  occurredAt: instantSchema,
  localTime: localTimeSchema,
  children: z.array(
    z.object({ childId: idSchema, name: z.string(), familyId: idSchema.nullable() }),
  ),
  reportedBy: z.string().nullable(),
  /** Written by a person: untrusted. */
  description: z.string(),
  severityFloor: severitySchema,
  floorBecause: z.array(z.string()),
});
export type IncidentJobInput = z.infer<typeof incidentInputSchema>;

export const incidentTriageJob = defineJob({
  name: "incident-triage",
  prompt: incidentTriagePrompt,
  inputSchema: incidentInputSchema,
  buildUserMessage: (i) =>
    [
      factLines("Job: incident triage. Submit with submit_incident_triage.", [
        ["Center", i.centerName],
        ["Incident", i.incidentId],
        ["Room", i.roomName === null ? null : `${i.roomName} (roomId ${i.roomId})`],
        ["Time", i.localTime],
        [
          "Children involved",
          i.children
            .map((c) => `${c.name} (childId ${c.childId}, familyId ${c.familyId ?? "none"})`)
            .join("; "),
        ],
        ["Reported by", i.reportedBy],
        ["Severity floor", i.severityFloor],
        ["Floor set by", i.floorBecause.length > 0 ? i.floorBecause.join("; ") : "no keyword"],
      ]),
      "The report as the teacher wrote it:",
      untrusted("incident_report", i.description),
    ].join("\n"),
  template(i, centerId) {
    const where = i.roomName ?? "the center";
    return i.children.flatMap((c): TemplateDraft[] => {
      if (c.familyId === null) return [];
      const first = c.name.split(" ")[0] ?? c.name;
      const subject = `Incident report for ${first}`;
      const body = [
        "Dear family,",
        `We want to let you know that ${first} had an incident today at ${i.localTime} in ${where}. Our teacher's report:`,
        i.description,
        `Please speak to us at pick-up or call us with any questions.\n\n${i.centerName}`,
      ].join("\n\n");
      const familyNote = { familyId: c.familyId, childId: c.childId, subject, body };
      return [
        {
          kind: "incident_triage",
          target: c.familyId,
          roomId: i.roomId,
          subject: i.incidentId,
          title: `Incident (${i.severityFloor}) in ${where} at ${i.localTime}`,
          draft: {
            category: incidentCategory(i.description, i.floorBecause),
            severity: i.severityFloor,
            severityFloor: i.severityFloor,
            summary: `Incident reported at ${i.localTime} in ${where}. Severity floor ${i.severityFloor}${i.floorBecause.length > 0 ? ` (${i.floorBecause.join("; ")})` : ""}. See the report below.`,
            routing: ["director"],
            familyNote,
          },
          platformCall: { centerId, op: "message.send", ...familyNote },
        },
      ];
    });
  },
});
