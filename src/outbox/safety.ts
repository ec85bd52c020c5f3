/**
 * @module outbox/safety
 * Which sends are about a child's safety right now: the notices of an open violation or critical
 * alert, and the pages of a pick-up hold that has not been released. Those are never given up
 * and fail over to the next channel; everything else retries for a horizon and then fails.
 */
import { getAlert } from "../storage/alerts.js";
import type { Store } from "../storage/db.js";
import { getPickupHold } from "../storage/door.js";
import type { OutboxRow } from "../storage/outbox.js";

/** The hold a row pages about, from its key `pickup-hold:<holdId>:…`. */
export function holdIdOf(idempotencyKey: string): number | null {
  const match = /^pickup-hold:(\d+):/.exec(idempotencyKey);
  return match ? Number(match[1]) : null;
}

export function isSafetyRow(
  db: Store,
  row: Pick<OutboxRow, "alertId" | "idempotencyKey">,
): boolean {
  if (row.alertId !== null) {
    const alert = getAlert(db, row.alertId);
    return alert !== undefined && alert.kind === "out_of_ratio" && alert.state !== "resolved";
  }
  const holdId = holdIdOf(row.idempotencyKey);
  return holdId !== null && getPickupHold(db, holdId)?.state === "open";
}
