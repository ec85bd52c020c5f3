/**
 * @module storage/staff-records
 * Staff hire dates and training completions, the center's own records behind mandated training
 * hours and review due dates. Only SQL.
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { Store } from "./db.js";
import { staffHireDates, staffTraining } from "./schema.js";

export type StaffRecordSource = "import" | "form" | "sandbox";
export type HireDateRow = typeof staffHireDates.$inferSelect;
export type TrainingRow = typeof staffTraining.$inferSelect;
export type NewTraining = Pick<
  TrainingRow,
  "staffId" | "topic" | "hours" | "completedOn" | "provider" | "reference"
>;

/** What makes two training records the same completion (a re-import of the same line). */
export function trainingDedupeKey(t: NewTraining): string {
  return JSON.stringify([t.staffId, t.topic ?? "", t.completedOn, t.reference ?? ""]);
}

/** Sets (or replaces) each listed staff member's hire date; call inside the change's transaction. */
export function putHireDates(
  tx: Store,
  centerId: string,
  list: readonly { staffId: string; hireDate: string }[],
  source: StaffRecordSource,
  recordedBy: string,
  recordedAt: string,
): void {
  for (const h of list) {
    const row = { ...h, centerId, source, recordedBy, recordedAt };
    tx.insert(staffHireDates)
      .values(row)
      .onConflictDoUpdate({
        target: [staffHireDates.centerId, staffHireDates.staffId],
        set: { hireDate: h.hireDate, source, recordedBy, recordedAt },
      })
      .run();
  }
}

export function listHireDates(db: Store, centerId: string): HireDateRow[] {
  return db
    .select()
    .from(staffHireDates)
    .where(eq(staffHireDates.centerId, centerId))
    .orderBy(asc(staffHireDates.staffId))
    .all();
}

/**
 * Appends training records, skipping any already stored (same staff, topic, date and reference);
 * returns the rows inserted and the number skipped. Call inside the change's transaction.
 */
export function appendTraining(
  tx: Store,
  centerId: string,
  list: readonly NewTraining[],
  source: StaffRecordSource,
  recordedBy: string,
  recordedAt: string,
): { inserted: TrainingRow[]; skipped: number } {
  const inserted: TrainingRow[] = [];
  for (const t of list) {
    const row = tx
      .insert(staffTraining)
      .values({
        ...t,
        centerId,
        source,
        dedupeKey: trainingDedupeKey(t),
        recordedBy,
        recordedAt,
      })
      .onConflictDoNothing()
      .returning()
      .get();
    if (row) inserted.push(row);
  }
  return { inserted, skipped: list.length - inserted.length };
}

/** A center's training records (one staff member's when `staffId` is given), oldest first. */
export function listTraining(db: Store, centerId: string, staffId?: string): TrainingRow[] {
  return db
    .select()
    .from(staffTraining)
    .where(
      and(
        eq(staffTraining.centerId, centerId),
        staffId === undefined ? undefined : eq(staffTraining.staffId, staffId),
      ),
    )
    .orderBy(asc(staffTraining.completedOn), asc(staffTraining.id))
    .all();
}

export function countTraining(db: Store, centerId: string): number {
  return (
    db.select({ n: count() }).from(staffTraining).where(eq(staffTraining.centerId, centerId)).get()
      ?.n ?? 0
  );
}
