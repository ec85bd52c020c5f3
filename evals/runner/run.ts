/**
 * @module evals/runner/run
 * Runs suites and decides the verdict. Evals fail loudly: a scorer that throws, a dataset that does
 * not parse or a `prepare` that throws is a crash, and any crash fails the run; an offline suite
 * below its threshold (or outside a metric's bounds) fails it too.
 */
import { performance } from "node:perf_hooks";
import { loadJsonl } from "./dataset.js";
import { estimateCost, sumUsage } from "./pricing.js";
import {
  type CaseOutcome,
  type CaseResult,
  type EvalSuite,
  type Metric,
  OFFLINE_MODEL,
  type ScoredCase,
  type SuitePreparation,
  type SuiteReport,
  tokenUsageSchema,
} from "./types.js";

export interface ProgressListener {
  start(suite: string, total: number): void;
  tick(suite: string, done: number, total: number): void;
  end(suite: string): void;
}

const silent: ProgressListener = { start() {}, tick() {}, end() {} };

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function resultOf(
  c: { id: string; note: string },
  outcome: CaseOutcome,
  durationMs: number,
): CaseResult {
  const usage = (outcome.usage ?? []).map((u) => tokenUsageSchema.parse(u));
  if (outcome.kind === "not_scorable") {
    return {
      id: c.id,
      note: c.note,
      status: "not_scorable",
      score: 0,
      expected: null,
      actual: null,
      detail: outcome.reason,
      durationMs,
      usage,
    };
  }
  const score = Number.isFinite(outcome.score) ? Math.min(1, Math.max(0, outcome.score)) : 0;
  return {
    id: c.id,
    note: c.note,
    status: outcome.pass ? "pass" : "fail",
    score,
    expected: outcome.expected,
    actual: outcome.actual,
    detail: outcome.detail,
    durationMs,
    usage,
  };
}

function crashReport(
  suite: EvalSuite<never>,
  why: string,
  durationMs: number,
  preparation?: SuitePreparation,
): SuiteReport {
  return {
    name: suite.name,
    description: suite.description,
    offline: suite.offline,
    model: preparation?.model ?? (suite.offline ? OFFLINE_MODEL : "unknown"),
    promptVersions: preparation?.promptVersions ?? {},
    notRun: null,
    cases: 0,
    passed: 0,
    failed: 0,
    notScorable: 0,
    crashed: 1,
    score: 0,
    threshold: suite.threshold,
    metrics: [],
    status: "fail",
    failures: [`crashed: ${why}`],
    usage: [],
    cost: estimateCost([]),
    durationMs,
    results: [],
  };
}

/** Runs one suite's cases and scores the suite. Never throws: a crash is in the report. */
export async function runSuite<C extends { id: string; note: string }>(
  suite: EvalSuite<C>,
  progress: ProgressListener = silent,
): Promise<SuiteReport> {
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  const asAny = suite as unknown as EvalSuite<never>;
  let preparation: SuitePreparation;
  try {
    preparation = (await suite.prepare?.()) ?? { model: null, promptVersions: {} };
  } catch (error) {
    return crashReport(asAny, `prepare: ${errorText(error)}`, elapsed());
  }
  let cases: C[];
  try {
    cases = await loadJsonl(suite.dataset, suite.caseSchema);
  } catch (error) {
    return crashReport(asAny, `dataset: ${errorText(error)}`, elapsed(), preparation);
  }

  const results: CaseResult[] = new Array(cases.length);
  const scoredCases: ScoredCase<C>[] = new Array(cases.length);
  if (preparation.notRun === undefined) {
    progress.start(suite.name, cases.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i] as C;
        const s = performance.now();
        try {
          const outcome = await suite.score(c, preparation);
          results[i] = resultOf(c, outcome, Math.round(performance.now() - s));
          scoredCases[i] = { case: c, outcome };
        } catch (error) {
          results[i] = {
            id: c.id,
            note: c.note,
            status: "crash",
            score: 0,
            expected: null,
            actual: null,
            detail: `scorer threw: ${errorText(error)}`,
            durationMs: Math.round(performance.now() - s),
            usage: [],
          };
        }
        progress.tick(suite.name, ++done, cases.length);
      }
    };
    const lanes = Math.max(1, Math.min(suite.concurrency ?? 1, cases.length));
    await Promise.all(Array.from({ length: lanes }, worker));
    progress.end(suite.name);
  }

  const ran = preparation.notRun === undefined ? results : [];
  const count = (s: CaseResult["status"]) => ran.filter((r) => r.status === s).length;
  const passed = count("pass");
  const failed = count("fail");
  const crashed = count("crash");
  const notScorable = count("not_scorable");
  const counted = passed + failed + crashed;
  const score = counted === 0 ? 0 : passed / counted;

  const failures: string[] = [];
  let metrics: Metric[] = [];
  if (preparation.notRun === undefined && suite.metrics) {
    try {
      metrics = suite.metrics(scoredCases.filter((x) => x !== undefined));
    } catch (error) {
      failures.push(`crashed: metrics: ${errorText(error)}`);
    }
  }
  if (crashed > 0) failures.push(`${crashed} case(s) crashed`);
  if (preparation.notRun === undefined) {
    if (counted === 0) failures.push("no case was scored");
    else if (score < suite.threshold) {
      failures.push(
        `score ${(score * 100).toFixed(1)}% below threshold ${(suite.threshold * 100).toFixed(1)}%`,
      );
    }
    for (const m of metrics) {
      if (m.min !== undefined && m.value < m.min)
        failures.push(`${m.name} ${m.value} below ${m.min}`);
      if (m.max !== undefined && m.value > m.max)
        failures.push(`${m.name} ${m.value} above ${m.max}`);
    }
  }
  const usage = sumUsage(ran.flatMap((r) => r.usage));
  return {
    name: suite.name,
    description: suite.description,
    offline: suite.offline,
    model: preparation.model ?? OFFLINE_MODEL,
    promptVersions: preparation.promptVersions,
    notRun: preparation.notRun ?? null,
    cases: cases.length,
    passed,
    failed,
    notScorable,
    crashed,
    score,
    threshold: suite.threshold,
    metrics,
    status: preparation.notRun !== undefined ? "not_run" : failures.length > 0 ? "fail" : "pass",
    failures,
    usage,
    cost: estimateCost(usage),
    durationMs: elapsed(),
    results: ran,
  };
}

/**
 * Whether a suite's result fails the run: any crash does; below threshold only for an offline
 * suite (a model suite's score is reported, and judged by a person).
 */
export function failsRun(s: SuiteReport): boolean {
  if (s.crashed > 0 || s.failures.some((f) => f.startsWith("crashed"))) return true;
  return s.offline && s.status === "fail";
}
