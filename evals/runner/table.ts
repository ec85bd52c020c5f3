/**
 * @module evals/runner/table
 * The plain-text summary printed at the end of a run (no dependency: columns padded by hand).
 */
import { regressions } from "./compare.js";
import type { Comparison, SuiteReport } from "./types.js";

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function renderTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const [head, ...body] = rows;
  if (head === undefined) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function statusCell(s: SuiteReport): string {
  if (s.status === "not_run") return `NOT RUN (${s.notRun})`;
  if (s.status === "pass") return "PASS";
  return s.offline ? "FAIL" : "FAIL (not gating)";
}

export function summaryTable(
  suites: readonly SuiteReport[],
  comparison: Comparison | null,
): string {
  const delta = (name: string) => {
    const d = comparison?.suites.find((s) => s.name === name)?.delta;
    return d === undefined || d === null ? "" : `${d >= 0 ? "+" : ""}${(d * 100).toFixed(1)}`;
  };
  const head = ["suite", "cases", "passed", "score", "threshold", "status"];
  if (comparison) head.push("Δ score (pts)");
  const rows = [
    head,
    ...suites.map((s) => {
      const row = [
        s.name,
        String(s.cases),
        s.status === "not_run" ? "-" : String(s.passed),
        s.status === "not_run" ? "-" : pct(s.score),
        pct(s.threshold),
        statusCell(s),
      ];
      if (comparison) row.push(delta(s.name));
      return row;
    }),
  ];
  const out = [renderTable(rows)];
  for (const s of suites) {
    for (const f of s.failures) out.push(`${s.name}: ${f}`);
    for (const r of s.results.filter((x) => x.status === "fail" || x.status === "crash")) {
      out.push(`  ${r.status} ${r.id}: ${r.detail}`);
    }
  }
  if (comparison) {
    const regs = regressions(comparison);
    out.push(
      regs.length === 0
        ? `No regressions against ${comparison.against.path}.`
        : `Regressions against ${comparison.against.path}:\n${renderTable([
            ["suite", "case"],
            ...regs.map((r) => [r.suite, r.id]),
          ])}`,
    );
    const imp = comparison.suites.flatMap((s) =>
      s.cases.filter((c) => c.change === "improvement").map((c) => `${s.name}/${c.id}`),
    );
    if (imp.length > 0) out.push(`Improvements: ${imp.join(", ")}`);
  }
  return out.join("\n");
}
