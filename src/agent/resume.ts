/**
 * @module agent/resume
 * What happens at start-up to runs a crashed process left `running`.
 *
 * The contract: an interrupted run is cleanly FAILED (`endReason: "interrupted"`), never resumed
 * mid-conversation. Why not resume: the run's prompt and tool handlers live in the drafting job's
 * code, not in the database, and the pseudonym table is rebuilt from a directory that may have
 * changed since, so a rebuilt conversation could mean something else than the one the model saw.
 * Why that is safe:
 * - nothing is half-applied: the only effect a tool has is a pending approval, inserted in one
 *   transaction with its audit entry; a `tool_call` step without a `tool_result` step produced
 *   nothing durable, or an approval the dedupe key will hand back;
 * - the job that asked for the run holds its own lease (`agent_jobs`); when that runs out the job
 *   runs again from the start, and its propose tools (or its template drafter) find any approval
 *   the interrupted run created under the same dedupe key instead of making a second one;
 * - a process that was only slow, not dead, cannot finish the run afterwards: it lost the lease,
 *   so its `finishAgentRun` writes nothing and it runs no further tool (`lease_lost`).
 * Only runs whose lease ran out are touched: a run another live instance holds is left alone.
 */
import type { Logger } from "../logging/index.js";
import { failExpiredAgentRuns, listAgentSteps } from "../storage/agent.js";
import type { Store } from "../storage/db.js";

export interface InterruptedRun {
  runId: string;
  job: string;
  jobId: number | null;
  centerId: string;
  triggerEventId: string | null;
  /** Approvals the run had already created before it stopped (still pending, still valid). */
  approvalIds: number[];
}

export function resumeInterruptedRuns(
  db: Store,
  options: { now: Date; logger?: Logger },
): InterruptedRun[] {
  const failed = failExpiredAgentRuns(db, options.now.toISOString(), "interrupted");
  return failed.map((run) => {
    const approvalIds = listAgentSteps(db, run.id)
      .filter((s) => s.type === "tool_result" && typeof s.data.approvalId === "number")
      .map((s) => s.data.approvalId as number);
    options.logger?.warn(
      { runId: run.id, job: run.job, jobId: run.jobId, approvalIds },
      "agent run interrupted by a restart: marked failed",
    );
    return {
      runId: run.id,
      job: run.job,
      jobId: run.jobId,
      centerId: run.centerId,
      triggerEventId: run.triggerEventId,
      approvalIds: [...new Set(approvalIds)],
    };
  });
}
