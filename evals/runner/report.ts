/**
 * @module evals/runner/report
 * The JSON and Markdown reports of a run. Each run writes `<stamp>-<suites>.json` and `.md` under
 * the reports folder, and copies them to `latest.json` / `latest.md` for an easy `--compare`.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { regressions } from "./compare.js";
import { estimateCost, sumUsage } from "./pricing.js";
import { failsRun } from "./run.js";
import { pct } from "./table.js";
import { type Comparison, OFFLINE_MODEL, type Report, type SuiteReport } from "./types.js";

/** The commit checked out, or "unknown" outside a git checkout. */
export function gitCommit(cwd = process.cwd()): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
}

export function buildReport(o: {
  date: Date;
  gitCommit: string;
  suites: SuiteReport[];
  durationMs: number;
  comparison: Comparison | null;
}): Report {
  const usage = sumUsage(o.suites.flatMap((s) => s.usage));
  const models = [...new Set(o.suites.map((s) => s.model).filter((m) => m !== OFFLINE_MODEL))];
  return {
    schemaVersion: 1,
    date: o.date.toISOString(),
    gitCommit: o.gitCommit,
    model: models.length === 0 ? OFFLINE_MODEL : models.sort().join(", "),
    suites: o.suites,
    usage,
    cost: estimateCost(usage),
    durationMs: o.durationMs,
    status: o.suites.some(failsRun) ? "fail" : "pass",
    comparison: o.comparison,
  };
}

const cell = (v: unknown) =>
  (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))
    .replaceAll("|", "\\|")
    .replaceAll("\n", " ");

export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# Eval report ${r.date}`, "");
  out.push(`- status: **${r.status.toUpperCase()}**`);
  out.push(`- git commit: \`${r.gitCommit}\``);
  out.push(`- model: ${r.model}`);
  out.push(`- duration: ${(r.durationMs / 1000).toFixed(1)} s`);
  const tokens = r.usage.map(
    (u) =>
      `${u.model}: ${u.inputTokens} in / ${u.outputTokens} out (cache ${u.cacheReadTokens} read, ${u.cacheWriteTokens} written)`,
  );
  out.push(`- token usage: ${tokens.length === 0 ? "none" : tokens.join("; ")}`);
  out.push(
    `- estimated cost: $${r.cost.usd.toFixed(4)} (estimate from list prices, ${r.cost.pricingSource}, as of ${r.cost.pricingAsOf}` +
      `${r.cost.unpricedModels.length > 0 ? `; not priced: ${r.cost.unpricedModels.join(", ")}` : ""})`,
  );
  if (r.comparison) {
    out.push(
      `- compared with: \`${r.comparison.against.path}\` (${r.comparison.against.date}, ${r.comparison.against.gitCommit})`,
    );
  }
  out.push(
    "",
    "| suite | cases | passed | failed | not scorable | crashed | score | threshold | status |",
  );
  out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const s of r.suites) {
    out.push(
      `| ${s.name} | ${s.cases} | ${s.passed} | ${s.failed} | ${s.notScorable} | ${s.crashed} | ${pct(s.score)} | ${pct(s.threshold)} | ${s.status}${s.notRun ? ` (${s.notRun})` : ""} |`,
    );
  }
  if (r.comparison) {
    const regs = regressions(r.comparison);
    out.push("", "## Compared with the earlier report", "");
    for (const s of r.comparison.suites) {
      const d =
        s.delta === null ? "n/a" : `${s.delta >= 0 ? "+" : ""}${(s.delta * 100).toFixed(1)} pts`;
      const n = (c: string) => s.cases.filter((x) => x.change === c).length;
      out.push(
        `- ${s.name}: score ${d}; ${n("regression")} regression(s), ${n("improvement")} improvement(s), ${n("unchanged")} unchanged, ${n("new")} new, ${n("removed")} removed`,
      );
    }
    if (regs.length > 0) {
      out.push("", "Regressions:", "", ...regs.map((x) => `- ${x.suite} / ${x.id}`));
    }
  }
  for (const s of r.suites) {
    out.push("", `## ${s.name}`, "", s.description, "");
    out.push(`- model: ${s.model}`);
    const pv = Object.entries(s.promptVersions).map(([k, v]) => `${k} v${v}`);
    out.push(`- prompt versions: ${pv.length === 0 ? "none" : pv.join(", ")}`);
    out.push(`- estimated cost: $${s.cost.usd.toFixed(4)}`);
    for (const f of s.failures) out.push(`- failure: ${f}`);
    for (const m of s.metrics) {
      out.push(`- ${m.name}: ${m.value}${m.detail ? `\n\n\`\`\`\n${m.detail}\n\`\`\`\n` : ""}`);
    }
    const bad = s.results.filter((x) => x.status !== "pass");
    out.push("", `${s.results.length - bad.length} of ${s.results.length} cases passed.`);
    if (bad.length > 0) {
      out.push(
        "",
        "| case | status | detail | expected | actual |",
        "| --- | --- | --- | --- | --- |",
      );
      for (const x of bad) {
        out.push(
          `| ${cell(x.id)} | ${x.status} | ${cell(x.detail)} | ${cell(x.expected)} | ${cell(x.actual)} |`,
        );
      }
    }
  }
  return `${out.join("\n")}\n`;
}

export async function writeReports(
  r: Report,
  dir: string,
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const stamp = r.date.replace(/[:.]/g, "-");
  const names = r.suites.map((s) => s.name).join("+") || "none";
  const base = join(dir, `${stamp}-${names}`);
  const json = `${base}.json`;
  const markdown = `${base}.md`;
  await writeFile(json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(markdown, renderMarkdown(r));
  await copyFile(json, join(dir, "latest.json"));
  await copyFile(markdown, join(dir, "latest.md"));
  return { json, markdown };
}
