/**
 * @module storage/subsidy
 * Subsidy authorizations: a center's whole list is replaced by each import.
 */
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Store } from "./db.js";
import { subsidyAuthorizations } from "./schema.js";

export type SubsidyAuthorizationRow = typeof subsidyAuthorizations.$inferSelect;
export type NewSubsidyAuthorization = Omit<
  typeof subsidyAuthorizations.$inferInsert,
  "id" | "centerId" | "source" | "importedAt"
>;

/** Replaces the center's authorizations with `list`; call inside the import's transaction. */
export function replaceSubsidyAuthorizations(
  tx: Store,
  centerId: string,
  list: readonly NewSubsidyAuthorization[],
  source: "sandbox" | "import",
  importedAt: string,
): number {
  tx.delete(subsidyAuthorizations).where(eq(subsidyAuthorizations.centerId, centerId)).run();
  if (list.length === 0) return 0;
  tx.insert(subsidyAuthorizations)
    .values(list.map((a) => ({ ...a, centerId, source, importedAt })))
    .run();
  return list.length;
}

export function countSubsidyAuthorizations(db: Store, centerId: string): number {
  return db
    .select({ id: subsidyAuthorizations.id })
    .from(subsidyAuthorizations)
    .where(eq(subsidyAuthorizations.centerId, centerId))
    .all().length;
}

/** Authorizations whose period overlaps [from, to] (dates, inclusive). */
export function subsidyAuthorizationsOverlapping(
  db: Store,
  centerId: string,
  from: string,
  to: string,
): SubsidyAuthorizationRow[] {
  return db
    .select()
    .from(subsidyAuthorizations)
    .where(
      and(
        eq(subsidyAuthorizations.centerId, centerId),
        lte(subsidyAuthorizations.startDate, to),
        gte(subsidyAuthorizations.endDate, from),
      ),
    )
    .orderBy(asc(subsidyAuthorizations.childId), asc(subsidyAuthorizations.program))
    .all();
}
