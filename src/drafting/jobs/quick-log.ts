import { z } from "zod";
import { quickLogPrompt } from "../../../prompts/index.js";
import { untrusted } from "../../agent/index.js";
import { dateSchema, idSchema, instantSchema } from "../../domain/index.js";
import { defineJob, factLines, type TemplateDraft } from "../job.js";
import { parseQuickLog } from "../quick-log.js";

export const quickLogInputSchema = z.object({
  childId: idSchema,
  childName: z.string(),
  roomId: idSchema.nullable(),
  date: dateSchema,
  timeZone: z.string(),
  /** e.g. `-08:00`, so the model can write instants without doing zone arithmetic. */
  utcOffset: z.string(),
  writtenAt: instantSchema,
  writtenBy: z.string().nullable(),
  /** Written by a person: untrusted. */
  text: z.string().min(1).max(4000),
});
export type QuickLogInput = z.infer<typeof quickLogInputSchema>;

export const quickLogJob = defineJob({
  name: "quick-log",
  prompt: quickLogPrompt,
  inputSchema: quickLogInputSchema,
  subjects: (i) => [{ kind: "child", id: i.childId }],
  buildUserMessage: (i) =>
    [
      factLines("Job: quick log. Submit with submit_structured_log.", [
        ["Child", `${i.childName} (childId ${i.childId})`],
        ["Date", i.date],
        ["Center UTC offset", i.utcOffset],
        ["Written at", i.writtenAt],
        ["Written by", i.writtenBy],
      ]),
      "The log as the teacher wrote it:",
      untrusted("quick_log", i.text),
    ].join("\n"),
  template(i, centerId) {
    const { entries, unparsed } = parseQuickLog(i.text, {
      date: i.date,
      timeZone: i.timeZone,
      writtenAt: new Date(i.writtenAt),
    });
    const drafts: TemplateDraft[] = [];
    if (entries.length > 0) {
      drafts.push({
        kind: "structured_log",
        target: i.childId,
        roomId: i.roomId,
        subject: i.childId,
        title: `Daily log: ${entries.length} entr${entries.length === 1 ? "y" : "ies"}`,
        draft: { childId: i.childId, entries, unparsed, text: i.text },
        platformCall: { centerId, op: "log.create", childId: i.childId, entries },
      });
    }
    // What no pattern placed is not dropped: it becomes a note in the teacher's own words.
    if (unparsed.length > 0) {
      const words = entries.length === 0 ? i.text.trim() : unparsed.join("\n");
      const body = `${words}\n\n(from ${i.writtenBy ?? "a teacher"}'s quick log)`.slice(0, 4000);
      drafts.push({
        kind: "note",
        target: i.childId,
        roomId: i.roomId,
        subject: i.childId,
        title: `Note from the quick log about ${i.childName.split(" ")[0] ?? i.childName}`,
        // `verbatim`: the teacher's words kept as written, not drafted text.
        draft: { childId: i.childId, body, verbatim: true },
        platformCall: { centerId, op: "note.create", childId: i.childId, body },
      });
    }
    return drafts;
  },
});
