import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../../errors/index.js";
import {
  collectCursorPages,
  collectNumberedPages,
  createHttpClient,
  encodeBody,
} from "./client.js";
import { backoffDelay, retryAfterDelay } from "./retry.js";

const base = "http://platform.test/sandbox/demo";
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const item = z.object({ id: z.string() });

function client(overrides: { maxRetries?: number; timeoutMs?: number } = {}) {
  const sleep = vi.fn(async (_ms: number) => {});
  const http = createHttpClient({
    baseUrl: base,
    apiKey: "key-123",
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  return { http, sleep };
}

/** Runs `promise`, expecting it to reject with an AppError, and returns that error. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AppError.is(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("createHttpClient", () => {
  it("sends bearer auth and query parameters, and validates the response", async () => {
    let seen: { auth: string | null; url: string } | undefined;
    server.use(
      http.get(`${base}/api/v1/things/7`, ({ request }) => {
        seen = { auth: request.headers.get("authorization"), url: request.url };
        return HttpResponse.json({ id: "7" });
      }),
    );
    const { http: api } = client();
    await expect(api.get("/api/v1/things/7", item, { q: "a b", skip: undefined })).resolves.toEqual(
      {
        id: "7",
      },
    );
    expect(seen).toEqual({ auth: "Bearer key-123", url: `${base}/api/v1/things/7?q=a+b` });
  });

  it("retries a 429 after the Retry-After delay it asks for", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/limited`, () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "7" } })
          : HttpResponse.json({ id: "ok" });
      }),
    );
    const { http: api, sleep } = client();
    await expect(api.get("/limited", item)).resolves.toEqual({ id: "ok" });
    expect(calls).toBe(2);
    expect(sleep.mock.calls).toEqual([[7000]]);
  });

  it("reads an HTTP-date Retry-After against the response's own Date", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/limited`, () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, {
              status: 503,
              headers: {
                Date: "Mon, 23 Nov 2026 08:00:00 GMT",
                "Retry-After": "Mon, 23 Nov 2026 08:00:12 GMT",
              },
            })
          : HttpResponse.json({ id: "ok" });
      }),
    );
    const { http: api, sleep } = client();
    await api.get("/limited", item);
    expect(sleep.mock.calls).toEqual([[12_000]]);
  });

  it("retries a 503 with jittered backoff and then succeeds", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/flaky`, () => {
        calls++;
        return calls < 3
          ? new HttpResponse("busy", { status: 503 })
          : HttpResponse.json({ id: "x" });
      }),
    );
    const { http: api, sleep } = client();
    await expect(api.get("/flaky", item)).resolves.toEqual({ id: "x" });
    // random() = 0.5: half of 250 ms, then half of 500 ms.
    expect(sleep.mock.calls).toEqual([[125], [250]]);
  });

  it("gives up after maxRetries with the status and attempt count", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/down`, () => {
        calls++;
        return new HttpResponse("nope", { status: 502 });
      }),
    );
    const { http: api } = client({ maxRetries: 2 });
    const error = await failure(api.get("/down", item));
    expect(error.code).toBe("platform_error");
    expect(error.details).toMatchObject({ status: 502, url: `${base}/down`, attempts: 3 });
    expect(calls).toBe(3);
  });

  it("does not retry a 404", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/missing`, () => {
        calls++;
        return HttpResponse.json({ error: "no such thing" }, { status: 404 });
      }),
    );
    const { http: api, sleep } = client();
    const error = await failure(api.get("/missing", item));
    expect(error.details).toMatchObject({ status: 404, attempts: 1 });
    expect(error.details.body).toContain("no such thing");
    expect(calls).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("retries a network error", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/unreachable`, () => {
        calls++;
        return calls === 1 ? HttpResponse.error() : HttpResponse.json({ id: "back" });
      }),
    );
    const { http: api, sleep } = client();
    await expect(api.get("/unreachable", item)).resolves.toEqual({ id: "back" });
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it("reports a network error that outlasts the retries without a status", async () => {
    server.use(http.get(`${base}/unreachable`, () => HttpResponse.error()));
    const { http: api } = client({ maxRetries: 1 });
    const error = await failure(api.get("/unreachable", item));
    expect(error.code).toBe("platform_error");
    expect(error.message).toContain("network error");
    expect(error.details).toMatchObject({ status: null, attempts: 2 });
  });

  it("times out each attempt and retries", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/slow`, async () => {
        calls++;
        await delay(500);
        return HttpResponse.json({ id: "late" });
      }),
    );
    const { http: api } = client({ timeoutMs: 30, maxRetries: 1 });
    const error = await failure(api.get("/slow", item));
    expect(error.code).toBe("platform_error");
    expect(error.message).toContain("timed out after 30 ms");
    expect(error.details).toMatchObject({ status: null, attempts: 2 });
    expect(calls).toBe(2);
  });

  it("names the field when the response does not match the schema", async () => {
    server.use(http.get(`${base}/things`, () => HttpResponse.json({ items: [{ id: 5 }] })));
    const { http: api } = client();
    const error = await failure(api.get("/things", z.object({ items: z.array(item) })));
    expect(error.code).toBe("platform_error");
    expect(error.details).toMatchObject({ field: "items.0.id", status: 200, attempts: 1 });
    expect(error.message).toContain("items.0.id");
  });

  it("reports a body that is not JSON", async () => {
    server.use(http.get(`${base}/html`, () => HttpResponse.text("<html>")));
    const { http: api } = client();
    const error = await failure(api.get("/html", item));
    expect(error.message).toContain("not JSON");
  });

  it("returns the Date header with getWithMeta", async () => {
    server.use(
      http.get(`${base}/dated`, () =>
        HttpResponse.json({ id: "d" }, { headers: { Date: "Mon, 23 Nov 2026 08:30:00 GMT" } }),
      ),
    );
    const { http: api } = client();
    const { data, date } = await api.getWithMeta("/dated", item);
    expect(data).toEqual({ id: "d" });
    expect(date?.toISOString()).toBe("2026-11-23T08:30:00.000Z");
  });

  it("sends an Idempotency-Key with a POST and keeps it across retries", async () => {
    const keys: (string | null)[] = [];
    const bodies: unknown[] = [];
    server.use(
      http.post(`${base}/tasks`, async ({ request }) => {
        keys.push(request.headers.get("idempotency-key"));
        bodies.push(await request.json());
        return keys.length === 1
          ? new HttpResponse(null, { status: 500 })
          : HttpResponse.json({ id: "t1" }, { status: 201 });
      }),
    );
    const { http: api } = client();
    await expect(api.post("/tasks", { title: "x" }, item)).resolves.toEqual({ id: "t1" });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(bodies).toEqual([{ title: "x" }, { title: "x" }]);
  });

  it("uses the caller's idempotency key when given", async () => {
    let key: string | null = null;
    server.use(
      http.post(`${base}/tasks`, ({ request }) => {
        key = request.headers.get("idempotency-key");
        return HttpResponse.json({ id: "t2" });
      }),
    );
    const { http: api } = client();
    await api.post("/tasks", {}, item, { idempotencyKey: "task-42" });
    expect(key).toBe("task-42");
  });
});

describe("pagination", () => {
  const cursorPage = z.object({ data: z.array(item), next_cursor: z.string().nullable() });
  const numberedPage = z.object({
    items: z.array(item),
    page: z.number(),
    total_pages: z.number(),
  });

  it("follows cursors until next_cursor is null", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${base}/cursored`, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get("cursor");
        seen.push(cursor);
        expect(url.searchParams.get("center_id")).toBe("c1");
        const next = { "": "b", b: "c", c: null }[cursor ?? ""] ?? null;
        return HttpResponse.json({ data: [{ id: `item-${cursor ?? "a"}` }], next_cursor: next });
      }),
    );
    const { http: api } = client();
    const items = await collectCursorPages(api, "/cursored", cursorPage, { center_id: "c1" });
    expect(items.map((i) => i.id)).toEqual(["item-a", "item-b", "item-c"]);
    expect(seen).toEqual([null, "b", "c"]);
  });

  it("requests pages 1..total_pages", async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${base}/numbered`, ({ request }) => {
        const pageNumber = new URL(request.url).searchParams.get("page") ?? "?";
        seen.push(pageNumber);
        return HttpResponse.json({
          items: [{ id: `p${pageNumber}` }],
          page: Number(pageNumber),
          total_pages: 3,
        });
      }),
    );
    const { http: api } = client();
    const items = await collectNumberedPages(api, "/numbered", numberedPage);
    expect(items.map((i) => i.id)).toEqual(["p1", "p2", "p3"]);
    expect(seen).toEqual(["1", "2", "3"]);
  });

  it("makes one request for an empty page-numbered list", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/numbered`, () => {
        calls++;
        return HttpResponse.json({ items: [], page: 1, total_pages: 0 });
      }),
    );
    const { http: api } = client();
    await expect(collectNumberedPages(api, "/numbered", numberedPage)).resolves.toEqual([]);
    expect(calls).toBe(1);
  });

  it("stops a cursor that never ends at the page cap", async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/endless`, () => {
        calls++;
        return HttpResponse.json({ data: [{ id: "again" }], next_cursor: "same" });
      }),
    );
    const { http: api } = client();
    const error = await failure(collectCursorPages(api, "/endless", cursorPage, {}, 5));
    expect(error.code).toBe("platform_error");
    expect(error.message).toContain("more than 5 pages");
    expect(calls).toBe(5);
  });
});

describe("encodeBody", () => {
  it("applies defaults and rejects a bad body as bad_request naming the field", () => {
    const schema = z.object({ title: z.string().min(1), due: z.string().nullable().default(null) });
    expect(encodeBody(schema, { title: "t" })).toEqual({ title: "t", due: null });
    try {
      encodeBody(schema, { title: "" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "bad_request", details: { field: "title" } });
    }
  });
});

describe("retry timing", () => {
  it("caps full-jitter backoff at 10 s", () => {
    expect(backoffDelay(0, () => 0.999)).toBe(249);
    expect(backoffDelay(3, () => 1)).toBe(2000);
    expect(backoffDelay(20, () => 1)).toBe(10_000);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });

  it("caps Retry-After at 60 s and ignores what it cannot read", () => {
    expect(retryAfterDelay("120", 0)).toBe(60_000);
    expect(retryAfterDelay("soon", 0)).toBeNull();
    expect(retryAfterDelay(null, 0)).toBeNull();
    const now = Date.parse("2026-11-23T08:00:00Z");
    expect(retryAfterDelay("Mon, 23 Nov 2026 07:59:00 GMT", now)).toBe(0);
  });
});
