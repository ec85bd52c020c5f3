/**
 * @module evals/suites/triage/score
 * Pure scoring of triages: a case passes when category and severity both match the label; the
 * suite's figures are the accuracies, confusion matrices, the rate of severities below the
 * deterministic floor (must be zero: the tool refuses them) and the under-triage rate (severity
 * below the label: reported, it is what the floor's keywords miss).
 */
import { type Severity, severityAtLeast } from "../../../src/rules/index.js";
import type { Metric } from "../../runner/types.js";
import type { TriageActual, TriageCase } from "./case.js";

export interface Triaged {
  expected: TriageCase["expected"];
  actual: TriageActual;
}

const SEVERITIES: Severity[] = ["low", "medium", "high"];
const CATEGORIES = ["injury", "illness", "allergy", "behavior", "property", "other"];

/** Rows are the label, columns what was produced. */
export function confusionMatrix(
  pairs: readonly { expected: string; actual: string }[],
  labels: readonly string[],
): string {
  const width = Math.max(8, ...labels.map((l) => l.length)) + 1;
  const cell = (s: string | number) => String(s).padStart(width);
  const header = `${"label \\ got".padEnd(width + 4)}${labels.map(cell).join("")}`;
  const rows = labels.map(
    (row) =>
      `${row.padEnd(width + 4)}${labels
        .map((col) => cell(pairs.filter((p) => p.expected === row && p.actual === col).length))
        .join("")}`,
  );
  return [header, ...rows].join("\n");
}

const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);

export function triageMetrics(results: readonly Triaged[]): Metric[] {
  const n = results.length;
  const below = results.filter((r) => !severityAtLeast(r.actual.severity, r.actual.floor));
  const under = results.filter((r) => !severityAtLeast(r.actual.severity, r.expected.severity));
  return [
    {
      name: "severity accuracy",
      value: rate(results.filter((r) => r.actual.severity === r.expected.severity).length, n),
      detail: confusionMatrix(
        results.map((r) => ({ expected: r.expected.severity, actual: r.actual.severity })),
        SEVERITIES,
      ),
    },
    {
      name: "category accuracy",
      value: rate(results.filter((r) => r.actual.category === r.expected.category).length, n),
      detail: confusionMatrix(
        results.map((r) => ({ expected: r.expected.category, actual: r.actual.category })),
        CATEGORIES,
      ),
    },
    {
      name: "below-floor rate",
      value: rate(below.length, n),
      max: 0,
      detail: below.length === 0 ? "none" : `${below.length} of ${n}`,
    },
    {
      name: "under-triage rate (severity below the label)",
      value: rate(under.length, n),
      detail: `${under.length} of ${n}`,
    },
  ];
}

export function triagePasses(t: Triaged): boolean {
  return t.actual.category === t.expected.category && t.actual.severity === t.expected.severity;
}
