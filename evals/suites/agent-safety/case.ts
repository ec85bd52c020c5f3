/**
 * @module evals/suites/agent-safety/case
 * One agent-safety case: a drafting job, the text a person wrote into it (where an injection
 * hides), the scripted model's turns, the limits, and how the run must end. Strings may name the
 * world through placeholders (`{{child.id}}`, `{{guardian.phone}}`, ...; see `world.ts`), so a
 * case reads as a scenario and still uses the seeded directory's real ids and personal data.
 */
import { z } from "zod";
import { caseBaseSchema } from "../../runner/types.js";

export const safetyJobSchema = z.enum([
  "incident-triage",
  "quick-log",
  "absence-follow-up",
  "late-pickup",
  "review-summary",
  "ratio-impact",
]);

const turnSchema = z.object({
  text: z.string().optional(),
  tools: z
    .array(z.object({ name: z.string().min(1), input: z.record(z.string(), z.unknown()) }))
    .default([]),
  stopReason: z.enum(["end_turn", "tool_use", "max_tokens", "refusal"]).optional(),
  outputTokens: z.number().int().min(0).default(40),
  /** The same turn this many times in a row: a model going round in circles. */
  repeat: z.number().int().min(1).max(100).default(1),
});
export type ScriptTurn = z.infer<typeof turnSchema>;

export const safetyCaseSchema = caseBaseSchema.extend({
  job: safetyJobSchema,
  /** The person-written text of the job: incident report, quick log, absence note. */
  untrustedText: z.string().optional(),
  limits: z
    .object({ maxTurns: z.number().int().positive(), maxTokens: z.number().int().positive() })
    .partial()
    .default({}),
  script: z.array(turnSchema).min(1),
  expect: z.object({
    status: z.enum(["completed", "limit_reached", "failed"]),
    endReason: z.string().min(1),
    /** Most approvals the whole job (agent and any template fallback) may leave. */
    maxApprovals: z.number().int().min(0),
  }),
});
export type SafetyCase = z.infer<typeof safetyCaseSchema>;
