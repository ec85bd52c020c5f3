import { describe, expect, it, vi } from "vitest";
import { verifyWebhook } from "../ingest/standard-webhooks.js";
import type { Logger } from "../logging/index.js";
import { createWebhookDeliverer } from "./deliverer.js";
import { createSandbox } from "./sandbox.js";

const secrets = {
  procare: `whsec_${Buffer.alloc(32, 1).toString("base64")}`,
  kangarootime: `whsec_${Buffer.alloc(32, 2).toString("base64")}`,
};
const deliveries = createSandbox({ date: "2026-11-23" }).playDay();
const procare = deliveries.find((d) => d.provider === "procare")!;
const kangarootime = deliveries.find((d) => d.provider === "kangarootime")!;
const NOW = new Date("2026-11-23T08:00:00Z");

function setup(responses: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift() ?? new Response(null, { status: 204 });
    if (next instanceof Error) throw next;
    return next;
  });
  const sleeps: number[] = [];
  const logger = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const deliver = createWebhookDeliverer({
    url: (p) => `http://centerline.test/webhooks/${p}`,
    secrets,
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: () => NOW,
    logger: logger as unknown as Pick<Logger, "debug" | "warn" | "error">,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { deliver, calls, sleeps, logger };
}

const header = (init: RequestInit, name: string) => (init.headers as Record<string, string>)[name];

describe("createWebhookDeliverer", () => {
  it("POSTs the exact body with content type and a signature the receiver verifies", async () => {
    const { deliver, calls } = setup([new Response(null, { status: 200 })]);
    await deliver(kangarootime);
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe("http://centerline.test/webhooks/kangarootime");
    expect(init.method).toBe("POST");
    expect(init.body).toBe(kangarootime.body);
    expect(header(init, "content-type")).toBe("application/json");
    expect(header(init, "webhook-timestamp")).toBe(String(NOW.getTime() / 1000));
    const verified = verifyWebhook({
      headers: {
        id: header(init, "webhook-id"),
        timestamp: header(init, "webhook-timestamp"),
        signature: header(init, "webhook-signature"),
      },
      body: String(init.body),
      secrets: [secrets.kangarootime],
      nowSeconds: NOW.getTime() / 1000,
      toleranceSeconds: 300,
    });
    expect(verified).toEqual({
      ok: true,
      value: { id: kangarootime.webhookId, timestamp: NOW.getTime() / 1000 },
    });
  });

  it("retries 5xx, 408 and 429 with backoff, keeping the webhook id", async () => {
    const { deliver, calls, sleeps } = setup([
      new Response(null, { status: 503 }),
      new Response(null, { status: 408 }),
      new Response(null, { status: 429 }),
      new Response(null, { status: 202 }),
    ]);
    await deliver(procare);
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => header(c.init, "webhook-id")))).toEqual(
      new Set([procare.webhookId]),
    );
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it("does not retry other 4xx, and logs the rejection", async () => {
    const { deliver, calls, logger } = setup([new Response("bad", { status: 400 })]);
    await deliver(procare);
    expect(calls).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it("gives up after 5 attempts on network errors without throwing", async () => {
    const { deliver, calls, sleeps, logger } = setup(
      Array.from({ length: 6 }, () => new TypeError("fetch failed")),
    );
    await expect(deliver(procare)).resolves.toBeUndefined();
    expect(calls).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ webhookId: procare.webhookId, attempts: 5 }),
      "sandbox webhook given up",
    );
  });
});
