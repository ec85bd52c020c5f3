/**
 * @module platforms/http/client
 * The one way adapters talk to a platform: bearer auth, JSON, a timeout per attempt, retries for
 * failures that may pass (429, 5xx, network errors, timeouts) and zod validation of every response.
 * Callers get parsed data or an `AppError("platform_error")`, never a raw throw, so a platform's bad
 * day is one error code to handle upstream.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError, fromZodError } from "../../errors/index.js";
import type { ClientOptions } from "../types.js";
import { backoffDelay, isRetryableStatus, retryAfterDelay } from "./retry.js";

/** Query parameters; undefined values are left out so optional filters can be passed as-is. */
export type Query = Record<string, string | undefined>;

export interface WithDate<T> {
  data: T;
  /** The response's `Date` header: the platform's own clock, or null when absent or unreadable. */
  date: Date | null;
}

export interface PostOptions {
  /** Reuse a key to make a repeated logical request a no-op; defaults to a fresh UUID. */
  idempotencyKey?: string;
}

export interface HttpClient {
  get<S extends z.ZodType>(path: string, schema: S, query?: Query): Promise<z.output<S>>;
  getWithMeta<S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Query,
  ): Promise<WithDate<z.output<S>>>;
  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    options?: PostOptions,
  ): Promise<z.output<S>>;
}

/** Guards the page collectors against a platform whose cursor never ends. */
const MAX_PAGES = 1000;

type Method = "GET" | "POST";

type Attempt =
  | { kind: "response"; status: number; headers: Headers; text: string }
  | { kind: "failure"; reason: string; cause: unknown };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHttpClient(options: ClientOptions): HttpClient {
  const { baseUrl, apiKey, timeoutMs = 10_000, maxRetries = 3 } = options;
  // Looked up per call rather than captured, so a fetch patched after construction (msw) applies.
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  async function send(url: string, init: RequestInit): Promise<Attempt> {
    try {
      // The body is read inside the try so a stall mid-body counts as a timeout too.
      const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      return { kind: "response", status: response.status, headers: response.headers, text };
    } catch (cause) {
      const reason = isTimeout(cause)
        ? `timed out after ${timeoutMs} ms`
        : `network error (${describe(cause)})`;
      return { kind: "failure", reason, cause };
    }
  }

  async function request<S extends z.ZodType>(
    method: Method,
    url: string,
    schema: S,
    init: RequestInit,
  ): Promise<WithDate<z.output<S>>> {
    for (let attempts = 1; ; attempts++) {
      const outcome = await send(url, { ...init, method });
      const canRetry = attempts <= maxRetries;
      if (outcome.kind === "failure") {
        if (!canRetry) {
          throw new AppError(
            "platform_error",
            `${method} ${url} ${outcome.reason} after ${attempts} attempt(s)`,
            { status: null, url, attempts },
            { cause: outcome.cause },
          );
        }
        await sleep(backoffDelay(attempts - 1, random));
        continue;
      }

      const date = parseDate(outcome.headers.get("date"));
      if (isRetryableStatus(outcome.status) && canRetry) {
        const asked = retryAfterDelay(
          outcome.headers.get("retry-after"),
          (date ?? new Date()).getTime(),
        );
        await sleep(asked ?? backoffDelay(attempts - 1, random));
        continue;
      }
      const context = { status: outcome.status, url, attempts };
      if (outcome.status < 200 || outcome.status >= 300) {
        throw new AppError(
          "platform_error",
          `${method} ${url} failed with HTTP ${outcome.status} after ${attempts} attempt(s)`,
          { ...context, body: outcome.text.slice(0, 500) },
        );
      }
      return { data: decode(schema, outcome.text, `${method} ${url}`, context), date };
    }
  }

  const headers = { authorization: `Bearer ${apiKey}`, accept: "application/json" };

  return {
    get: async (path, schema, query) =>
      (await request("GET", joinUrl(baseUrl, path, query), schema, { headers })).data,
    getWithMeta: (path, schema, query) =>
      request("GET", joinUrl(baseUrl, path, query), schema, { headers }),
    post: async (path, body, schema, { idempotencyKey = randomUUID() } = {}) => {
      // One key for every attempt: that is what makes retrying a POST safe.
      const postHeaders = {
        ...headers,
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      };
      const init = { headers: postHeaders, body: JSON.stringify(body) };
      return (await request("POST", joinUrl(baseUrl, path), schema, init)).data;
    },
  };
}

/**
 * Validates a request body against its wire schema (applying defaults) before it is sent, so a
 * caller's mistake is a `bad_request` naming the field rather than a platform 400.
 */
export function encodeBody<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, "bad_request");
  return parsed.data;
}

/**
 * POSTs a new record and returns its id. Async so a body that fails its wire schema rejects like
 * every other failure, never throws.
 */
export async function createRecord<S extends z.ZodType>(
  http: HttpClient,
  path: string,
  request: { schema: S; value: z.input<S> },
  response: z.ZodType<{ id: string }>,
  idempotencyKey?: string,
): Promise<{ id: string }> {
  const { id } = await http.post(path, encodeBody(request.schema, request.value), response, {
    idempotencyKey,
  });
  return { id };
}

/** Every item of a cursor-paged list (`{ data, next_cursor }`, `?cursor=`). */
export async function collectCursorPages<T>(
  http: HttpClient,
  path: string,
  schema: z.ZodType<{ data: T[]; next_cursor: string | null }>,
  query: Query = {},
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await http.get(path, schema, { ...query, cursor });
    items.push(...page.data);
    if (page.next_cursor === null) return items;
    cursor = page.next_cursor;
  }
  throw tooManyPages(path, maxPages);
}

/** Every item of a page-numbered list (`{ items, page, total_pages }`, `?page=` from 1). */
export async function collectNumberedPages<T>(
  http: HttpClient,
  path: string,
  schema: z.ZodType<{ items: T[]; page: number; total_pages: number }>,
  query: Query = {},
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await http.get(path, schema, { ...query, page: String(pageNumber) });
    items.push(...page.items);
    if (pageNumber >= page.total_pages) return items;
  }
  throw tooManyPages(path, maxPages);
}

function tooManyPages(path: string, maxPages: number): AppError {
  return new AppError("platform_error", `${path} returned more than ${maxPages} pages`, {
    url: path,
    pages: maxPages,
  });
}

function joinUrl(baseUrl: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, value);
  }
  const search = params.size > 0 ? `?${params}` : "";
  return `${baseUrl.replace(/\/+$/, "")}${path}${search}`;
}

function decode<S extends z.ZodType>(
  schema: S,
  text: string,
  label: string,
  context: { status: number; url: string; attempts: number },
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError("platform_error", `${label}: response is not JSON`, context, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const named = fromZodError(parsed.error, "platform_error");
    throw new AppError("platform_error", `${label}: unexpected response, ${named.message}`, {
      ...named.details,
      ...context,
    });
  }
  return parsed.data;
}

function parseDate(header: string | null): Date | null {
  if (header === null) return null;
  const date = new Date(header);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === "TimeoutError";
}

/** Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${error.message}: ${code}` : error.message;
}
