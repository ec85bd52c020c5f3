/**
 * @module door/hold-alert
 * A pick-up hold reaches people at once, as a critical ratio alert would: the channels and roles of
 * the center's alert policy for `critical` (cumulative, as `levelTargets` reads it: by default
 * in-app, Slack, and SMS to the director and assistant director), plus a director task in the
 * platform, through the durable outbox (retried, recorded, sent once per hold and recipient). The
 * in-app notice is the open hold itself: the banner and the Alerts page read `pickup_holds`, and
 * delivering the in-app row only tells open pages to refresh. SMS, Slack and the task carry no
 * name; the director reads the details on the hold in Centerline.
 *
 * Idempotency keys are `pickup-hold:<holdId>:<channel>:<recipient>`: delivery relies on that shape
 * to find a hold's pages.
 */
import { levelTargets, type Target, targetKey } from "../alerts/decide.js";
import { type AlertPolicy, alertPolicySchema, defaultAlertPolicy } from "../alerts/policy.js";
import { getAlertPolicy } from "../storage/alerts.js";
import type { Store } from "../storage/db.js";
import type { PickupHoldRow } from "../storage/door.js";
import { enqueueOutbox, type NewOutboxRow } from "../storage/outbox.js";
import { type HoldFacts, holdWhatHappenedAnonymously } from "./hold-words.js";

export interface HoldNotice {
  centerName: string;
  roomName: string | null;
  localTime: string;
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const STAYS = "The child stays in care until a director releases the hold in Centerline.";

export function holdSmsBody(hold: HoldFacts, n: HoldNotice): string {
  const where = n.roomName ?? n.centerName;
  const body = `Centerline: CRITICAL pick-up hold (${n.centerName}, ${where}, ${n.localTime}): ${holdWhatHappenedAnonymously(hold)}. ${STAYS}`;
  return body.length > 320 ? `${body.slice(0, 317)}...` : body;
}

/** Slack mrkdwn treats &, < and > as control characters. */
const esc = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The Block Kit message: center, room and time, what happened without names. */
export function holdSlackMessage(hold: HoldFacts, n: HoldNotice) {
  const what = capitalized(holdWhatHappenedAnonymously(hold));
  return {
    text: `CRITICAL pick-up hold at ${n.centerName} (${n.roomName ?? "room unknown"}, ${n.localTime}): ${what}.`,
    blocks: [
      {
        type: "header",
        text: { type: "plain_text", text: `🚨 CRITICAL: pick-up hold at ${n.centerName}` },
      },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Center*\n${esc(n.centerName)}` },
          { type: "mrkdwn", text: `*Room*\n${esc(n.roomName ?? "unknown")}` },
          { type: "mrkdwn", text: `*At*\n${n.localTime}` },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: esc(`${what}. ${STAYS}`) } },
      { type: "context", elements: [{ type: "mrkdwn", text: "Centerline pick-up hold • opened" }] },
    ],
  };
}

/**
 * Whom a hold pages: the policy's critical targets, and always a director task, because the
 * platform may show the child as gone while Centerline keeps them in care.
 */
export function holdTargets(policy: AlertPolicy): Target[] {
  const directorTask: Target = { channel: "task", role: "director" };
  const targets = [...levelTargets(policy, "critical"), directorTask];
  return targets.filter((t, i) => targets.findIndex((u) => targetKey(u) === targetKey(t)) === i);
}

function policyOf(tx: Store, centerId: string): AlertPolicy {
  const parsed = alertPolicySchema.safeParse(getAlertPolicy(tx, centerId) ?? {});
  return parsed.success ? parsed.data : defaultAlertPolicy;
}

/** The outbox rows for a hold's notices, one per channel and recipient. */
export function holdOutboxRows(
  hold: PickupHoldRow,
  notice: HoldNotice,
  policy: AlertPolicy,
): NewOutboxRow[] {
  const status = policy.shadowMode ? ("shadow" as const) : ("pending" as const);
  const key = (channel: string, recipient: string) =>
    `pickup-hold:${hold.id}:${channel}:${recipient}`;
  const base = { alertId: null, centerId: hold.centerId };
  const rows: NewOutboxRow[] = [];
  const phonesSent = new Set<string>();
  for (const target of holdTargets(policy)) {
    switch (target.channel) {
      case "in_app":
        rows.push({
          ...base,
          channel: "in_app",
          recipient: "board",
          payload: { holdId: hold.id, event: "hold_opened", severity: "critical" },
          idempotencyKey: key("in_app", "board"),
          status,
        });
        break;
      case "slack":
        rows.push({
          ...base,
          channel: "slack",
          recipient: "center-webhook",
          payload: holdSlackMessage(hold, notice),
          idempotencyKey: key("slack", "center-webhook"),
          status,
        });
        break;
      case "task": {
        const role = target.role ?? "director";
        rows.push({
          ...base,
          channel: "task",
          recipient: role,
          payload: {
            title: `Pick-up hold: ${notice.roomName ?? notice.centerName}, ${notice.localTime}`,
            description: [
              `${capitalized(holdWhatHappenedAnonymously(hold))}.`,
              "The child stays checked in and counted until a director releases the hold in Centerline, with a reason.",
            ].join("\n"),
            assignedTo: role,
            dueDate: null,
          },
          idempotencyKey: key("task", role),
          status,
        });
        break;
      }
      case "sms": {
        const role = target.role ?? "director";
        const body = holdSmsBody(hold, notice);
        const phones = (policy.recipients[role] ?? []).flatMap((r) => (r.phone ? [r.phone] : []));
        if (phones.length === 0) {
          // Recorded, not dropped: the policy names the role but nobody with a phone.
          rows.push({
            ...base,
            channel: "sms",
            recipient: `role:${role}`,
            payload: { body },
            idempotencyKey: key("sms", `role:${role}`),
            status: policy.shadowMode ? "shadow" : "skipped",
            lastError: `no phone number for role ${role} in the center's alert policy`,
          });
        }
        for (const phone of phones) {
          if (phonesSent.has(phone)) continue;
          phonesSent.add(phone);
          rows.push({
            ...base,
            channel: "sms",
            recipient: phone,
            payload: { body },
            idempotencyKey: key("sms", phone),
            status,
          });
        }
        break;
      }
    }
  }
  return rows;
}

/** Enqueues the hold's notices inside the hold's transaction; returns the outbox ids. */
export function enqueueHoldAlert(
  tx: Store,
  hold: PickupHoldRow,
  notice: HoldNotice,
  now: string,
): number[] {
  return enqueueOutbox(tx, holdOutboxRows(hold, notice, policyOf(tx, hold.centerId)), now);
}
