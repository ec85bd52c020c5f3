/**
 * @module outbox/failover
 * Carrying a safety notice on to the next channel when its own keeps failing: which channel is
 * next (the center's failover order after the failing one, wrapping round, skipping channels the
 * notice already went to) and the rows that send the same words there. Pure.
 */
import type { FailoverChannel, FailoverPolicy } from "../alerts/policy.js";
import {
  type NewOutboxRow,
  noticeKeyOf,
  type OutboxChannel,
  type OutboxRow,
} from "../storage/outbox.js";

export { noticeKeyOf };

/** A center's failover policy with the phone numbers of its roles, as the worker needs it. */
export interface FailoverSettings extends FailoverPolicy {
  phones: string[];
}

/** How a director calls each channel. */
export const channelName: Record<OutboxChannel, string> = {
  sms: "SMS",
  slack: "Slack",
  task: "platform task",
  in_app: "board",
  platform: "platform",
};

/** The next channel after `failing` in `order`, wrapping round, not one in `used`. */
export function nextChannel(
  order: readonly FailoverChannel[],
  failing: OutboxChannel,
  used: ReadonlySet<OutboxChannel>,
  hasPhones: boolean,
): FailoverChannel | null {
  const start = order.indexOf(failing as FailoverChannel);
  for (let i = 1; i <= order.length; i++) {
    const channel = order[(start + i) % order.length] as FailoverChannel;
    if (channel === failing || used.has(channel)) continue;
    if (channel === "sms" && !hasPhones) continue;
    return channel;
  }
  return null;
}

/** The notice's words, whatever channel the row was for. */
export function noticeText(row: Pick<OutboxRow, "payload">): string {
  const p = row.payload as Record<string, unknown>;
  if (typeof p.body === "string") return p.body;
  if (typeof p.text === "string") return p.text;
  if (typeof p.title === "string") {
    return typeof p.description === "string" ? `${p.title}\n${p.description}` : p.title;
  }
  return "Centerline: an alert could not be delivered; open Centerline.";
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** The rows that send `row`'s notice on `channel`, keyed so it happens once per notice. */
export function failoverRows(
  row: OutboxRow,
  channel: FailoverChannel,
  settings: FailoverSettings,
): NewOutboxRow[] {
  const failing = channelName[row.channel];
  const text = noticeText(row);
  const key = (recipient: string) => `${noticeKeyOf(row)}:failover:${channel}:${recipient}`;
  const base = {
    alertId: row.alertId,
    approvalId: null,
    centerId: row.centerId,
    channel,
    status: "pending" as const,
    failoverOf: row.id,
  };
  switch (channel) {
    case "slack":
      return [
        {
          ...base,
          recipient: "center-webhook",
          payload: { text: `${text}\n(Sent by Slack because ${failing} is failing.)` },
          idempotencyKey: key("center-webhook"),
        },
      ];
    case "sms":
      return [...new Set(settings.phones)].map((phone) => ({
        ...base,
        recipient: phone,
        payload: { body: clip(`${text.split("\n")[0]} (${failing} failing)`, 300) },
        idempotencyKey: key(phone),
      }));
    case "task": {
      const role = settings.roles[0] ?? "director";
      const [first = text, ...rest] = text.split("\n");
      return [
        {
          ...base,
          recipient: role,
          payload: {
            title: clip(first, 150),
            description: [...rest, `Sent as a task because ${failing} is failing.`].join("\n"),
            assignedTo: role,
            dueDate: null,
          },
          idempotencyKey: key(role),
        },
      ];
    }
  }
}
