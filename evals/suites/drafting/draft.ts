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
import { otherChild } from "../agent-safety/world.js";
import type { DraftingCase } from "./case.js";
import type { DraftText } from "./checks.js";

// biome-ignore lint/suspicious/noExplicitAny: the case's context is checked by the builder's own types at run time
type Options = any;

export function buildInput(c: DraftingCase, center: SimCenter): Record<string, unknown> {
  const o: Options = c.context;
  switch (c.job) {
    case "incident-triage":
      // "other" in a case's children is the first child of another family than child 0's.
      return incidentInput(center, {
        ...o,
        ...(o.children
          ? {
              children: o.children.map((k: number | "other") =>
                k === "other" ? otherChild(center) : k,
              ),
            }
          : {}),
      });
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

/** The tool a model proposes through → the approval kind it creates. */
export const kindOfTool: Record<string, string> = {
  propose_family_message: "family_message",
  submit_incident_triage: "incident_triage",
  submit_review_summary: "review_summary",
  submit_structured_log: "structured_log",
  propose_task: "task",
  propose_note: "note",
};

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const join = (...parts: unknown[]) =>
  parts
    .flat()
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join("\n\n");

/** The texts of a draft a person reads, each with its reader and whom it is addressed to. */
export function textsOf(kind: string, draft: Record<string, unknown>): DraftText[] {
  switch (kind) {
    case "family_message":
      return [
        {
          audience: "family",
          text: join(draft.subject, draft.body),
          familyId: str(draft.familyId),
          childId: str(draft.childId),
        },
      ];
    case "incident_triage": {
      const note = (draft.familyNote ?? {}) as Record<string, unknown>;
      return [
        ...textsOf("family_message", note),
        { audience: "director", text: join(draft.summary), familyId: null, childId: null },
      ];
    }
    case "review_summary":
      return [
        {
          audience: "director",
          text: join(draft.summary, draft.strengths as string[], draft.toDiscuss as string[]),
          familyId: null,
          childId: null,
        },
      ];
    case "note":
      return [
        {
          audience: draft.verbatim === true ? "kept" : "director",
          text: join(draft.title, draft.body),
          familyId: null,
          childId: str(draft.childId),
        },
      ];
    case "structured_log": {
      const entries = (draft.entries ?? []) as Record<string, unknown>[];
      return [
        {
          audience: "log",
          text: entries.map((e) => join(e.type, e.detail, e.start, e.end)).join("\n"),
          familyId: null,
          childId: str(draft.childId),
        },
      ];
    }
    default:
      return [
        {
          audience: "director",
          text: join(draft.title, draft.description, draft.body),
          familyId: null,
          childId: null,
        },
      ];
  }
}

export interface Drafted {
  source: "template" | "model";
  texts: DraftText[];
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
    texts: job.template(input, center.id).flatMap((d) => textsOf(d.kind, d.draft)),
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
      texts: listApprovals(db).flatMap((a) => textsOf(a.kind, a.draft as Record<string, unknown>)),
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
