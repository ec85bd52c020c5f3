/**
 * @module drafting/job
 * What a drafting job is: its prompt, the zod schema of the facts the deterministic core decided
 * (stored as the job's input), the user message those facts become for the model, and a plain
 * template drafter that proposes without a model.
 */
import type { z } from "zod";
import type { DraftSubject, PromptSpec } from "../agent/index.js";
import type { ApprovalKind, PlatformCall } from "../approvals/index.js";

/** A draft before it becomes an approval: the runner adds the keys, source and provenance. */
export interface TemplateDraft {
  kind: ApprovalKind;
  /** Who the draft is about (family, child or staff id), for the dedupe key. */
  target: string;
  roomId: string | null;
  subject: string | null;
  title: string;
  draft: Record<string, unknown>;
  platformCall: PlatformCall | null;
}

export interface DraftingJob<S extends z.ZodType = z.ZodType> {
  name: string;
  prompt: PromptSpec;
  inputSchema: S;
  buildUserMessage(input: z.infer<S>): string;
  template(input: z.infer<S>, centerId: string): TemplateDraft[];
  /** Whom the job drafts for: the run completes only with an on-target draft for each. */
  subjects(input: z.infer<S>): DraftSubject[];
  /**
   * Why this input is drafted by the template alone (e.g. a pick-up time the platform never
   * reported: nothing for a model to word), or null to ask the model.
   */
  templateOnly?(input: z.infer<S>): string | null;
}

export function defineJob<S extends z.ZodType>(job: DraftingJob<S>): DraftingJob {
  return job as unknown as DraftingJob;
}

/** `Key: value` lines, the shape every job's user message takes. */
export function factLines(title: string, facts: [string, string | number | null][]): string {
  return [title, ...facts.map(([k, v]) => `${k}: ${v === null ? "(none)" : String(v)}`)].join("\n");
}
