/**
 * @module door/custody
 * A director records a custody restriction on a child (who may not collect them, and why); the
 * pick-up gate then holds a check-out by that person. Audited in the insert's transaction.
 */
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import { AppError } from "../errors/index.js";
import { type Db, inTransaction } from "../storage/db.js";
import { type CustodyRestrictionRow, insertCustodyRestriction } from "../storage/door.js";

export const custodyRestrictionInputSchema = z.object({
  name: z.string().trim().min(1).max(200).describe("The restricted person's name"),
  kind: z.enum(["no_contact", "court_order", "supervised_only"]),
  note: z.string().trim().max(2000).default(""),
});
export type CustodyRestrictionInput = z.infer<typeof custodyRestrictionInputSchema>;

export function addCustodyRestriction(
  db: Db,
  principal: Principal,
  centerId: string,
  childId: string,
  input: CustodyRestrictionInput,
  at: Date,
): CustodyRestrictionRow {
  const role = membershipAt(principal, centerId)?.role;
  if (role !== "director") {
    throw new AppError("forbidden", "only a director may add a custody restriction", { role });
  }
  const now = at.toISOString();
  return inTransaction(db, (tx) => {
    const row = insertCustodyRestriction(tx, { centerId, childId, ...input, createdAt: now });
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "custody_restriction.added",
        centerId,
        subject: `child:${childId}`,
        sourceIds: [`custody_restriction:${row.id}`],
        correlationId: null,
        data: { restrictionId: row.id, name: row.name, kind: row.kind, note: row.note },
      },
      now,
    );
    return row;
  });
}
