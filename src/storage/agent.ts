/**
 * @module storage/agent
 * Agent runs, their steps and the usage of each model call. A run is owned by the instance that
 * holds its lease; every write that ends or extends a run is conditional on still holding it, so
 * a run taken over after a crash can never be finished twice.
 */
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import { agentRuns, agentSteps, families, modelCalls } from "./schema.js";

export type AgentRunRow = typeof agentRuns.$inferSelect;
export type AgentStepRow = typeof agentSteps.$inferSelect;
export type ModelCallRow = typeof modelCalls.$inferSelect;
export type AgentStepType = AgentStepRow["type"];
export type AgentRunStatus = AgentRunRow["status"];

export interface NewAgentRun {
  id: string;
  jobId: number | null;
  job: string;
  centerId: string;
  triggerEventId: string | null;
  promptId: string;
  promptVersion: string;
  model: string;
  leaseOwner: string;
  leaseUntil: string;
  startedAt: string;
}

export function insertAgentRun(db: Store, run: NewAgentRun): void {
  db.insert(agentRuns)
    .values({ ...run, status: "running" })
    .run();
}

export function getAgentRun(db: Store, id: string): AgentRunRow | undefined {
  return db.select().from(agentRuns).where(eq(agentRuns.id, id)).get();
}

export function appendAgentStep(
  db: Store,
  step: { runId: string; seq: number; type: AgentStepType; data: Record<string, unknown> },
  at: string,
): void {
  db.insert(agentSteps)
    .values({ ...step, createdAt: at })
    .run();
}

export function listAgentSteps(db: Store, runId: string): AgentStepRow[] {
  return db
    .select()
    .from(agentSteps)
    .where(eq(agentSteps.runId, runId))
    .orderBy(asc(agentSteps.seq))
    .all();
}

export interface ModelCallUsage {
  runId: string;
  turn: number;
  model: string;
  stopReason: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  durationMs: number;
}

/** Stores one call's usage and adds it to the run's totals, in the caller's transaction. */
export function recordModelCall(db: Store, call: ModelCallUsage, at: string): void {
  db.insert(modelCalls)
    .values({ ...call, createdAt: at })
    .run();
  db.update(agentRuns)
    .set({
      turns: call.turn,
      inputTokens: sql`${agentRuns.inputTokens} + ${call.inputTokens}`,
      outputTokens: sql`${agentRuns.outputTokens} + ${call.outputTokens}`,
      cacheCreationInputTokens: sql`${agentRuns.cacheCreationInputTokens} + ${call.cacheCreationInputTokens}`,
      cacheReadInputTokens: sql`${agentRuns.cacheReadInputTokens} + ${call.cacheReadInputTokens}`,
    })
    .where(eq(agentRuns.id, call.runId))
    .run();
}

export function listModelCalls(db: Store, runId: string): ModelCallRow[] {
  return db
    .select()
    .from(modelCalls)
    .where(eq(modelCalls.runId, runId))
    .orderBy(asc(modelCalls.id))
    .all();
}

/** True while `owner` still holds the run's lease and the run is still running. */
export function holdsAgentRun(db: Store, runId: string, owner: string): boolean {
  const row = db
    .select({ id: agentRuns.id })
    .from(agentRuns)
    .where(
      and(
        eq(agentRuns.id, runId),
        eq(agentRuns.status, "running"),
        eq(agentRuns.leaseOwner, owner),
      ),
    )
    .get();
  return row !== undefined;
}

/**
 * Ends a run if `owner` still holds it. Returns false when the lease was lost (the run was taken
 * over as interrupted), in which case nothing is written.
 */
export function finishAgentRun(
  db: Store,
  runId: string,
  owner: string,
  end: { status: Exclude<AgentRunStatus, "running">; endReason: string; at: string },
): boolean {
  const done = db
    .update(agentRuns)
    .set({
      status: end.status,
      endReason: end.endReason,
      endedAt: end.at,
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(
      and(
        eq(agentRuns.id, runId),
        eq(agentRuns.status, "running"),
        eq(agentRuns.leaseOwner, owner),
      ),
    )
    .returning({ id: agentRuns.id })
    .get();
  return done !== undefined;
}

/**
 * Marks every run still `running` whose lease ran out before `now` (its process died) as failed
 * with `endReason`, and returns them. Conditional per row, so two instances starting together
 * take each run once.
 */
export function failExpiredAgentRuns(db: Store, now: string, endReason: string): AgentRunRow[] {
  const expired = db
    .select()
    .from(agentRuns)
    .where(and(eq(agentRuns.status, "running"), lt(agentRuns.leaseUntil, now)))
    .orderBy(asc(agentRuns.startedAt))
    .all();
  const failed: AgentRunRow[] = [];
  for (const run of expired) {
    const row = db
      .update(agentRuns)
      .set({ status: "failed", endReason, endedAt: now, leaseOwner: null, leaseUntil: null })
      .where(
        and(
          eq(agentRuns.id, run.id),
          eq(agentRuns.status, "running"),
          lt(agentRuns.leaseUntil, now),
        ),
      )
      .returning()
      .get();
    if (row) failed.push(row);
  }
  return failed;
}

export type FamilyRow = typeof families.$inferSelect;

/** A center's families with their guardians (names, phones, e-mail), in id order. */
export function listFamilies(db: Store, centerId: string): FamilyRow[] {
  return db
    .select()
    .from(families)
    .where(eq(families.centerId, centerId))
    .orderBy(asc(families.id))
    .all();
}
