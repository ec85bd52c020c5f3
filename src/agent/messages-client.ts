/**
 * @module agent/messages-client
 * POST /v1/messages over fetch, with the Anthropic SDK's own retry policy and nothing stacked on
 * it: up to `maxRetries` retries (default 2) on connection errors, timeouts, 408, 409, 429 and
 * any 5xx (so 529 overloaded), honouring `x-should-retry`, `retry-after-ms` and `retry-after` when
 * they ask for less than a minute, otherwise 0.5 s doubling to at most 8 s with up to 25 % jitter.
 *
 * Why not `@anthropic-ai/sdk` itself: it is not installed in this tree (see the agent's report).
 * The loop only needs `MessagesApi`, which `new Anthropic({ apiKey, baseURL, maxRetries }).messages`
 * satisfies as it is, and `isModelUnavailable` classifies the SDK's errors (by `status` and name)
 * as well as these.
 */
import type { Message, MessageCreateBody } from "./wire.js";

/** What the loop calls: one model turn. The SDK's `client.messages` fits this shape. */
export interface MessagesApi {
  create(body: MessageCreateBody, options?: { signal?: AbortSignal }): Promise<Message | unknown>;
}

export const DEFAULT_BASE_URL = "https://api.anthropic.com";
export const ANTHROPIC_VERSION = "2023-06-01";

/** An HTTP error answer (`status` set) or a connection failure / timeout (`status` undefined). */
export class ModelApiError extends Error {
  override readonly name = "ModelApiError";
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorType: string | null,
    readonly requestId: string | null,
    readonly attempts: number,
  ) {
    super(message);
  }
}

export interface MessagesClientOptions {
  apiKey: string;
  baseURL?: string;
  maxRetries?: number;
  /** Per attempt; the SDK's default is 10 minutes. The run's own timeout usually ends it first. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const retryableStatus = (status: number) =>
  status === 408 || status === 409 || status === 429 || status >= 500;

function shouldRetry(response: Response): boolean {
  const header = response.headers.get("x-should-retry");
  if (header === "true") return true;
  if (header === "false") return false;
  return retryableStatus(response.status);
}

/** The server's requested wait when reasonable (0–60 s), else exponential backoff with jitter. */
export function retryDelayMs(headers: Headers | undefined, retryIndex: number): number {
  let ms: number | undefined;
  const afterMs = headers?.get("retry-after-ms");
  if (afterMs) {
    const n = Number.parseFloat(afterMs);
    if (!Number.isNaN(n)) ms = n;
  }
  const after = headers?.get("retry-after");
  if (ms === undefined && after) {
    const seconds = Number.parseFloat(after);
    ms = Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000;
  }
  if (ms !== undefined && ms >= 0 && ms < 60_000) return ms;
  const base = Math.min(0.5 * 2 ** retryIndex, 8);
  return base * (1 - Math.random() * 0.25) * 1000;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createMessagesClient(options: MessagesClientOptions): MessagesApi {
  const baseURL = (options.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;

  const attempt = async (body: string, retryCount: number, signal: AbortSignal | undefined) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    return doFetch(`${baseURL}/v1/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-api-key": options.apiKey,
        "anthropic-version": ANTHROPIC_VERSION,
        "x-stainless-retry-count": String(retryCount),
      },
      body,
      signal: combined,
    });
  };

  return {
    async create(request, callOptions = {}) {
      const body = JSON.stringify(request);
      const signal = callOptions.signal;
      for (let retry = 0; ; retry++) {
        let response: Response;
        try {
          response = await attempt(body, retry, signal);
        } catch (error) {
          // The caller's own abort (the run's wall clock) is not a transient failure.
          if (signal?.aborted) throw signal.reason ?? error;
          if (retry < maxRetries) {
            await sleep(retryDelayMs(undefined, retry));
            continue;
          }
          const timedOut = error instanceof Error && error.name === "TimeoutError";
          throw new ModelApiError(
            timedOut ? "request timed out" : `connection error: ${(error as Error).message}`,
            undefined,
            timedOut ? "timeout" : "connection_error",
            null,
            retry + 1,
          );
        }
        if (response.ok) return (await response.json()) as unknown;
        const text = await response.text();
        if (retry < maxRetries && shouldRetry(response)) {
          await sleep(retryDelayMs(response.headers, retry));
          continue;
        }
        let errorType: string | null = null;
        let message = text.slice(0, 500);
        try {
          const parsed = JSON.parse(text) as { error?: { type?: string; message?: string } };
          errorType = parsed.error?.type ?? null;
          message = parsed.error?.message ?? message;
        } catch {
          // Not JSON (a proxy's HTML page): keep the raw text.
        }
        throw new ModelApiError(
          `${response.status} ${errorType ?? "error"}: ${message}`,
          response.status,
          errorType,
          response.headers.get("request-id"),
          retry + 1,
        );
      }
    },
  };
}

/**
 * True when the model could not be reached after the client's retries: a transient status
 * (408/409/429/5xx), a timeout or a connection error. Works for `ModelApiError` and for the SDK's
 * `APIError` subclasses (`status`, `APIConnectionError`, `APIConnectionTimeoutError`).
 */
export function isModelUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") return retryableStatus(status);
  if (error instanceof ModelApiError) return true;
  return error.name === "APIConnectionError" || error.name === "APIConnectionTimeoutError";
}
