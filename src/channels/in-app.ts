/**
 * @module channels/in-app
 * In-app is the alert row itself: the room board lists open alerts from the store. "Sending" marks
 * the alert delivered to the board and lets the service push a refresh (e.g. over SSE).
 */

import { getAlert, markInAppDelivered } from "../storage/alerts.js";
import type { Db } from "../storage/db.js";
import type { Sender, SendResult } from "./types.js";

export interface InAppSenderOptions {
  db: Db;
  wallClock: () => Date;
  /** Called after delivery, e.g. `events.emit("alerts", { centerId, alertId })`. */
  onDelivered?: (delivered: { centerId: string; alertId: number | null; event: string }) => void;
}

export function createInAppSender(options: InAppSenderOptions): Sender {
  return async (row): Promise<SendResult> => {
    if (row.alertId === null) {
      // A pick-up hold is on the board from the moment it is stored: tell the board to refresh.
      const hold = /^pickup-hold:(\d+):/.exec(row.idempotencyKey);
      if (!hold) return { ok: false, retryable: false, error: "in-app rows need an alert id" };
      options.onDelivered?.({ centerId: row.centerId, alertId: null, event: "pickup_hold" });
      return { ok: true, summary: `on the board (pick-up hold #${hold[1]})` };
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
