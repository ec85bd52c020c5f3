/**
 * @module sandbox/webhooks
 * Turns a scripted event into the webhook its center's platform would send: the body in the
 * provider's shape, serialized once (the signature covers these exact bytes), and a `webhook-id`
 * derived from the seed and the event, so a replayed day produces the same ids and a receiver's
 * dedupe sees true duplicates. Procare bodies also carry an `evt_` event id.
 */
import { createHash } from "node:crypto";
import type { Provider } from "../domain/index.js";
import { type SignedHeaders, signWebhook } from "../ingest/standard-webhooks.js";
import { kangarootimeWebhook } from "./encode-kangarootime.js";
import { procareWebhook } from "./encode-procare.js";
import type { SandboxEvent } from "./events.js";
import { type SandboxWorld, worldIndex } from "./world.js";

export interface SandboxDelivery {
  provider: Provider;
  centerId: string;
  /** The Standard Webhooks `webhook-id`: stable across retries and replays. */
  webhookId: string;
  /** The platform's event id in the body (Procare `event_id`); null for Kangarootime. */
  eventId: string | null;
  /** When it happened at the center (the body's `timestamp`). */
  occurredAt: string;
  /** The exact JSON bytes to send and sign. */
  body: string;
  /** The scripted event behind it, for tests. */
  event: SandboxEvent;
}

const digest = (...parts: (string | number)[]) =>
  createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 24);

export function toDelivery(world: SandboxWorld, event: SandboxEvent): SandboxDelivery {
  const center = worldIndex(world).centers.get(event.centerId);
  if (!center) throw new RangeError(`unknown sandbox center ${event.centerId}`);
  const webhookId = `msg_${digest(world.seed, "webhook", event.id)}`;
  if (center.provider === "procare") {
    const eventId = `evt_${digest(world.seed, "event", event.id)}`;
    return {
      provider: "procare",
      centerId: center.id,
      webhookId,
      eventId,
      occurredAt: event.at,
      body: JSON.stringify(procareWebhook(world, event, eventId)),
      event,
    };
  }
  return {
    provider: "kangarootime",
    centerId: center.id,
    webhookId,
    eventId: null,
    occurredAt: event.at,
    body: JSON.stringify(kangarootimeWebhook(event)),
    event,
  };
}

/** Standard Webhooks headers for a delivery; `nowSeconds` is the real Unix time of sending. */
export function signDelivery(
  delivery: SandboxDelivery,
  secret: string,
  nowSeconds: number,
): SignedHeaders {
  return signWebhook(secret, delivery.webhookId, nowSeconds, delivery.body);
}
