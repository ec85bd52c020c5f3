/**
 * @module evals/runner/types
 * What a suite is and what a run reports. A suite is a JSONL dataset (one case per line, each with
 * an `id` and a `note` saying why it exists), a zod schema for its cases and a scorer. The report
 * shapes are zod schemas because reports are read back (`--compare`) and must be checked then.
 */
import { z } from "zod";

/** Tokens spent by one model call (or a sum of them), per model. */
export const tokenUsageSchema = z.object({
  model: z.string().min(1),
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  cacheReadTokens: z.number().int().min(0).default(0),
  cacheWriteTokens: z.number().int().min(0).default(0),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;
export type TokenUsageInput = z.input<typeof tokenUsageSchema>;

/** The fields every case line carries, whatever else its suite adds. */
export const caseBaseSchema = z.object({
  id: z.string().min(1),
  /** Why the case exists and how its label was decided. */
  note: z.string().min(1),
});

/** What a scorer says about one case. */
export type CaseOutcome =
  | {
      kind: "scored";
      pass: boolean;
      /** 0..1; 1 or 0 for an exact-match scorer. */
      score: number;
      expected: unknown;
      actual: unknown;
      /** One line on why it failed (or what was checked). */
      detail: string;
      usage?: TokenUsageInput[];
    }
  | { kind: "not_scorable"; reason: string; usage?: TokenUsageInput[] };

export function scored(o: {
  pass: boolean;
  score?: number;
  expected: unknown;
  actual: unknown;
  detail?: string;
  usage?: TokenUsageInput[];
}): CaseOutcome {
  return {
    kind: "scored",
    pass: o.pass,
    score: o.score ?? (o.pass ? 1 : 0),
    expected: o.expected,
    actual: o.actual,
    detail: o.detail ?? (o.pass ? "match" : "mismatch"),
    ...(o.usage ? { usage: o.usage } : {}),
  };
}

/** The case cannot be scored in this run (e.g. needs a key); it is listed, not counted. */
export function notScorable(reason: string, usage?: TokenUsageInput[]): CaseOutcome {
  return { kind: "not_scorable", reason, ...(usage ? { usage } : {}) };
}

/** What a suite knows before its cases run: the model it calls, the prompts it uses. */
export interface SuitePreparation {
  /** The model id the suite calls; null for an offline suite. */
  model: string | null;
  /** Prompt name → version (e.g. `{ "family-message": "3" }`); empty for the core suites. */
  promptVersions: Record<string, string>;
  /** Set when the whole suite cannot run here (e.g. "not run: no key"); no case is scored. */
  notRun?: string;
}

/**
 * A suite-level figure beyond the pass rate (e.g. triage's rate of severity below the floor),
 * with an optional limit of its own.
 */
export const metricSchema = z.object({
  name: z.string().min(1),
  value: z.number(),
  /** The run fails the suite when the value is outside these bounds. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Free-form detail for the Markdown report (e.g. a confusion matrix as text). */
  detail: z.string().optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export interface ScoredCase<C> {
  case: C;
  outcome: CaseOutcome;
}

/**
 * One suite. `C` is the parsed case type (`z.infer` of `caseSchema`). A later suite (agent-safety,
 * drafting, triage) is one file `evals/suites/<name>/suite.ts` whose default export is an
 * `EvalSuite`; the registry finds it.
 */
export interface EvalSuite<C extends { id: string; note: string } = { id: string; note: string }> {
  name: string;
  description: string;
  /**
   * Offline suites call no model and no network; they run in CI, and a score below the threshold
   * fails the run. A suite that is not offline reports its score against the threshold but only
   * a crash fails the run.
   */
  offline: boolean;
  /** Absolute path of the JSONL dataset. */
  dataset: string;
  caseSchema: z.ZodType<C>;
  /** Minimum pass rate (passed / scored cases), 0..1. */
  threshold: number;
  /** Called once before the cases; absent means offline with no prompts. */
  prepare?: () => Promise<SuitePreparation> | SuitePreparation;
  /** Scores one case. A throw is a crash, which fails the run. */
  score: (c: C, preparation: SuitePreparation) => Promise<CaseOutcome> | CaseOutcome;
  /** Suite-level figures computed from every case, after the run. */
  metrics?: (results: readonly ScoredCase<C>[]) => Metric[];
  /** Cases run at once; default 1 (model suites may raise it). */
  concurrency?: number;
}

export const caseStatusSchema = z.enum(["pass", "fail", "not_scorable", "crash"]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseResultSchema = z.object({
  id: z.string(),
  note: z.string(),
  status: caseStatusSchema,
  score: z.number(),
  expected: z.unknown(),
  actual: z.unknown(),
  detail: z.string(),
  durationMs: z.number(),
  usage: z.array(tokenUsageSchema),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

export const costSchema = z.object({
  usd: z.number(),
  /** Always true: prices are list prices from a dated table, not an invoice. */
  estimate: z.literal(true),
  pricingSource: z.string(),
  pricingAsOf: z.string(),
  /** Models that were used but have no price in the table (their cost is not included). */
  unpricedModels: z.array(z.string()),
});
export type Cost = z.infer<typeof costSchema>;

export const suiteStatusSchema = z.enum(["pass", "fail", "not_run"]);

export const suiteReportSchema = z.object({
  name: z.string(),
  description: z.string(),
  offline: z.boolean(),
  model: z.string(),
  promptVersions: z.record(z.string(), z.string()),
  notRun: z.string().nullable(),
  cases: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  notScorable: z.number().int(),
  crashed: z.number().int(),
  /** passed / (passed + failed + crashed); 0 when nothing was scored. */
  score: z.number(),
  threshold: z.number(),
  metrics: z.array(metricSchema),
  status: suiteStatusSchema,
  /** Why the suite failed, one line each. */
  failures: z.array(z.string()),
  usage: z.array(tokenUsageSchema),
  cost: costSchema,
  durationMs: z.number(),
  results: z.array(caseResultSchema),
});
export type SuiteReport = z.infer<typeof suiteReportSchema>;

export const changeSchema = z.enum(["regression", "improvement", "unchanged", "new", "removed"]);
export type Change = z.infer<typeof changeSchema>;

export const comparisonSchema = z.object({
  against: z.object({ path: z.string(), date: z.string(), gitCommit: z.string() }),
  suites: z.array(
    z.object({
      name: z.string(),
      scoreBefore: z.number().nullable(),
      scoreAfter: z.number(),
      delta: z.number().nullable(),
      cases: z.array(
        z.object({
          id: z.string(),
          change: changeSchema,
          before: caseStatusSchema.nullable(),
          after: caseStatusSchema.nullable(),
        }),
      ),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  date: z.string(),
  gitCommit: z.string(),
  /** The models the run called, or "none — offline". */
  model: z.string(),
  suites: z.array(suiteReportSchema),
  usage: z.array(tokenUsageSchema),
  cost: costSchema,
  durationMs: z.number(),
  status: z.enum(["pass", "fail"]),
  comparison: comparisonSchema.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

export const OFFLINE_MODEL = "none — offline";
