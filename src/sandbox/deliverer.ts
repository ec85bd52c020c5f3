/**
 * @module sandbox/deliverer
 * Sends sandbox deliveries to Centerline's webhook endpoints the way a platform would: signed with
 * Standard Webhooks (a fresh timestamp per attempt, the same `webhook-id` every time), retried with
 * exponential backoff on network errors, 408, 429 and 5xx, and given up on other 4xx (a request the
 * receiver rejected will not improve by repetition). Failures are logged, never thrown, so one bad
 * delivery does not stop the day.
 */
import type { Provider } from "../domain/index.js";
import type { Logger } from "../logging/index.js";
import { silentLogger } from "../logging/index.js";
import { type SandboxDelivery, signDelivery } from "./webhooks.js";

export interface WebhookDelivererOptions {
  /** Where each provider's webhooks go, e.g. `(p) => \`http://127.0.0.1:8787/webhooks/${p}\``. */
  url: (provider: Provider) => string;
  secrets: { procare: string; kangarootime: string };
  fetch?: typeof fetch;
  /** Real time (a Date or epoch milliseconds), for the signature timestamp. Default `Date.now`. */
  now?: () => Date | number;
  logger?: Pick<Logger, "debug" | "warn" | "error">;
  /** Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each time, capped at 8 s. Default 250 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type WebhookDeliverer = (delivery: SandboxDelivery) => Promise<void>;

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const nowSeconds = () => {
    const t = now();
    return Math.floor((typeof t === "number" ? t : t.getTime()) / 1000);
  };
  const logger = options.logger ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return async (delivery) => {
    const url = options.url(delivery.provider);
    const secret = options.secrets[delivery.provider];
    const log = { webhookId: delivery.webhookId, provider: delivery.provider, url };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let retryAfterMs: number | null = null;
      try {
        const headers = signDelivery(delivery, secret, nowSeconds());
        const response = await doFetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: delivery.body,
        });
        // Drain the body so the connection can be reused.
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) {
          logger.debug({ ...log, attempt, status: response.status }, "sandbox webhook delivered");
          return;
        }
        if (!retryable(response.status)) {
          logger.error(
            { ...log, attempt, status: response.status },
            "sandbox webhook rejected; not retrying",
          );
          return;
        }
        const seconds = Number(response.headers.get("retry-after"));
        if (Number.isFinite(seconds) && seconds > 0 && seconds <= 30) retryAfterMs = seconds * 1000;
        logger.warn({ ...log, attempt, status: response.status }, "sandbox webhook failed");
      } catch (error) {
        logger.warn({ ...log, attempt, err: error }, "sandbox webhook could not be sent");
      }
      if (attempt < maxAttempts) {
        await sleep(retryAfterMs ?? Math.min(8000, baseDelayMs * 2 ** (attempt - 1)));
      }
    }
    logger.error({ ...log, attempts: maxAttempts }, "sandbox webhook given up");
  };
}
