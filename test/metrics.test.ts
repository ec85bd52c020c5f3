/**
 * `/metrics` as Prometheus scrapes it: behind METRICS_TOKEN on the service's port, without a token
 * on METRICS_PORT, absent when neither is set; the figures follow what the service did.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support/service.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const token = "metrics-token-0123456789abcdefghij";
let t: TestService;
let metricsPort: number;

/** The value of one sample line, e.g. `centerline_inbox_events{status="processed"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  metricsPort = await freePort();
  t = await startTestService({
    env: { METRICS_TOKEN: token, METRICS_PORT: String(metricsPort) },
  });
}, 60_000);
afterAll(async () => {
  await t.service.stop();
});

describe("/metrics", () => {
  it("answers only with the token on the service's port", async () => {
    const none = await fetch(`${t.service.url}/metrics`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${t.service.url}/metrics`, {
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${t.service.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/text\/plain/);
  });

  it("counts processed events, alerts and process figures as the day goes on", async () => {
    const { startsAt } = t.sandbox.plan;
    const deliveries = t.sandbox.advanceTo(new Date(new Date(startsAt).getTime() + 90 * 60_000));
    expect(deliveries.length).toBeGreaterThan(10);
    for (const d of deliveries) expect((await t.post(d)).status).toBe(200);
    t.settle();

    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(sample(text, 'centerline_inbox_events{status="processed"}')).toBe(deliveries.length);
    expect(sample(text, "centerline_inbox_lag_seconds")).toBe(0);
    expect(sample(text, "centerline_events_rejected")).toBe(0);
    expect(text).toMatch(/^centerline_info\{version="[^"]+"\} 1$/m);
    expect(text).toMatch(/^centerline_nodejs_eventloop_lag_p99_seconds \d/m);
    expect(text).toMatch(/^centerline_process_resident_memory_bytes \d/m);
    expect(text).toContain("# TYPE centerline_delivery_latency_seconds histogram");
  });

  it("does not exist without METRICS_TOKEN or METRICS_PORT", async () => {
    const plain = await startTestService();
    try {
      expect((await fetch(`${plain.service.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.service.stop();
    }
  }, 60_000);
});
