/**
 * @module audit/append
 * Appends to the hash-chained audit log. Each entry's hash covers its own fields and the previous
 * entry's hash, so editing or deleting any entry breaks every hash after it.
 */

import { type AuditLogRow, insertAuditEntry, lastAuditLink } from "../storage/audit.js";
import { auditEntryHash } from "../storage/audit-hash.js";
import type { Store } from "../storage/db.js";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntryInput {
  /** `user:<id>`, `token:<id>`, `system:<component>` or `agent:<run id>`. */
  actor: string;
  /** Dotted verb, e.g. `approval.approved`, `alert.opened`, `platform.write`, `agent.run_completed`. */
  action: string;
  centerId: string | null;
  /** What it is about, e.g. `approval:12`, `alert:3`, `room:rm_1`. */
  subject: string | null;
  /** The records it was decided from (event ids, approval ids, run ids). */
  sourceIds: readonly string[];
  /** The triggering event's id, so one event's whole story can be pulled out. */
  correlationId: string | null;
  data: Record<string, unknown>;
}

export type AuditRow = AuditLogRow;

/** The hash of one entry: SHA-256 over the previous hash and the entry's canonical JSON. */
export function entryHash(prevHash: string, entry: Omit<AuditRow, "hash" | "prevHash">): string {
  return auditEntryHash(prevHash, entry);
}

/**
 * Appends one entry at `at` (wall-clock ISO instant). Call it inside the transaction that makes
 * the change it records, so the log and the change commit together. `seq` is the primary key:
 * two writers racing for the same seq fail instead of forking the chain.
 */
export function appendAudit(db: Store, entry: AuditEntryInput, at: string): AuditRow {
  const last = lastAuditLink(db);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actor: entry.actor,
    action: entry.action,
    centerId: entry.centerId,
    subject: entry.subject,
    sourceIds: [...entry.sourceIds],
    correlationId: entry.correlationId,
    // Hashed as it will read back: what JSON drops or changes (undefined, NaN, a Date) must not
    // make the stored entry fail verification later.
    data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
  };
  const full = { ...row, prevHash, hash: entryHash(prevHash, row) };
  insertAuditEntry(db, full);
  return full;
}
