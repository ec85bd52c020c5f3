/**
 * @module storage/audit-hash
 * The audit chain's entry hash, and the SQL function `audit_entry_hash` the append trigger uses to
 * refuse an entry whose hash is not the hash of its own fields (migration 0011). The hash is
 * SHA-256 over the previous entry's hash, a newline, and the canonical JSON (keys sorted at every
 * level) of `{seq, at, actor, action, centerId, subject, sourceIds, correlationId, data}`.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

export interface HashedAuditFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  centerId: string | null;
  subject: string | null;
  sourceIds: readonly string[];
  correlationId: string | null;
  data: Record<string, unknown>;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function auditEntryHash(prevHash: string, entry: HashedAuditFields): string {
  const { seq, at, actor, action, centerId, subject, sourceIds, correlationId, data } = entry;
  const body = canonicalJson({
    seq,
    at,
    actor,
    action,
    centerId,
    subject,
    sourceIds,
    correlationId,
    data,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/** Registers `audit_entry_hash(prev_hash, seq, …, data)` over the columns as stored. */
export function registerAuditHashFunction(sqlite: Database.Database): void {
  sqlite.function(
    "audit_entry_hash",
    { deterministic: true },
    (prevHash, seq, at, actor, action, centerId, subject, sourceIds, correlationId, data) => {
      try {
        return auditEntryHash(String(prevHash), {
          seq: Number(seq),
          at: String(at),
          actor: String(actor),
          action: String(action),
          centerId: centerId === null ? null : String(centerId),
          subject: subject === null ? null : String(subject),
          sourceIds: JSON.parse(String(sourceIds)) as string[],
          correlationId: correlationId === null ? null : String(correlationId),
          data: JSON.parse(String(data)) as Record<string, unknown>,
        });
      } catch {
        // Unreadable JSON has no hash; the trigger's IS NOT then refuses the row.
        return null;
      }
    },
  );
}
