/**
 * @module platforms/http/retry
 * When a failed platform call is worth repeating and how long to wait first. Full jitter spreads
 * retries from many centers so a platform that is struggling is not hit in lockstep.
 */

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;
/** A platform asking for longer than this is treated as asking for this: callers are waiting. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses that say "not now" rather than "never": rate limits and upstream trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Full-jitter exponential backoff; `retry` is 0 before the first retry. */
export function backoffDelay(retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry));
}

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or HTTP-date), or null when absent
 * or unreadable. `now` should be the response's own `Date` when it has one, so clock skew between
 * us and the platform does not stretch or shrink the wait.
 */
export function retryAfterDelay(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
