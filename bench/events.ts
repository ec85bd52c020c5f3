/**
 * @module bench/events
 * The benchmark's events: real sandbox deliveries (the exact bodies the platforms' shapes produce),
 * from a sandbox built with the same seed, center count and date as the one inside the Centerline
 * server, so every center, room, child and staff id they name is in the server's synced directory
 * and each one is accepted rather than refused as an unknown reference.
 */
import type { Provider } from "../src/domain/index.js";
import { createSandbox, type SandboxDelivery, signDelivery } from "../src/sandbox/index.js";
import type { PreparedRequest } from "./load.js";

/** Shared by the load generator and (as SANDBOX_* env) the Centerline server. */
export const BENCH_SANDBOX = { seed: 42, centers: 2, date: "2025-03-03" } as const;

/** The first `count` deliveries of consecutive sandbox days (a day yields a few hundred). */
export function playDeliveries(count: number): SandboxDelivery[] {
  const sandbox = createSandbox({ ...BENCH_SANDBOX });
  const out: SandboxDelivery[] = [];
  // The cap only guards against a script change that makes days silent; 5000 events take ~15 days.
  for (let day = 0; out.length < count && day < 10_000; day++) {
    out.push(...sandbox.playDay());
    sandbox.nextDay();
  }
  if (out.length < count) throw new Error(`the sandbox produced only ${out.length} deliveries`);
  // Every delivery must be a new event to the server, or it answers "duplicate" and does less work.
  const keys = new Set(out.map((d) => `${d.provider}:${d.eventId ?? d.webhookId}`));
  if (keys.size !== out.length) throw new Error("the sandbox produced duplicate event ids");
  return out.slice(0, count);
}

/**
 * Signs each delivery with one timestamp, now. Called right before a phase starts, so the HMAC cost
 * stays out of the measured latencies while the timestamps stay well inside the server's 300 s
 * tolerance (a phase lasts seconds).
 */
export function signAll(
  deliveries: readonly SandboxDelivery[],
  secrets: Record<Provider, string>,
  nowSeconds = Math.floor(Date.now() / 1000),
): PreparedRequest[] {
  return deliveries.map((delivery) => {
    const body = Buffer.from(delivery.body, "utf8");
    return {
      path: `/webhooks/${delivery.provider}`,
      headers: {
        "content-type": "application/json",
        "content-length": String(body.length),
        ...signDelivery(delivery, secrets[delivery.provider], nowSeconds),
      },
      body,
    };
  });
}
