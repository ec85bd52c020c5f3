/**
 * @module evals/suites/drafting/draft
 * Produces a case's drafts: the job's template drafter without a key, the real agent loop with
 * one (`ANTHROPIC_API_KEY`, through `runJob` on a seeded database, falling back as the service
 * does). Either way the result is the drafts' text as a person would read it.
 */
import { jobsByName } from "../../../src/drafting/index.js";
import type { SimCenter } from "../../../src/sandbox/index.js";
import { listApprovals } from "../../../src/storage/approvals.js";
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
import { seededDb } from "../../harness/world.js";
import type { DraftingCase } from "./case.js";

// biome-ignore lint/suspicious/noExplicitAny: the case's context is checked by the builder's own types at run time
type Options = any;

export function buildInput(c: DraftingCase, center: SimCenter): Record<string, unknown> {
  const o: Options = c.context;
  switch (c.job) {
    case "incident-triage":
      return incidentInput(center, o);
    case "quick-log":
      return quickLogInput(center, o);
    case "absence-follow-up":
      return absenceInput(center, o);
    case "late-pickup":
      return latePickupInput(center, o);
    case "review-summary":
      return reviewInput(center, o);
    case "ratio-impact":
      return ratioImpactInput(center, o);
  }
}

/** The words of a draft a person reads: subjects, bodies, summaries, points, log entries. */
export function draftText(draft: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === "string") {
      if (
        [
          "subject",
          "body",
          "summary",
          "strengths",
          "toDiscuss",
          "detail",
          "type",
          "start",
          "end",
        ].includes(key)
      )
        out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (k !== "text" && k !== "unparsed") walk(x, k);
    }
  };
  walk(draft, "");
  return out.join("\n\n");
}

export interface Drafted {
  source: "template" | "model";
  texts: string[];
  /** The user message the model would be (or was) sent: part of the context. */
  userMessage: string;
  usage: {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  } | null;
}

export function templateDrafts(
  c: DraftingCase,
  center: SimCenter,
  input: Record<string, unknown>,
): Drafted {
  const job = jobsByName.get(c.job)!;
  return {
    source: "template",
    texts: job.template(input, center.id).map((d) => draftText(d.draft)),
    userMessage: job.buildUserMessage(input),
    usage: null,
  };
}

export async function modelDrafts(
  c: DraftingCase,
  center: SimCenter,
  input: Record<string, unknown>,
  key: string,
  model: string | undefined,
): Promise<Drafted> {
  const job = jobsByName.get(c.job)!;
  const now = localInstant(center, "18:30");
  const db = await seededDb(now);
  try {
    const result = await runEvalJob(
      db,
      { job: c.job, centerId: center.id, key: c.id, input },
      evalAgent(db, { ANTHROPIC_API_KEY: key, ...(model ? { ANTHROPIC_MODEL: model } : {}) }),
      now,
    );
    const u = result.outcome?.usage;
    return {
      source: result.source,
      texts: listApprovals(db).map((a) => draftText(a.draft)),
      userMessage: job.buildUserMessage(input),
      usage: u
        ? {
            inputTokens: u.inputTokens,
            outputTokens: u.outputTokens,
            cacheReadTokens: u.cacheReadInputTokens,
            cacheWriteTokens: u.cacheCreationInputTokens,
          }
        : null,
    };
  } finally {
    db.$client.close();
  }
}
