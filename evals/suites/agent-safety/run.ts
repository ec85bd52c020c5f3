/**
 * @module evals/suites/agent-safety/run
 * Runs one case: a fresh seeded database, the scripted model served through msw in the real wire
 * format, the real job and tools through `runJob`, then everything the run left behind gathered
 * as evidence for `score.ts`.
 */
import { createPseudonymizer, effectiveLimits, loadPeople } from "../../../src/agent/index.js";
import { jobsByName } from "../../../src/drafting/index.js";
import type { SimCenter } from "../../../src/sandbox/index.js";
import { getAgentRun, listAgentSteps } from "../../../src/storage/agent.js";
import { listApprovals } from "../../../src/storage/approvals.js";
import type { Db } from "../../../src/storage/index.js";
import { listOutbox } from "../../../src/storage/outbox.js";
import {
  message,
  type Scripted,
  scriptedAnthropic,
  toolUse,
} from "../../../test/support/anthropic.js";
import {
  absenceInput,
  incidentInput,
  latePickupInput,
  localInstant,
  quickLogInput,
  ratioImpactInput,
  reviewInput,
} from "../../harness/inputs.js";
import { evalAgent, runEvalJob } from "../../harness/job.js";
import {
  evalServer,
  findPersonalData,
  personalData,
  platformMark,
  platformRequestsSince,
  seededDb,
} from "../../harness/world.js";
import type { SafetyCase, ScriptTurn } from "./case.js";
import type { SafetyEvidence, WireMessage } from "./score.js";

/** The key the scripted model is called with: not a real key, msw answers before any network. */
const SCRIPTED_KEY = "sk-ant-eval-scripted";

export function jobInput(c: SafetyCase, center: SimCenter): Record<string, unknown> {
  const text = c.untrustedText;
  switch (c.job) {
    case "incident-triage":
      return incidentInput(center, { description: text ?? "Fell on the playground." });
    case "quick-log":
      return quickLogInput(center, { text: text ?? "napped 12:30-14:00" });
    case "absence-follow-up":
      return absenceInput(center, { reason: text ?? "not checked in by the cut-off" });
    case "late-pickup":
      return latePickupInput(center, { pickedUpAt: "18:20" });
    case "review-summary":
      return reviewInput(center, {});
    case "ratio-impact":
      return ratioImpactInput(center, {});
  }
}

function expand(script: readonly ScriptTurn[]): Scripted[] {
  return script.flatMap((turn) =>
    Array.from({ length: turn.repeat }, () =>
      message(
        [
          ...(turn.text ? [{ type: "text" as const, text: turn.text }] : []),
          ...turn.tools.map((t) => toolUse(t.name, t.input)),
        ],
        {
          ...(turn.stopReason ? { stopReason: turn.stopReason } : {}),
          usage: { output_tokens: turn.outputTokens },
        },
      ),
    ),
  );
}

/**
 * `[[mask:Full Name]]` in a script becomes the token the run's pseudonymizer gives that text: how
 * a case writes a token of the seeded directory (another family's child) without knowing its number.
 */
function maskMarked(script: readonly ScriptTurn[], db: Db, centerId: string): ScriptTurn[] {
  const pseudo = createPseudonymizer(loadPeople(db, centerId));
  const json = JSON.stringify(script).replace(/\[\[mask:([^\]]+)\]\]/g, (_, text: string) =>
    pseudo.mask(text),
  );
  return JSON.parse(json) as ScriptTurn[];
}

interface StepData {
  id?: string;
  name?: string;
  tool_use_id?: string;
  is_error?: boolean;
}

/** Runs the case (already filled from the world) and gathers what it left behind. */
export async function runSafetyCase(c: SafetyCase, center: SimCenter): Promise<SafetyEvidence> {
  const job = jobsByName.get(c.job);
  if (!job) throw new Error(`unknown job ${c.job}`);
  const now = localInstant(center, "18:30");
  const db = await seededDb(now);
  const model = scriptedAnthropic({ responses: expand(maskMarked(c.script, db, center.id)) });
  const server = evalServer();
  server.use(...model.handlers);
  const mark = platformMark();
  try {
    const config = {
      ANTHROPIC_API_KEY: SCRIPTED_KEY,
      AGENT_MAX_TURNS: c.limits.maxTurns,
      AGENT_MAX_OUTPUT_TOKENS: c.limits.maxTokens,
    };
    const input = jobInput(c, center);
    const result = await runEvalJob(
      db,
      { job: c.job, centerId: center.id, key: c.id, input },
      evalAgent(db, config),
      now,
    );
    const runId = result.outcome?.runId ?? null;
    const steps = runId ? listAgentSteps(db, runId) : [];
    const data = (type: string) =>
      steps.filter((s) => s.type === type).map((s) => s.data as StepData);
    const limits = effectiveLimits(job.prompt.limits, { ...config, ANTHROPIC_MAX_RETRIES: 0 });
    const pii = personalData(center);
    const ownSubjects = new Set<string>();
    JSON.stringify(input, (key, value) => {
      if ((key === "familyId" || key === "childId") && typeof value === "string") {
        ownSubjects.add(value);
      }
      return value;
    });
    return {
      outcome: result.outcome,
      runStatus: runId ? (getAgentRun(db, runId)?.status ?? null) : null,
      approvals: listApprovals(db).map((a) => ({
        id: a.id,
        state: a.state,
        kind: a.kind,
        draftSource: a.draftSource,
        familyId: addressed(a.platformCall, "familyId"),
        childId: addressed(a.platformCall, "childId"),
      })),
      outboxRows: listOutbox(db).length,
      platformRequests: platformRequestsSince(mark),
      requests: model.requests.map((r) => ({
        raw: r.raw,
        maxTokens: r.body.max_tokens,
        messages: r.body.messages as WireMessage[],
      })),
      outputTokens: expand(c.script).map((s) =>
        typeof s !== "function" && s.kind === "message" ? s.message.usage.output_tokens : 0,
      ),
      toolCalls: data("tool_call").map((d) => ({ id: d.id ?? "", name: d.name ?? "" })),
      toolResults: data("tool_result").map((d) => ({
        toolUseId: d.tool_use_id ?? "",
        isError: d.is_error === true,
      })),
      allowedTools: job.prompt.tools,
      limits: { maxTurns: limits.maxTurns, maxTokens: limits.maxTokens },
      ownSubjects: [...ownSubjects],
      personalDataSent: [...new Set(model.requests.flatMap((r) => findPersonalData(r.raw, pii)))],
    };
  } finally {
    server.resetHandlers();
    db.$client.close();
  }
}

function addressed(call: unknown, field: "familyId" | "childId"): string | null {
  const id = (call as Record<string, unknown> | null)?.[field];
  return typeof id === "string" ? id : null;
}
