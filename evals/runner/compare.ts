/**
 * @module evals/runner/compare
 * A run against an earlier report: each case marked regression (passed before, not now),
 * improvement (not passed before, passes now), unchanged, new or removed, and each suite's score
 * delta. A case that was not scorable or not run on either side is unchanged unless it now passes
 * or fails where it could not be scored before.
 */
import { readFile } from "node:fs/promises";
import {
  type CaseStatus,
  type Change,
  type Comparison,
  type Report,
  reportSchema,
} from "./types.js";

export async function readReport(path: string): Promise<Report> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`--compare ${path}: cannot read a report (${(error as Error).message})`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `--compare ${path}: not an eval report (${issue?.path.join(".") || "(root)"}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

function change(before: CaseStatus | null, after: CaseStatus | null): Change {
  if (before === null) return "new";
  if (after === null) return "removed";
  if (before === "pass" && after !== "pass" && after !== "not_scorable") return "regression";
  if (before !== "pass" && after === "pass") return "improvement";
  return "unchanged";
}

export function compareReports(
  current: Pick<Report, "suites">,
  previous: Report,
  previousPath: string,
): Comparison {
  return {
    against: { path: previousPath, date: previous.date, gitCommit: previous.gitCommit },
    suites: current.suites.map((suite) => {
      const old = previous.suites.find((s) => s.name === suite.name);
      const before = new Map((old?.results ?? []).map((r) => [r.id, r.status]));
      const after = new Map(suite.results.map((r) => [r.id, r.status]));
      const ids = [...new Set([...before.keys(), ...after.keys()])];
      const comparable = old !== undefined && old.notRun === null && suite.notRun === null;
      return {
        name: suite.name,
        scoreBefore: comparable ? old.score : null,
        scoreAfter: suite.score,
        delta: comparable ? suite.score - old.score : null,
        cases: ids.map((id) => {
          const b = before.get(id) ?? null;
          const a = after.get(id) ?? null;
          return { id, change: change(b, a), before: b, after: a };
        }),
      };
    }),
  };
}

export function regressions(c: Comparison): { suite: string; id: string }[] {
  return c.suites.flatMap((s) =>
    s.cases.filter((x) => x.change === "regression").map((x) => ({ suite: s.name, id: x.id })),
  );
}
