/**
 * @module web/delivery-note
 * What the board and the alerts page say about alert sends in trouble, in a director's words:
 * "Alert #12 (Toddler A): SMS failing since 08:14; sent by Slack", or a send given up for good.
 * Times are the center's local time. Renders nothing when every send went out.
 */
import { instantToZoned } from "../domain/time.js";
import type { Store } from "../storage/db.js";
import { type DeliveryTrouble, deliveryTroubles } from "../storage/outbox.js";

const names: Record<DeliveryTrouble["channel"], string> = {
  sms: "SMS",
  slack: "Slack",
  task: "platform task",
  in_app: "board",
  platform: "platform",
};

const list = (channels: readonly DeliveryTrouble["channel"][]) =>
  channels.map((c) => names[c]).join(" and ");

function subject(t: DeliveryTrouble): string {
  if (t.holdId !== null) return `Pick-up hold #${t.holdId}`;
  if (t.alertId !== null) return `Alert #${t.alertId}${t.roomName ? ` (${t.roomName})` : ""}`;
  return "A notice";
}

/** One trouble as a sentence, times in `timeZone`. */
export function deliverySentence(t: DeliveryTrouble, timeZone: string): string {
  const time = (iso: string) => instantToZoned(new Date(iso), timeZone).time;
  const head =
    t.state === "failing"
      ? `${names[t.channel]} failing since ${time(t.at)}`
      : `${names[t.channel]} send failed at ${time(t.at)}${t.error ? ` (${t.error})` : ""}`;
  const after =
    t.sentBy.length > 0
      ? `; sent by ${list(t.sentBy.map((s) => s.channel))}`
      : t.trying.length > 0
        ? `; trying ${list(t.trying)}`
        : t.state === "failed"
          ? "; not delivered by any other channel"
          : "";
  return `${subject(t)}: ${head}${after}`;
}

export function DeliveryNote(props: { troubles: readonly DeliveryTrouble[]; timeZone: string }) {
  if (props.troubles.length === 0) return null;
  const failed = props.troubles.some((t) => t.state === "failed" && t.sentBy.length === 0);
  return (
    <div class={`notice ${failed ? "bad" : "warn"}`} role="status" data-delivery>
      <strong>Alert delivery</strong>
      <ul>
        {props.troubles.map((t) => (
          <li data-delivery-state={t.state} data-delivery-channel={t.channel}>
            {deliverySentence(t, props.timeZone)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The center's sends in trouble created in the last day before `now`, for the board. */
export function CenterDeliveryNote(props: {
  db: Store;
  center: { id: string; timeZone: string };
  now: Date;
}) {
  const since = new Date(props.now.getTime() - 24 * 3_600_000).toISOString();
  return (
    <DeliveryNote
      troubles={deliveryTroubles(props.db, props.center.id, { since })}
      timeZone={props.center.timeZone}
    />
  );
}
