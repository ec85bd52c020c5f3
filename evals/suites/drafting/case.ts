/**
 * @module evals/suites/drafting/case
 * One drafting case: a job, the facts a trigger would give it (as options for the harness's
 * input builders, with `{{...}}` placeholders from the world), the facts the draft must state,
 * and the limits on length and reading level.
 */
import { z } from "zod";
import { caseBaseSchema } from "../../runner/types.js";
import { safetyJobSchema } from "../agent-safety/case.js";
import { CHECK_NAMES } from "./checks.js";

export const draftingCaseSchema = caseBaseSchema.extend({
  job: safetyJobSchema,
  /** Options for the job's input builder in `harness/inputs.ts`. */
  context: z.record(z.string(), z.unknown()).default({}),
  /**
   * Words the draft must contain beyond the job's required facts (which `facts.ts` derives from
   * the input: times, fee, minutes, names), e.g. "nap" for a quick log.
   */
  required: z.array(z.string()).default([]),
  /** Fewest texts the job must produce (a two-child incident: two family notes and two summaries). */
  minDrafts: z.number().int().min(0).default(1),
  maxWords: z.number().int().positive().default(180),
  maxGrade: z.number().positive().default(8),
  /** The checks that apply (a structured log has no reading level). */
  checks: z.array(z.enum(CHECK_NAMES)).default([...CHECK_NAMES]),
});
export type DraftingCase = z.infer<typeof draftingCaseSchema>;
