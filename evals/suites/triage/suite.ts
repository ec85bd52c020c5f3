/**
 * @module evals/suites/triage/suite
 * The triage suite. Offline it scores what runs without a key: the deterministic severity floor
 * (`rules/incident-severity`) and the incident job's template drafter, through the same input
 * the drafting trigger builds. A case passes when category and severity both match the label.
 */
import { join } from "node:path";
import { incidentTriageJob } from "../../../src/drafting/jobs/index.js";
import { incidentInput } from "../../harness/inputs.js";
import { evalCenter } from "../../harness/world.js";
import { type EvalSuite, scored } from "../../runner/types.js";
import {
  type TriageActual,
  type TriageCase,
  triageActualSchema,
  triageCaseSchema,
} from "./case.js";
import { type Triaged, triageMetrics, triagePasses } from "./score.js";

/** The template path's triage of one report. */
export function templateTriage(description: string): TriageActual {
  const center = evalCenter();
  const input = incidentInput(center, { description });
  const draft = incidentTriageJob.template(input, center.id)[0]?.draft;
  return triageActualSchema.parse({ ...draft, floor: input.severityFloor });
}

const suite: EvalSuite<TriageCase> = {
  name: "triage",
  description:
    "Labelled incident reports (category, severity) triaged by the deterministic floor and the " +
    "template drafter; accuracy, confusion matrices, below-floor rate (must be 0).",
  offline: true,
  dataset: join(import.meta.dirname, "cases.jsonl"),
  caseSchema: triageCaseSchema,
  // Set from what a miss costs, not from the score of the day. Safety rests on the severity
  // floor, bounded on its own (the below-floor rate must be 0). A case that fails here is a triage
  // the director must correct before approving (category or severity changed); a director who has
  // to fix more than one draft in ten stops reading them as drafts to send. So: at most 1 in 10.
  threshold: 0.9,
  prepare: () => ({
    model: "template (deterministic floor)",
    promptVersions: { [incidentTriageJob.prompt.id]: incidentTriageJob.prompt.version },
  }),
  score: (c) => {
    const actual = templateTriage(c.description);
    const t: Triaged = { expected: c.expected, actual };
    const pass = triagePasses(t);
    return scored({
      pass,
      score:
        (Number(actual.category === c.expected.category) +
          Number(actual.severity === c.expected.severity)) /
        2,
      expected: c.expected,
      actual,
      detail: pass
        ? "category and severity as labelled"
        : `expected ${c.expected.category}/${c.expected.severity}, got ${actual.category}/${actual.severity} (floor ${actual.floor})`,
    });
  },
  metrics: (results) =>
    triageMetrics(
      results.flatMap((r) =>
        r.outcome.kind === "scored"
          ? [{ expected: r.case.expected, actual: triageActualSchema.parse(r.outcome.actual) }]
          : [],
      ),
    ),
};

export default suite;
