/**
 * The periodic ratio re-evaluation (EVALUATE_INTERVAL_SECONDS) on a sandbox chain: the real
 * service with N centers, their day delivered through the webhooks up to a few checkpoints, then
 * one tick measured — its whole duration, and the longest stretch it kept the event loop busy
 * (measured from outside by a timer that should fire every millisecond).
 * Run: `npx tsx bench/evaluate-tick.ts [centers=50]`.
 */
import { performance } from "node:perf_hooks";
import { startTestService } from "../test/support/service.js";

const centers = Number(process.argv[2] ?? 50);
const t = await startTestService({ env: { SANDBOX_CENTERS: String(centers) } });
const service = t.service as typeof t.service & { evaluateDue?: () => Promise<unknown> };
let lastReport: unknown = null;
const tick = async () => {
  if (service.evaluateDue) lastReport = await service.evaluateDue();
  else service.evaluateNow();
};

/** Runs `fn` while a 1 ms timer watches; the longest gap between its firings is the block. */
async function measure(fn: () => Promise<void>): Promise<{ totalMs: number; blockMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const probe = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (running) setTimeout(probe, 1);
  };
  setTimeout(probe, 1);
  await new Promise((r) => setTimeout(r, 5));
  worst = 0;
  last = performance.now();
  const start = performance.now();
  await fn();
  const totalMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 5));
  running = false;
  return { totalMs, blockMs: Math.max(worst, 0) };
}

const day = t.sandbox.plan.date;
/** Minutes after the day's first opening: early drop-off, mid-morning, lunch, nap, pick-up. */
const checkpoints = [41, 150, 240, 330, 540];
const rooms = t.sandbox.world.centers.reduce((n, c) => n + c.rooms.length, 0);
console.log(`${centers} centers, ${rooms} rooms, sandbox day ${day}`);
// The first tick after start-up re-evaluates everything the start-up already did; warm it.
await tick();
for (const minutes of checkpoints) {
  const until = new Date(Date.parse(t.sandbox.plan.startsAt) + minutes * 60_000);
  let delivered = 0;
  for (const d of t.sandbox.advanceTo(until)) {
    // A pooled connection the server has just closed fails once; a redelivery is deduplicated.
    await t.post(d).catch(() => t.post(d));
    delivered++;
  }
  t.settle();
  const first = await measure(tick);
  const second = await measure(tick);
  console.log(
    `${t.sandbox.now().toISOString()} (+${delivered} events): tick ${first.totalMs.toFixed(0)} ms, longest block ${first.blockMs.toFixed(0)} ms; ` +
      `next tick at the same instant ${second.totalMs.toFixed(0)} ms, block ${second.blockMs.toFixed(0)} ms` +
      (lastReport ? ` ${JSON.stringify(lastReport)}` : ""),
  );
}
await t.stop();
