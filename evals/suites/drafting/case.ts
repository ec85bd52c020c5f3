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
  /** Text the draft must contain (a time, a fee, a room name, ...). */
  required: z.array(z.string()).default([]),
  maxWords: z.number().int().positive().default(180),
  maxGrade: z.number().positive().default(8),
  /** The checks that apply (a structured log has no reading level). */
  checks: z.array(z.enum(CHECK_NAMES)).default([...CHECK_NAMES]),
});
export type DraftingCase = z.infer<typeof draftingCaseSchema>;
