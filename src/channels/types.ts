/**
 * @module channels/types
 * What every channel sender is: a function from an outbox row to an outcome. A sender never
 * throws; it says whether a failure is worth retrying, or that the channel is not set up (the row
 * is then `skipped` with the reason, never silently dropped).
 */
import { z } from "zod";
import type { OutboxRow } from "../storage/outbox.js";

export const channelSchema = z.enum(["in_app", "slack", "sms", "task", "platform"]);
export type Channel = z.infer<typeof channelSchema>;

export type SendResult =
  | {
      ok: true;
      summary: string;
      /** The id of the record the platform created, when the send created one. */
      recordId?: string;
    }
  | {
      ok: false;
      /** Worth another attempt later (rate limit, 5xx, network). */
      retryable: boolean;
      error: string;
      /** The channel asked for this long before the next attempt (e.g. `Retry-After`). */
      retryAfterMs?: number;
      /** The channel is not configured for this row: record `skipped` with `error` as reason. */
      skipped?: boolean;
      /**
       * The message may have reached the provider anyway (the request went out and no answer
       * came back): the row is marked in doubt, and a channel that can look a send up does so
       * before sending again.
       */
      outcomeUnknown?: boolean;
    };

/** `signal`: the worker is stopping; a sender that can should give up the request at once. */
export type Sender = (row: OutboxRow, signal?: AbortSignal) => Promise<SendResult>;
export type Senders = Partial<Record<Channel, Sender>>;

export type { OutboxRow };

/** A sender for a channel that is not set up: every row is skipped with `reason`. */
export function unconfiguredSender(reason: string): Sender {
  return async () => ({ ok: false, retryable: false, skipped: true, error: reason });
}

/** Statuses that mean "not now" rather than "never". */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Milliseconds a `Retry-After` header asks for (seconds or HTTP date), capped at 10 minutes. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 600_000);
}

/**
 * The result of an HTTP send that was refused with `error`: retried when the status means "not
 * now", after the `Retry-After` the response asked for, if any.
 */
export function httpFailure(response: Response, error: string): SendResult {
  if (isRetryableHttpStatus(response.status)) {
    const after = retryAfterMs(response.headers.get("retry-after"));
    return after === undefined
      ? { ok: false, retryable: true, error }
      : { ok: false, retryable: true, error, retryAfterMs: after };
  }
  return { ok: false, retryable: false, error };
}

/** Connection errors that mean the request never reached the provider. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  return cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
}

/** A short description of a thrown fetch error (timeout, refused connection…). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    if (error.name === "AbortError") return "stopped mid-request (service shutting down)";
    const code = causeCode(error);
    return `network error: ${error.message}${code ? ` (${code})` : ""}`;
  }
  return `network error: ${String(error)}`;
}

/**
 * The failure of a request that threw: retryable, and in doubt unless the connection was never
 * made (a timeout or a reset may come after the provider took the message).
 */
export function fetchFailure(channel: string, error: unknown): SendResult {
  const code = causeCode(error);
  return {
    ok: false,
    retryable: true,
    error: `${channel} ${describeFetchError(error)}`,
    outcomeUnknown: code === undefined || !NOT_SENT.has(code),
  };
}

/**
 * `fetch` that gives up after `timeoutMs`, reading the body within the same limit. The timer is
 * an ordinary `setTimeout`, so tests can move it with fake timers.
 */
export async function fetchText(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<{ response: Response; body: string }> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("timed out", "TimeoutError")),
    timeoutMs,
  );
  const onStop = () => controller.abort(new DOMException("stopped", "AbortError"));
  if (stop?.aborted) onStop();
  stop?.addEventListener("abort", onStop, { once: true });
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { response, body: await response.text() };
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener("abort", onStop);
  }
}
