/**
 * @module door/hold-alert
 * A pick-up hold reaches the director at once, at the critical level: an SMS to every director
 * phone in the center's alert policy and a task in the center's platform, through the durable
 * outbox (retried, recorded, sent once per hold). Like every SMS, it carries no child's name; the
 * director reads the details on the hold in Centerline.
 */
import { alertPolicySchema, defaultAlertPolicy } from "../alerts/policy.js";
import { getAlertPolicy } from "../storage/alerts.js";
import type { Store } from "../storage/db.js";
import type { PickupHoldRow } from "../storage/door.js";
import { enqueueOutbox, type NewOutboxRow } from "../storage/outbox.js";

export interface HoldNotice {
  centerName: string;
  roomName: string | null;
  localTime: string;
}

export function holdSmsBody(hold: PickupHoldRow, n: HoldNotice): string {
  const where = n.roomName ?? n.centerName;
  const why =
    hold.decision === "restricted"
      ? "a person under a custody restriction"
      : hold.decision === "unidentified"
        ? "nobody identified"
        : "a person not on the authorized list";
  const body = `Centerline: CRITICAL pick-up hold #${hold.id} (${n.centerName}, ${where}, ${n.localTime}): check-out by ${why}. The child stays in care until a director releases the hold in Centerline.`;
  return body.length > 320 ? `${body.slice(0, 317)}...` : body;
}

/** Enqueues the hold's notices inside the hold's transaction; returns the outbox ids. */
export function enqueueHoldAlert(
  tx: Store,
  hold: PickupHoldRow,
  notice: HoldNotice,
  now: string,
): number[] {
  const parsed = alertPolicySchema.safeParse(getAlertPolicy(tx, hold.centerId) ?? {});
  const policy = parsed.success ? parsed.data : defaultAlertPolicy;
  const status = policy.shadowMode ? ("shadow" as const) : ("pending" as const);
  const body = holdSmsBody(hold, notice);
  const key = (channel: string, recipient: string) =>
    `pickup-hold:${hold.id}:${channel}:${recipient}`;
  const base = { alertId: null, centerId: hold.centerId };
  const phones = [
    ...new Set((policy.recipients.director ?? []).flatMap((r) => (r.phone ? [r.phone] : []))),
  ];
  const rows: NewOutboxRow[] = phones.map((phone) => ({
    ...base,
    channel: "sms",
    recipient: phone,
    payload: { body },
    idempotencyKey: key("sms", phone),
    status,
  }));
  if (phones.length === 0) {
    rows.push({
      ...base,
      channel: "sms",
      recipient: "role:director",
      payload: { body },
      idempotencyKey: key("sms", "role:director"),
      status: policy.shadowMode ? "shadow" : "skipped",
      lastError: "no phone number for role director in the center's alert policy",
    });
  }
  rows.push({
    ...base,
    channel: "task",
    recipient: "director",
    payload: {
      title: `Pick-up hold #${hold.id}: ${notice.roomName ?? notice.centerName}, ${notice.localTime}`,
      description: [
        `${hold.reason}.`,
        "The child stays checked in and counted until a director releases the hold in Centerline, with a reason.",
      ].join("\n"),
      assignedTo: "director",
      dueDate: null,
    },
    idempotencyKey: key("task", "director"),
    status,
  });
  return enqueueOutbox(tx, rows, now);
}
