/**
 * @module storage/staff-compliance
 * Credential renewals opened by the staff-compliance job. Only SQL.
 */
import { and, eq } from "drizzle-orm";
import type { Store } from "./db.js";
import { credentialRenewals } from "./schema.js";

export type CredentialRenewalRow = typeof credentialRenewals.$inferSelect;
export type NewCredentialRenewalRow = typeof credentialRenewals.$inferInsert;

/** Inserts unless a renewal for the same credential and expiry date exists. */
export function insertRenewalOnce(
  db: Store,
  row: NewCredentialRenewalRow,
): { row: CredentialRenewalRow; created: boolean } {
  const inserted = db
    .insert(credentialRenewals)
    .values(row)
    .onConflictDoNothing()
    .returning()
    .get();
  if (inserted) return { row: inserted, created: true };
  const existing = db
    .select()
    .from(credentialRenewals)
    .where(
      and(
        eq(credentialRenewals.centerId, row.centerId),
        eq(credentialRenewals.staffId, row.staffId),
        eq(credentialRenewals.credentialType, row.credentialType),
        eq(credentialRenewals.expiresOn, row.expiresOn),
      ),
    )
    .get();
  if (!existing) throw new Error(`renewal for ${row.staffId}/${row.credentialType} vanished`);
  return { row: existing, created: false };
}

export function listRenewals(
  db: Store,
  centerId: string,
  status?: CredentialRenewalRow["status"],
): CredentialRenewalRow[] {
  const where = status
    ? and(eq(credentialRenewals.centerId, centerId), eq(credentialRenewals.status, status))
    : eq(credentialRenewals.centerId, centerId);
  return db.select().from(credentialRenewals).where(where).orderBy(credentialRenewals.id).all();
}

export function setReminderApproval(db: Store, id: number, approvalId: number): void {
  db.update(credentialRenewals)
    .set({ reminderApprovalId: approvalId })
    .where(eq(credentialRenewals.id, id))
    .run();
}

/** Clears an open renewal; returns false when it was no longer open. */
export function clearRenewal(db: Store, id: number, newExpiresOn: string, at: string): boolean {
  const row = db
    .update(credentialRenewals)
    .set({ status: "cleared", clearedAt: at, clearedByExpiresOn: newExpiresOn })
    .where(and(eq(credentialRenewals.id, id), eq(credentialRenewals.status, "open")))
    .returning({ id: credentialRenewals.id })
    .get();
  return row !== undefined;
}
