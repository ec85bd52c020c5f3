/**
 * @module storage/reconciliation
 * Runs of the reconciliation job and every repair they made.
 */
import { desc, eq } from "drizzle-orm";
import type { Store } from "./db.js";
import { reconciliationRepairs, reconciliationRuns } from "./schema.js";

export type RepairRow = typeof reconciliationRepairs.$inferInsert;

export function startRun(db: Store, centerId: string, startedAt: string): number {
  return db
    .insert(reconciliationRuns)
    .values({ centerId, startedAt, status: "running" })
    .returning({ id: reconciliationRuns.id })
    .get().id;
}

export function finishRun(
  db: Store,
  id: number,
  outcome: {
    status: "ok" | "failed";
    finishedAt: string;
    asOf?: string;
    repairs?: number;
    error?: string;
  },
): void {
  db.update(reconciliationRuns)
    .set({
      status: outcome.status,
      finishedAt: outcome.finishedAt,
      asOf: outcome.asOf ?? null,
      repairs: outcome.repairs ?? 0,
      error: outcome.error ?? null,
    })
    .where(eq(reconciliationRuns.id, id))
    .run();
}

export function recordRepair(db: Store, row: RepairRow): void {
  db.insert(reconciliationRepairs).values(row).run();
}

export function listRepairs(db: Store, runId: number) {
  return db
    .select()
    .from(reconciliationRepairs)
    .where(eq(reconciliationRepairs.runId, runId))
    .all();
}

export function recentRuns(db: Store, limit = 20) {
  return db
    .select()
    .from(reconciliationRuns)
    .orderBy(desc(reconciliationRuns.id))
    .limit(limit)
    .all();
}
