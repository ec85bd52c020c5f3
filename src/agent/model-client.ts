/**
 * @module agent/model-client
 * The Messages API client is Anthropic's own SDK. Its `maxRetries` is the only retry layer: it
 * retries connection errors, timeouts, 408, 409, 429 and every 5xx (so 529 overloaded) with
 * backoff, honouring `retry-after-ms` / `retry-after` and `x-should-retry`. What it throws after
 * that is classified here, so the run ends with a reason and the job falls back to its template.
 */
import Anthropic, {
  APIConnectionError,
  APIError,
  InternalServerError,
  RateLimitError,
} from "@anthropic-ai/sdk";
import type { Logger } from "../logging/index.js";

export interface ModelClientOptions {
  apiKey: string;
  /** Default Anthropic's; `null` is passed on so the SDK does not read the environment itself. */
  baseURL: string | undefined;
  maxRetries: number;
  logger: Logger;
}

/** The SDK client, logging through the service's logger instead of the console. */
export function createModelClient(options: ModelClientOptions): Anthropic {
  const log = options.logger;
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    maxRetries: options.maxRetries,
    logger: {
      error: (message, ...rest) => log.error({ sdk: rest }, message),
      warn: (message, ...rest) => log.warn({ sdk: rest }, message),
      info: (message, ...rest) => log.debug({ sdk: rest }, message),
      debug: (message, ...rest) => log.debug({ sdk: rest }, message),
    },
  });
}

/**
 * True when the model could not be reached once the SDK's retries were spent: rate limited,
 * overloaded or another 5xx, a 408/409, a timeout or a connection failure. A 4xx such as an
 * invalid request is a bug on our side, not unavailability. The caller's own abort
 * (`APIUserAbortError`) is neither: the run checks its own signal first.
 */
export function isModelUnavailable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  if (error instanceof RateLimitError || error instanceof InternalServerError) return true;
  return error instanceof APIError && (error.status === 408 || error.status === 409);
}
