/**
 * @module channels/in-app
 * In-app is the alert row itself: the room board lists open alerts from the store. "Sending" marks
 * the alert delivered to the board and lets the service push a refresh (e.g. over SSE).
 */

import { getAlert, markInAppDelivered } from "../storage/alerts.js";
import type { Db } from "../storage/db.js";
import type { Sender, SendResult } from "./types.js";

/** An in-app notice on the board: a ratio alert's, or a pick-up hold's (`alertId` null). */
export interface InAppDelivered {
  centerId: string;
  alertId: number | null;
  holdId?: number;
  event: string;
}

export interface InAppSenderOptions {
  db: Db;
  wallClock: () => Date;
  /** Called after delivery, e.g. `events.emit("alerts", { centerId, alertId })`. */
  onDelivered?: (delivered: InAppDelivered) => void;
}

export function createInAppSender(options: InAppSenderOptions): Sender {
  return async (row): Promise<SendResult> => {
    if (row.alertId === null) {
      // A pick-up hold's in-app notice is the open hold itself (door/hold-alert.ts): delivering
      // it only tells open pages to refresh their hold banner. Failover rows carry only the key.
      const holdId =
        typeof row.payload.holdId === "number"
          ? row.payload.holdId
          : Number(/^pickup-hold:(\d+):/.exec(row.idempotencyKey)?.[1] ?? Number.NaN);
      if (Number.isInteger(holdId)) {
        options.onDelivered?.({
          centerId: row.centerId,
          alertId: null,
          holdId,
          event: "hold_opened",
        });
        return { ok: true, summary: `on the board (pick-up hold #${holdId})` };
      }
      return { ok: false, retryable: false, error: "in-app rows need an alert id" };
    }
    const alert = getAlert(options.db, row.alertId);
    if (!alert) return { ok: false, retryable: false, error: `alert ${row.alertId} not found` };
    const at = options.wallClock().toISOString();
    markInAppDelivered(options.db, alert.id, at);
    const event = typeof row.payload.event === "string" ? row.payload.event : "opened";
    options.onDelivered?.({ centerId: alert.centerId, alertId: alert.id, event });
    return { ok: true, summary: `on the board (${alert.state}, ${alert.severity})` };
  };
}
