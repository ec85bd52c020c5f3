import { describe, expect, it } from "vitest";
import {
  createMessagesClient,
  isModelUnavailable,
  ModelApiError,
  retryDelayMs,
} from "./messages-client.js";

const body = { model: "m", max_tokens: 10, temperature: 0, system: [], tools: [], messages: [] };

describe("retryDelayMs", () => {
  it("honours retry-after-ms, then retry-after, when under a minute", () => {
    expect(retryDelayMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), 0)).toBe(250);
    expect(retryDelayMs(new Headers({ "retry-after": "3" }), 0)).toBe(3000);
  });

  it("backs off exponentially (0.5 s doubling, at most 8 s, up to 25 % less) otherwise", () => {
    const d0 = retryDelayMs(new Headers({ "retry-after": "600" }), 0);
    expect(d0).toBeGreaterThan(375);
    expect(d0).toBeLessThanOrEqual(500);
    const d9 = retryDelayMs(undefined, 9);
    expect(d9).toBeGreaterThan(6000);
    expect(d9).toBeLessThanOrEqual(8000);
  });
});

describe("createMessagesClient", () => {
  const reply = (status: number, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ type: "error", error: { type: "x", message: "m" } }), {
      status,
      headers,
    });

  it("obeys x-should-retry: false, and retries connection errors", async () => {
    let calls = 0;
    const noRetry = createMessagesClient({
      apiKey: "k",
      sleep: async () => {},
      fetch: async () => {
        calls++;
        return reply(529, { "x-should-retry": "false" });
      },
    });
    await expect(noRetry.create(body)).rejects.toMatchObject({ status: 529, attempts: 1 });
    expect(calls).toBe(1);

    calls = 0;
    const flaky = createMessagesClient({
      apiKey: "k",
      maxRetries: 3,
      sleep: async () => {},
      fetch: async () => {
        calls++;
        throw new TypeError("fetch failed");
      },
    });
    const error = await flaky.create(body).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(ModelApiError);
    expect(isModelUnavailable(error)).toBe(true);
  });

  it("classifies errors: transient statuses and the SDK's connection errors are unavailable", () => {
    expect(isModelUnavailable(new ModelApiError("x", 429, null, null, 3))).toBe(true);
    expect(isModelUnavailable(new ModelApiError("x", 400, null, null, 1))).toBe(false);
    expect(isModelUnavailable(Object.assign(new Error("x"), { status: 503 }))).toBe(true);
    expect(isModelUnavailable(Object.assign(new Error("x"), { name: "APIConnectionError" }))).toBe(
      true,
    );
    expect(isModelUnavailable(new Error("bug"))).toBe(false);
  });
});
