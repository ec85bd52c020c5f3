/**
 * @module storage/drills
 * Emergency drills and the taps recorded at the assembly point.
 */
import { and, asc, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Store } from "./db.js";
import { drillMarks, drills } from "./schema.js";

export type DrillRow = typeof drills.$inferSelect;
export type DrillMarkRow = typeof drillMarks.$inferSelect;
export type DrillKind = DrillRow["kind"];
export type ExpectedPerson = DrillRow["expected"][number];

export function insertDrill(
  tx: Store,
  drill: Omit<typeof drills.$inferInsert, "id" | "endedAt" | "endedBy">,
): DrillRow {
  return tx.insert(drills).values(drill).returning().get();
}

export function getDrill(db: Store, centerId: string, id: number): DrillRow | undefined {
  return db
    .select()
    .from(drills)
    .where(and(eq(drills.centerId, centerId), eq(drills.id, id)))
    .get();
}

/** The center's drill still running, if any. */
export function openDrill(db: Store, centerId: string): DrillRow | undefined {
  return db
    .select()
    .from(drills)
    .where(and(eq(drills.centerId, centerId), isNull(drills.endedAt)))
    .orderBy(desc(drills.id))
    .get();
}

export function listDrills(db: Store, centerId: string, limit = 50): DrillRow[] {
  return db
    .select()
    .from(drills)
    .where(eq(drills.centerId, centerId))
    .orderBy(desc(drills.startedAt), desc(drills.id))
    .limit(limit)
    .all();
}

/** Ends a running drill (compare-and-set on `ended_at`); false when it had already ended. */
export function endDrillRow(tx: Store, id: number, endedAt: string, endedBy: string): boolean {
  return (
    tx
      .update(drills)
      .set({ endedAt, endedBy })
      .where(and(eq(drills.id, id), isNull(drills.endedAt)))
      .run().changes > 0
  );
}

/** Records a tap; a second tap on the same person keeps the first time (false). */
export function insertDrillMark(
  tx: Store,
  mark: Omit<typeof drillMarks.$inferInsert, "id">,
): boolean {
  return tx.insert(drillMarks).values(mark).onConflictDoNothing().run().changes > 0;
}

export function marksForDrill(db: Store, drillId: number): DrillMarkRow[] {
  return db
    .select()
    .from(drillMarks)
    .where(eq(drillMarks.drillId, drillId))
    .orderBy(asc(drillMarks.markedAt), asc(drillMarks.id))
    .all();
}

/** Drills started in [from, to), oldest first. */
export function drillsStartedBetween(
  db: Store,
  centerId: string,
  from: string,
  to: string,
): DrillRow[] {
  return db
    .select()
    .from(drills)
    .where(
      and(eq(drills.centerId, centerId), gte(drills.startedAt, from), lt(drills.startedAt, to)),
    )
    .orderBy(asc(drills.startedAt), asc(drills.id))
    .all();
}
