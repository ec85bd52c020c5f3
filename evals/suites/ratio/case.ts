/**
 * @module evals/suites/ratio/case
 * One ratio case: a room under a pack (and maybe a center policy) and the decision the cited rules
 * call for. The room is exactly the ratio core's input (`roomInputSchema`), with `at` required.
 */
import { z } from "zod";
import { roomInputSchema, statusSchema } from "../../../src/rules/evaluation.js";
import { centerPolicySchema } from "../../../src/rules/pack.js";
import { caseBaseSchema } from "../../runner/types.js";

export const expectedDecisionSchema = z.object({
  status: statusSchema,
  requiredStaff: z.number().int().min(0),
  countedStaff: z.number().int().min(0),
  /** Children per staff of the governing band (a center policy applied), before any nap ratio. */
  ratio: z.number().int().positive(),
  maxGroup: z.number().int().positive().nullable(),
  groupSize: z.enum(["within", "exceeded", "no maximum"]),
  napRelaxation: z.boolean(),
});
export type ExpectedDecision = z.infer<typeof expectedDecisionSchema>;

export const ratioCaseSchema = caseBaseSchema.extend({
  pack: z.string().min(1),
  /** `hand`: worked out from the cited rule by a person; `labeller`: by label.ts from the doc. */
  labelledBy: z.enum(["hand", "labeller"]),
  room: roomInputSchema.extend({ at: z.iso.datetime() }),
  policy: centerPolicySchema.optional(),
  expected: expectedDecisionSchema,
});
export type RatioCase = z.infer<typeof ratioCaseSchema>;
export type RatioCaseInput = z.input<typeof ratioCaseSchema>;
