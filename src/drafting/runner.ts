/**
 * @module drafting/runner
 * Runs one claimed job: the agent when there is one, and the template drafter whenever the agent
 * is absent or did not complete (failed, hit a limit, left a subject without an on-target draft),
 * or when the job says the input is for the template alone. Either way the result is
 * pending approvals under the same dedupe keys, so a fallback after a partial run adds only what
 * the model did not already propose. Nothing here writes to a platform.
 */

import { toolsFor } from "../../tools/index.js";
import type { AgentRunner, AgentRunOutcome } from "../agent/index.js";
import { proposeApproval } from "../approvals/index.js";
import type { Logger } from "../logging/index.js";
import type { AgentJobRow } from "../storage/agent-jobs.js";
import { type Db, inTransaction } from "../storage/db.js";
import type { DraftingJob } from "./job.js";
import { jobsByName } from "./jobs/index.js";
import { draftDedupeKey } from "./keys.js";

export interface JobResult {
  source: "model" | "template";
  /** Why the template drafted: `no_model`, or the agent run's end reason. */
  fallbackReason: string | null;
  approvalIds: number[];
  outcome: AgentRunOutcome | null;
}

export interface RunJobDeps {
  db: Db;
  logger: Logger;
  agent: AgentRunner | undefined;
  /** Business time. */
  clock: () => Date;
  wallClock: () => Date;
}

/** The draft proposals a job's template makes, as approvals (created once per dedupe key). */
export function proposeTemplates(
  db: Db,
  job: DraftingJob,
  row: AgentJobRow,
  input: unknown,
  fallbackReason: string,
  now: string,
): number[] {
  const occasion = row.triggerEventId ?? row.dedupeKey;
  return inTransaction(db, (tx) =>
    job.template(input, row.centerId).map(
      (d) =>
        proposeApproval(
          tx,
          {
            kind: d.kind,
            centerId: row.centerId,
            roomId: d.roomId,
            subject: d.subject,
            title: d.title,
            draftSource: "template",
            draft: d.draft,
            platformCall: d.platformCall,
            context: { job: job.name, facts: row.input, fallbackReason },
            dedupeKey: draftDedupeKey(job.name, row.centerId, occasion, d.kind, d.target),
            agentRunId: null,
            promptId: null,
            promptVersion: null,
            triggerEventId: row.triggerEventId,
            expiresAt: null,
            actor: `system:${job.name}`,
          },
          now,
        ).row.id,
    ),
  );
}

export async function runJob(deps: RunJobDeps, row: AgentJobRow): Promise<JobResult> {
  const job = jobsByName.get(row.job);
  if (!job) throw new Error(`unknown drafting job "${row.job}"`);
  const input = job.inputSchema.parse(row.input);
  let outcome: AgentRunOutcome | null = null;
  const templateOnly = job.templateOnly?.(input) ?? null;
  if (deps.agent && templateOnly === null) {
    try {
      outcome = await deps.agent.run({
        job: job.name,
        centerId: row.centerId,
        jobId: row.id,
        triggerEventId: row.triggerEventId,
        prompt: job.prompt,
        tools: toolsFor(job.prompt.tools),
        userMessage: job.buildUserMessage(input),
        now: deps.clock(),
        subjects: job.subjects(input),
      });
    } catch (error) {
      // The loop reports failures as outcomes; a throw is a bug there, and the template still drafts.
      deps.logger.error({ err: error, job: job.name, jobId: row.id }, "agent run threw");
    }
    if (outcome?.status === "completed") {
      return { source: "model", fallbackReason: null, approvalIds: outcome.approvalIds, outcome };
    }
  }
  // After a partial run the template fills in only the subjects the model left without a draft:
  // the dedupe keys return the model's drafts for the others.
  const fallbackReason =
    templateOnly ?? (deps.agent ? (outcome?.endReason ?? "agent_error") : "no_model");
  const approvalIds = proposeTemplates(
    deps.db,
    job,
    row,
    input,
    fallbackReason,
    deps.wallClock().toISOString(),
  );
  return { source: "template", fallbackReason, approvalIds, outcome };
}
