import { z } from "zod";
import { incidentTriagePrompt } from "../../../prompts/index.js";
import { untrusted } from "../../agent/index.js";
import { idSchema, instantSchema, localTimeSchema } from "../../domain/index.js";
import { type IncidentCategory, incidentCategory, severitySchema } from "../../rules/index.js";
import { defineJob, factLines, type TemplateDraft } from "../job.js";
import { clockSchema, formatTime } from "../wording.js";

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
  clock: clockSchema.default("12h"),
});
export type IncidentJobInput = z.infer<typeof incidentInputSchema>;

/** What happened to the child, in plain words, from the category alone. */
const happened: Record<IncidentCategory, (first: string) => string> = {
  injury: (f) => `${f} was hurt`,
  illness: (f) => `${f} was unwell`,
  allergy: (f) => `${f} may have had an allergic reaction`,
  behavior: (f) => `${f} was part of a difficult moment with other children`,
  property: (f) => `something of ${f}'s was damaged or lost`,
  other: (f) => `${f} was involved in an incident`,
};

/** The rules' labels without the report's words they quote: `head injury ("forehead")` → `head injury`. */
const labels = (because: readonly string[]) => [
  ...new Set(because.map((b) => b.replace(/\s*[("].*$/, "").trim()).filter(Boolean)),
];

/**
 * The note to one child's family, from the structured facts only: the report itself may name
 * other children and carry staff remarks, so none of its text is quoted.
 */
function familyNoteBody(i: IncidentJobInput, first: string, category: IncidentCategory): string {
  const when = formatTime(i.localTime, i.clock);
  const where = i.roomName ? ` in ${i.roomName}` : "";
  const noted = labels(i.floorBecause);
  return [
    "Dear family,",
    `We want to let you know that today at ${when}${where}, ${happened[category](first)}.${noted.length > 0 ? ` Our report notes: ${noted.join(", ")}.` : ""}`,
    i.severityFloor === "high"
      ? `The director will call you today to talk it through.`
      : `Our teacher wrote a report and the director has read it. Please speak to us at pick-up or call us with any questions.`,
    i.centerName,
  ].join("\n\n");
}

export const incidentTriageJob = defineJob({
  name: "incident-triage",
  prompt: incidentTriagePrompt,
  inputSchema: incidentInputSchema,
  subjects: (i) =>
    i.children.flatMap((c) =>
      c.familyId === null
        ? []
        : [{ kind: "family" as const, id: c.familyId, childIds: [c.childId] }],
    ),
  buildUserMessage: (i) =>
    [
      factLines("Job: incident triage. Submit with submit_incident_triage.", [
        ["Center", i.centerName],
        ["Incident", i.incidentId],
        ["Room", i.roomName === null ? null : `${i.roomName} (roomId ${i.roomId})`],
        ["Time", formatTime(i.localTime, i.clock)],
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
    const when = formatTime(i.localTime, i.clock);
    const category = incidentCategory(i.description, i.floorBecause);
    return i.children.flatMap((c): TemplateDraft[] => {
      if (c.familyId === null) return [];
      const first = c.name.split(" ")[0] ?? c.name;
      const subject = `About ${first} today`;
      const body = familyNoteBody(i, first, category);
      const familyNote = { familyId: c.familyId, childId: c.childId, subject, body };
      return [
        {
          kind: "incident_triage",
          target: c.familyId,
          roomId: i.roomId,
          subject: i.incidentId,
          title: `Incident (${i.severityFloor}) in ${where} at ${when}`,
          draft: {
            category,
            severity: i.severityFloor,
            severityFloor: i.severityFloor,
            summary: `Incident reported at ${when} in ${where}. Severity floor ${i.severityFloor}${i.floorBecause.length > 0 ? ` (${i.floorBecause.join("; ")})` : ""}. The teacher's report is in the job's facts.`,
            routing: ["director"],
            familyNote,
          },
          platformCall: { centerId, op: "message.send", ...familyNote },
        },
      ];
    });
  },
});
