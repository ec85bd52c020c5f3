/**
 * @module evals/suites/triage/case
 * One labelled incident report: the teacher's text and the category and severity a director
 * would give it, decided from the text alone (never from what the code answers).
 */
import { z } from "zod";
import { severitySchema } from "../../../src/rules/index.js";
import { caseBaseSchema } from "../../runner/types.js";

export const categorySchema = z.enum([
  "injury",
  "illness",
  "allergy",
  "behavior",
  "property",
  "other",
]);
export type Category = z.infer<typeof categorySchema>;

export const triageCaseSchema = caseBaseSchema.extend({
  description: z.string().min(1),
  expected: z.object({ category: categorySchema, severity: severitySchema }),
});
export type TriageCase = z.infer<typeof triageCaseSchema>;

/** What a triage produced, alongside the deterministic floor it had to respect. */
export const triageActualSchema = z.object({
  category: z.string(),
  severity: severitySchema,
  floor: severitySchema,
});
export type TriageActual = z.infer<typeof triageActualSchema>;
