/**
 * @module evals/harness/job
 * Runs one drafting job exactly as the service does (`runJob`: the agent when there is one, the
 * template whenever it does not complete), against a case's seeded database. The job row is
 * enqueued first because the propose tools check their facts against it.
 */
import type { AgentRunner } from "../../src/agent/index.js";
import { type AgentConfig, createAgentRunner } from "../../src/agent/index.js";
import { type JobResult, runJob } from "../../src/drafting/index.js";
import { silentLogger } from "../../src/logging/index.js";
import { enqueueAgentJob, findAgentJob } from "../../src/storage/agent-jobs.js";
import type { Db } from "../../src/storage/index.js";
import { evalPlatformReader } from "./world.js";

export interface EvalJob {
  job: string;
  centerId: string;
  /** Unique per case: it is the job's trigger and dedupe key. */
  key: string;
  input: Record<string, unknown>;
}

export async function runEvalJob(
  db: Db,
  job: EvalJob,
  agent: AgentRunner | undefined,
  now: Date,
): Promise<JobResult> {
  const triggerEventId = `evt_eval_${job.key}`;
  enqueueAgentJob(
    db,
    {
      job: job.job,
      centerId: job.centerId,
      dedupeKey: `${job.job}:${job.centerId}:${job.key}`,
      input: job.input,
      triggerEventId,
      runAfter: now.toISOString(),
    },
    now.toISOString(),
  );
  const row = findAgentJob(db, { job: job.job, centerId: job.centerId, triggerEventId });
  if (!row) throw new Error(`job ${job.key} was not enqueued`);
  return runJob({ db, logger: silentLogger, agent, clock: () => now, wallClock: () => now }, row);
}

/** The agent loop over `db`, calling the Messages API at `config`'s key and base URL. */
export function evalAgent(db: Db, config: Partial<AgentConfig> & { ANTHROPIC_API_KEY: string }) {
  const agent = createAgentRunner({
    db,
    logger: silentLogger,
    config: { ANTHROPIC_MAX_RETRIES: 0, ...config },
    platformFor: () => evalPlatformReader(),
  });
  if (!agent) throw new Error("no agent: the key is empty");
  return agent;
}
