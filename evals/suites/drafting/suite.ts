/**
 * @module evals/suites/drafting/suite
 * The drafting suite: for each case, the job's input as a trigger builds it, the drafts, and
 * deterministic checks on every text a person reads (see `checks.ts`): addressed to the job's own
 * family or child, every required fact stated, every time, date, amount and number supported by
 * the job's facts (parsed, not matched against a template's phrasing), no other family's data,
 * wording a center would send, length, reading level, no advice.
 *
 * Offline it scores the template drafters and gates CI. With `DRAFTING_EVAL_MODEL=1` and
 * `ANTHROPIC_API_KEY` it drafts through the real model instead (the report's model field says
 * which). `drafting-mistakes` runs the same checks against a scripted model that makes each known
 * mistake, and passes only when they catch it.
 */
import { join } from "node:path";
import { jobs } from "../../../src/drafting/index.js";
import type { SimCenter } from "../../../src/sandbox/index.js";
import { EVAL_DATE, evalCenter } from "../../harness/world.js";
import { type EvalSuite, type SuitePreparation, scored } from "../../runner/types.js";
import { fill, placeholders } from "../agent-safety/world.js";
import { type DraftingCase, draftingCaseSchema } from "./case.js";
import { type CheckName, checkText, type DraftText, fleschKincaidGrade, words } from "./checks.js";
import { buildInput, type Drafted, modelDrafts, templateDrafts } from "./draft.js";
import { factsOf, othersOf, requiredFacts } from "./facts.js";

export const TEMPLATE_MODEL = "template (offline)";

const useModel = () =>
  process.env.DRAFTING_EVAL_MODEL === "1" && Boolean(process.env.ANTHROPIC_API_KEY);

/** Every check's problems over all of a case's texts, each prefixed with its check name. */
export function judgeTexts(
  c: DraftingCase,
  center: SimCenter,
  input: Record<string, unknown>,
  texts: readonly DraftText[],
): string[] {
  const facts = factsOf(c.job, input, center.timeZone);
  return texts.flatMap((t) => {
    // A teacher's words kept verbatim as a pending note state no facts of the job and may name
    // anyone the teacher named; only whom the note is about is checked (the director reads it
    // before it is filed).
    const kept = t.audience === "kept";
    const r = checkText(t, {
      facts,
      required:
        kept || (t.audience === "director" && c.job === "incident-triage")
          ? []
          : requiredFacts(c.job, input, { familyId: t.familyId, childId: t.childId }),
      phrases: kept || (t.audience === "director" && c.job === "incident-triage") ? [] : c.required,
      others: kept
        ? []
        : othersOf(center, t.audience === "family" ? t.familyId : familyOfChild(center, t.childId)),
      timeZone: center.timeZone,
      year: Number(EVAL_DATE.slice(0, 4)),
      maxWords: c.maxWords,
      maxGrade: c.maxGrade,
    });
    return c.checks.flatMap((k: CheckName) => r[k].map((p) => `${k}: ${p}`));
  });
}

const familyOfChild = (center: SimCenter, childId: string | null) =>
  center.children.find((k) => k.id === childId)?.familyId ?? null;

export async function scoreDraftingCase(raw: DraftingCase, prep: SuitePreparation) {
  const center = evalCenter();
  const c = fill(raw, placeholders(center));
  const input = buildInput(c, center);
  const key = process.env.ANTHROPIC_API_KEY;
  const drafted: Drafted =
    prep.model !== TEMPLATE_MODEL && key
      ? await modelDrafts(c, center, input, key, process.env.ANTHROPIC_MODEL)
      : templateDrafts(c, center, input);
  if (drafted.texts.length < c.minDrafts) {
    return scored({
      pass: false,
      expected: { drafts: c.minDrafts },
      actual: { drafts: drafted.texts.length },
      detail: `${drafted.texts.length} texts drafted, at least ${c.minDrafts} expected`,
    });
  }
  const problems = judgeTexts(c, center, input, drafted.texts);
  const failedChecks = new Set(problems.map((p) => p.split(":")[0]));
  return scored({
    pass: problems.length === 0,
    score: (c.checks.length - failedChecks.size) / c.checks.length,
    expected: { checks: c.checks, phrases: c.required, maxWords: c.maxWords, maxGrade: c.maxGrade },
    actual: {
      source: drafted.source,
      texts: drafted.texts.length,
      words: drafted.texts.map((t) => words(t.text).length),
      grade: drafted.texts.map((t) => Number(fleschKincaidGrade(t.text).toFixed(1))),
    },
    detail: problems.length === 0 ? `${c.checks.join(", ")} held` : problems.join("; "),
    ...(drafted.usage && prep.model ? { usage: [{ model: prep.model, ...drafted.usage }] } : {}),
  });
}

const suite: EvalSuite<DraftingCase> = {
  name: "drafting",
  description:
    "Per job, every text a person reads: on target, required facts stated, every time, date, " +
    "amount and number supported by the job's facts, no other family's data, a center's wording, " +
    "length, reading level, no advice. Templates offline; the model with DRAFTING_EVAL_MODEL=1.",
  offline: true,
  dataset: join(import.meta.dirname, "cases.jsonl"),
  caseSchema: draftingCaseSchema,
  // Every case is a draft a director could send as written or could not: one that fails is a
  // message they would have to correct (or would send wrong), so none may fail. The template
  // drafters are deterministic code, which leaves no noise to allow for.
  threshold: 1,
  prepare: () => ({
    model: useModel() ? (process.env.ANTHROPIC_MODEL ?? jobs[0]!.prompt.model) : TEMPLATE_MODEL,
    promptVersions: Object.fromEntries(jobs.map((j) => [j.prompt.id, j.prompt.version])),
  }),
  score: scoreDraftingCase,
};

export default suite;
