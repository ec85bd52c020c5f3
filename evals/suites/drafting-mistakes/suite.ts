/**
 * @module evals/suites/drafting-mistakes/suite
 * The drafting checks against a scripted model that makes each known mistake. A case takes a
 * drafting case (its job and facts), what that job's template would propose, and one mistake
 * applied to it; the scripted model (msw, the real wire format, the real loop and tools) proposes
 * the mistaken draft, and the drafting suite's checks judge what the model proposed. A case passes
 * only when the check it names catches the mistake: this suite fails if the drafting eval would
 * let a known bad draft through. Offline, so it gates CI with the rest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createPseudonymizer, loadPeople } from "../../../src/agent/index.js";
import { jobsByName, type TemplateDraft } from "../../../src/drafting/index.js";
import type { SimCenter } from "../../../src/sandbox/index.js";
import { listAgentSteps } from "../../../src/storage/agent.js";
import { enqueueAgentJob } from "../../../src/storage/agent-jobs.js";
import { message, scriptedAnthropic, text, toolUse } from "../../../test/support/anthropic.js";
import { toolsFor } from "../../../tools/index.js";
import { localInstant } from "../../harness/inputs.js";
import { evalAgent } from "../../harness/job.js";
import { evalCenter, evalServer, seededDb } from "../../harness/world.js";
import { caseBaseSchema, type EvalSuite, scored } from "../../runner/types.js";
import { fill, otherChild, placeholders } from "../agent-safety/world.js";
import { type DraftingCase, draftingCaseSchema } from "../drafting/case.js";
import { CHECK_NAMES } from "../drafting/checks.js";
import { buildInput, kindOfTool, textsOf } from "../drafting/draft.js";
import { judgeTexts } from "../drafting/suite.js";
import { applyMistake, type MistakeWorld, mistakeSchema, type Proposal } from "./mistakes.js";

const caseSchema = caseBaseSchema.extend({
  /** The id of a case in `drafting/cases.jsonl`: the job and its facts. */
  base: z.string().min(1),
  mistake: mistakeSchema,
  /** The drafting check that must catch it. */
  catches: z.enum(CHECK_NAMES),
});
type MistakeCase = z.infer<typeof caseSchema>;

const SCRIPTED_KEY = "sk-ant-eval-scripted";

let bases: Map<string, DraftingCase> | undefined;
function baseCase(id: string): DraftingCase {
  bases ??= new Map(
    readFileSync(join(import.meta.dirname, "../drafting/cases.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => draftingCaseSchema.parse(JSON.parse(l)))
      .map((c) => [c.id, c]),
  );
  const c = bases.get(id);
  if (!c) throw new Error(`no drafting case "${id}"`);
  return c;
}

/** What the model would propose to say what the template says. */
function asProposal(d: TemplateDraft, input: Record<string, unknown>): Proposal {
  const x = d.draft;
  switch (d.kind) {
    case "incident_triage":
      return {
        tool: "submit_incident_triage",
        input: {
          category: x.category,
          severity: x.severity,
          summary: x.summary,
          routing: x.routing,
          familyNote: x.familyNote,
        },
      };
    case "review_summary":
      return { tool: "submit_review_summary", input: { ...x } };
    case "structured_log":
      return { tool: "submit_structured_log", input: { childId: x.childId, entries: x.entries } };
    case "family_message":
      return { tool: "propose_family_message", input: { ...x } };
    default:
      return { tool: "propose_family_message", input: { familyId: input.familyId } };
  }
}

function worldOf(center: SimCenter, input: Record<string, unknown>): MistakeWorld {
  const other = center.children[otherChild(center)]!;
  const assessment = input.assessment as { arithmetic?: string } | undefined;
  return {
    otherFamilyId: other.familyId ?? "",
    otherChildId: other.id,
    otherChildName: `${other.firstName} ${other.lastName}`,
    description: typeof input.description === "string" ? input.description : "",
    arithmetic: assessment?.arithmetic ?? "",
  };
}

/** Runs the scripted model proposing `p` through the real loop; returns what it proposed. */
async function proposeThroughModel(
  c: MistakeCase,
  base: DraftingCase,
  center: SimCenter,
  input: Record<string, unknown>,
  p: Proposal,
) {
  const job = jobsByName.get(base.job)!;
  const now = localInstant(center, "18:30");
  const db = await seededDb(now);
  const pseudo = createPseudonymizer(loadPeople(db, center.id));
  const masked = JSON.parse(pseudo.mask(JSON.stringify(p.input))) as Record<string, unknown>;
  const model = scriptedAnthropic({
    responses: [message([toolUse(p.tool, masked)]), message([text("Done.")])],
  });
  const server = evalServer();
  server.use(...model.handlers);
  try {
    const triggerEventId = `evt_mistake_${c.id}`;
    enqueueAgentJob(
      db,
      {
        job: job.name,
        centerId: center.id,
        dedupeKey: `${job.name}:${center.id}:${c.id}`,
        input,
        triggerEventId,
        runAfter: now.toISOString(),
      },
      now.toISOString(),
    );
    // The agent directly, not runJob: a mistake is judged as proposed, whether or not the loop
    // or the job (a template-only input) would have kept it out.
    const outcome = await evalAgent(db, { ANTHROPIC_API_KEY: SCRIPTED_KEY }).run({
      job: job.name,
      centerId: center.id,
      jobId: null,
      triggerEventId,
      prompt: job.prompt,
      tools: toolsFor(job.prompt.tools),
      userMessage: job.buildUserMessage(input),
      now,
      subjects: job.subjects(input),
    });
    const calls = listAgentSteps(db, outcome.runId)
      .filter((s) => s.type === "tool_call")
      .map((s) => s.data as { name: string; input: Record<string, unknown> });
    // Every token restored from the full table, as a loop without the token guard would have.
    const restore = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v).replace(/\b[A-Z]+_\d+\b/g, (t) =>
          JSON.stringify(pseudo.table.get(t) ?? t).slice(1, -1),
        ),
      ) as Record<string, unknown>;
    return {
      endReason: outcome.endReason,
      texts: calls.flatMap((k) => textsOf(kindOfTool[k.name] ?? "note", restore(k.input))),
    };
  } finally {
    server.resetHandlers();
    db.$client.close();
  }
}

export async function scoreMistake(raw: MistakeCase) {
  const center = evalCenter();
  const base = fill(baseCase(raw.base), placeholders(center));
  const input = buildInput(base, center);
  const job = jobsByName.get(base.job)!;
  const template = job.template(input, center.id)[0];
  if (!template)
    throw new Error(`case ${raw.base}: the template drafts nothing to make a mistake in`);
  const proposal = applyMistake(raw.mistake, asProposal(template, input), worldOf(center, input));
  const run = await proposeThroughModel(raw, base, center, input, proposal);
  const problems = judgeTexts(base, center, input, run.texts);
  const caught = problems.filter((p) => p.startsWith(`${raw.catches}:`));
  return scored({
    pass: caught.length > 0,
    expected: `caught by ${raw.catches}`,
    actual: { caughtBy: [...new Set(problems.map((p) => p.split(":")[0]))], loop: run.endReason },
    detail:
      caught.length > 0
        ? `caught: ${caught.join("; ")}`
        : `not caught by ${raw.catches}${problems.length ? ` (other problems: ${problems.join("; ")})` : ""}`,
  });
}

const suite: EvalSuite<MistakeCase> = {
  name: "drafting-mistakes",
  description:
    "A scripted model (msw, real wire format and loop) makes each known drafting mistake; the " +
    "drafting checks must catch every one.",
  offline: true,
  dataset: join(import.meta.dirname, "cases.jsonl"),
  caseSchema,
  // A mistake the checks let through is a blind spot in the drafting eval: none is acceptable.
  threshold: 1,
  prepare: () => ({
    model: "scripted mistakes (msw)",
    promptVersions: Object.fromEntries(
      [...jobsByName.values()].map((j) => [j.prompt.id, j.prompt.version]),
    ),
  }),
  score: scoreMistake,
};

export default suite;
