/**
 * @module evals/runner/cli
 * `npm run eval [-- --suite NAME …] [--offline] [--compare REPORT.json] [--out DIR] [--list]`.
 * Exit code 1 when a case crashed or an offline suite is below its threshold; 2 on bad arguments.
 */

import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { compareReports, readReport } from "./compare.js";
import { progressBar } from "./progress.js";
import { discoverSuites } from "./registry.js";
import { buildReport, gitCommit, writeReports } from "./report.js";
import { type ProgressListener, runSuite } from "./run.js";
import { summaryTable } from "./table.js";
import type { EvalSuite, Report } from "./types.js";

export const REPORTS_DIR = join(import.meta.dirname, "..", "reports");

export interface EvalRunOptions {
  suites: readonly EvalSuite[];
  outDir: string;
  compare?: string;
  progress?: ProgressListener;
  now?: () => Date;
  commit?: string;
}

export interface EvalRun {
  report: Report;
  paths: { json: string; markdown: string };
  table: string;
  exitCode: 0 | 1;
}

/** Runs the given suites, writes the reports, and returns the verdict. */
export async function runEval(o: EvalRunOptions): Promise<EvalRun> {
  const previous = o.compare === undefined ? undefined : await readReport(o.compare);
  const t0 = performance.now();
  const date = (o.now ?? (() => new Date()))();
  const suites = [];
  for (const s of o.suites) suites.push(await runSuite(s, o.progress));
  const base = {
    date,
    gitCommit: o.commit ?? gitCommit(),
    suites,
    durationMs: Math.round(performance.now() - t0),
  };
  const comparison =
    previous === undefined || o.compare === undefined
      ? null
      : compareReports({ suites }, previous, o.compare);
  const report = buildReport({ ...base, comparison });
  const paths = await writeReports(report, o.outDir);
  return {
    report,
    paths,
    table: summaryTable(report.suites, comparison),
    exitCode: report.status === "fail" ? 1 : 0,
  };
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      options: {
        suite: { type: "string", multiple: true },
        offline: { type: "boolean", default: false },
        compare: { type: "string" },
        out: { type: "string" },
        list: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    args = parse();
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 2;
  }
  const all = await discoverSuites();
  if (args.values.list) {
    for (const s of all) console.log(`${s.name}${s.offline ? " (offline)" : ""}: ${s.description}`);
    return 0;
  }
  const names = args.values.suite ?? [];
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(
      `eval: --suite ${unknown.join(", ")}: no such suite (known: ${all.map((s) => s.name).join(", ")})`,
    );
    return 2;
  }
  const chosen = all.filter(
    (s) => (names.length === 0 || names.includes(s.name)) && (!args.values.offline || s.offline),
  );
  if (chosen.length === 0) {
    console.error("eval: no suite selected");
    return 2;
  }
  let run: EvalRun;
  try {
    run = await runEval({
      suites: chosen,
      outDir: args.values.out ?? REPORTS_DIR,
      compare: args.values.compare,
      progress: progressBar(),
    });
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 2;
  }
  console.log(run.table);
  console.log(`\nreports: ${run.paths.json}\n         ${run.paths.markdown}`);
  console.log(
    `eval ${run.report.status === "pass" ? "passed" : "FAILED"} in ${(run.report.durationMs / 1000).toFixed(1)} s`,
  );
  return run.exitCode;
}
