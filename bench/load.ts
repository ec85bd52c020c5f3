/**
 * @module bench/load
 * A closed-loop load generator: `concurrency` workers, each with one request in flight at a time
 * over its own keep-alive connection, pull the next prepared request from a shared list until none
 * are left. Latency is measured per request with `performance.now()`, from just before the request
 * is written to the moment its response body has been read, so it covers the whole loopback round
 * trip but none of the preparation (building and signing happen before the clock starts).
 *
 * node:http rather than global fetch: on a small machine the client's own CPU cost competes with
 * the server, and undici's fetch (web streams, Headers objects) costs noticeably more per request.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface PreparedRequest {
  /** POST unless said otherwise. */
  method?: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface LoadResult {
  requests: number;
  concurrency: number;
  /** `performance.now()` just before the first request and just after the last response. */
  startedAt: number;
  endedAt: number;
  latenciesMs: number[];
  /** How each request ended, e.g. `200 accepted`, `422 unknown_reference`, `error ECONNRESET`. */
  outcomes: Map<string, number>;
}

export interface LatencySummary {
  requests: number;
  concurrency: number;
  wallMs: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface Response {
  status: number;
  body: string;
  /** When the last byte of the body arrived. */
  at: number;
}

/**
 * One request over `agent`; resolves when the whole response body has been read. With `timeoutMs`,
 * a request that has not been answered by then fails with `ETIMEDOUT` (and its socket is closed).
 */
export function send(
  agent: http.Agent,
  base: URL,
  request: PreparedRequest,
  timeoutMs?: number,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: request.method ?? "POST",
        path: request.path,
        headers: request.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            at: performance.now(),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error("no answer in time"), { code: "ETIMEDOUT" }));
      }, timeoutMs);
      req.on("close", () => clearTimeout(timer));
    }
    req.end(request.body);
  });
}

/** `200 accepted` for a receipt, `422 unknown_reference` for an error body, else the status. */
export function classify(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { status?: unknown; error?: { code?: unknown } };
    if (typeof parsed.status === "string") return `${status} ${parsed.status}`;
    if (typeof parsed.error?.code === "string") return `${status} ${parsed.error.code}`;
  } catch {
    // Not JSON: the status alone has to do.
  }
  return String(status);
}

export async function runLoad(options: {
  url: string;
  requests: PreparedRequest[];
  concurrency: number;
  onProgress?: (done: number) => void;
}): Promise<LoadResult> {
  const { requests, concurrency } = options;
  const base = new URL(options.url);
  // One socket per worker, kept open between requests, as a webhook sender's pool would be.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = new Array(requests.length);
  const outcomes = new Map<string, number>();
  const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  let next = 0;
  let done = 0;

  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= requests.length) return;
      const request = requests[index]!;
      const sentAt = performance.now();
      try {
        const response = await send(agent, base, request);
        latenciesMs[index] = response.at - sentAt;
        count(classify(response.status, response.body));
      } catch (error) {
        latenciesMs[index] = performance.now() - sentAt;
        count(`error ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      options.onProgress?.(++done);
    }
  };

  const startedAt = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  } finally {
    agent.destroy();
  }
  const endedAt = performance.now();
  return { requests: requests.length, concurrency, startedAt, endedAt, latenciesMs, outcomes };
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(result: LoadResult): LatencySummary {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const wallMs = result.endedAt - result.startedAt;
  return {
    requests: result.requests,
    concurrency: result.concurrency,
    wallMs,
    eventsPerSecond: result.requests / (wallMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
