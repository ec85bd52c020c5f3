/**
 * @module reports/subsidy-import
 * Stores a center's subsidy authorizations (replacing the previous list) and records the import
 * in the audit log, in one transaction.
 */
import { appendAudit } from "../audit/append.js";
import { type Db, inTransaction } from "../storage/db.js";
import { replaceSubsidyAuthorizations } from "../storage/subsidy.js";
import type { SubsidyAuthorization } from "./subsidy-authorizations.js";

export function importSubsidyAuthorizations(
  db: Db,
  centerId: string,
  list: readonly SubsidyAuthorization[],
  source: "sandbox" | "import",
  actor: string,
  at: Date,
): number {
  const iso = at.toISOString();
  return inTransaction(db, (tx) => {
    const stored = replaceSubsidyAuthorizations(tx, centerId, list, source, iso);
    appendAudit(
      tx,
      {
        actor,
        action: "subsidy.authorizations_imported",
        centerId,
        subject: `center:${centerId}`,
        sourceIds: [],
        correlationId: null,
        data: { source, count: stored, programs: [...new Set(list.map((a) => a.program))] },
      },
      iso,
    );
    return stored;
  });
}
