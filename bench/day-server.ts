/**
 * Centerline playing one sandbox day, as `npm start` does, for `bench/day.ts`: the service with its
 * timers at their defaults (evaluation, alert and drafting ticks, reconciliation, directory sync),
 * and the sandbox's real-time runner handing every delivery to the service's webhook endpoint
 * through the same signed, retrying deliverer. The only difference from `npm start` is that this
 * process counts what it hands over and what was accepted, and stops the runner once the first
 * day's last delivery has been handed over.
 *
 * Over IPC: `{ type: "day:run" }` starts the day and is answered by one `DayReport` once every
 * delivery of the day has been answered and the inbox has drained; meanwhile `{ type: "day:status" }`
 * is answered with the report so far (`type: "day:progress"`), so a day that does not finish still
 * says how far it got.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { loadConfig } from "../src/config/index.js";
import { silentLogger } from "../src/logging/index.js";
import {
  createWebhookDeliverer,
  type SandboxDelivery,
  startSandboxRunner,
} from "../src/sandbox/index.js";
import { startService } from "../src/service.js";
import { countInbox } from "../src/storage/inbox.js";

const config = loadConfig({ ...process.env, PORT: "0" });
const service = await startService({ config, logger: silentLogger, runSandbox: false });
const sandbox = service.sandbox;
if (!sandbox) throw new Error("day-server needs SANDBOX=on");

export interface DayReport {
  type: "day" | "day:progress";
  date: string;
  centers: number;
  speed: number;
  /** Deliveries the day holds, handed to the deliverer, and answered 2xx. */
  planned: number;
  handed: number;
  delivered: number;
  /** Deliveries given up after the deliverer's retries (never answered 2xx). */
  undelivered: number;
  /** Tries that were answered other than 2xx or failed to connect (retried). */
  retried: number;
  /** Wall ms from the start to the last day delivery answered, and to the inbox drained. */
  playedMs: number;
  drainedMs: number;
  inboxPending: number;
  inboxFailed: number;
  /** Webhook round trip (the deliverer's POST to the 2xx), ms. */
  webhook: { p50: number; p99: number; max: number };
  /** Event-loop delay over the whole run, ms (`monitorEventLoopDelay`, 1 ms resolution). */
  loop: { p50: number; p99: number; max: number; mean: number };
  /** The longest stalls seen by a 10 ms timer: how late it fired and when (s into the run). */
  stalls: { ms: number; atS: number }[];
  rssBytes: number;
  maxRssBytes: number;
  utilization: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function playDay(): Promise<DayReport> {
  if (!sandbox) throw new Error("no sandbox");
  const date = sandbox.date;
  const dayEnds = Date.parse(sandbox.plan.endsAt);
  const planned = sandbox.plan.events.length;
  const inDay = (d: SandboxDelivery) => Date.parse(d.occurredAt) <= dayEnds;
  let handed = 0;
  let delivered = 0;
  let undelivered = 0;
  let retried = 0;
  const latencies: number[] = [];

  // Which tries the service answered 2xx, by webhook id (the deliverer retries with the same id).
  const accepted = new Set<string>();
  const countingFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      const id = new Headers(init?.headers).get("webhook-id");
      if (response.ok && id) {
        accepted.add(id);
        latencies.push(performance.now() - started);
      } else retried++;
      return response;
    } catch (error) {
      retried++;
      throw error;
    }
  };
  const deliverer = createWebhookDeliverer({
    url: (provider) => `${service.url}/webhooks/${provider}`,
    secrets: {
      procare: service.ctx.webhookSecrets.procare[0]!,
      kangarootime: service.ctx.webhookSecrets.kangarootime[0]!,
    },
    fetch: countingFetch,
  });

  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  const stalls: { ms: number; atS: number }[] = [];
  let expected = performance.now() + 10;
  const watch = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    expected = now + 10;
    if (late < 50) return;
    stalls.push({ ms: Math.round(late), atS: Math.round((now - start) / 100) / 10 });
    stalls.sort((a, b) => b.ms - a.ms);
    stalls.length = Math.min(stalls.length, 10);
  }, 10);
  histogram.enable();

  const db = service.ctx.db;
  let playedMs = Number.NaN;
  let drainedMs = Number.NaN;
  const report = (type: DayReport["type"]): DayReport => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (ns: number) => ns / 1e6;
    return {
      type,
      date,
      centers: sandbox.world.centers.length,
      speed: config.SANDBOX_SPEED,
      planned,
      handed,
      delivered,
      undelivered,
      retried,
      playedMs: Number.isNaN(playedMs) ? performance.now() - start : playedMs,
      drainedMs,
      inboxPending: countInbox(db, "pending"),
      inboxFailed: countInbox(db, "failed"),
      webhook: {
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
      },
      loop: {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
      },
      stalls,
      rssBytes: process.memoryUsage().rss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      utilization: performance.eventLoopUtilization(elu).utilization,
    };
  };
  status = () => report("day:progress");
  let finishDay: () => void = () => {};
  const dayDone = new Promise<void>((resolve) => {
    finishDay = resolve;
  });
  const runner = startSandboxRunner({
    sandbox,
    speed: config.SANDBOX_SPEED,
    deliver: async (delivery) => {
      // The runner moves on to the next day's deliveries after the last one: leave those alone.
      if (!inDay(delivery)) return;
      handed++;
      await deliverer(delivery);
      if (accepted.has(delivery.webhookId)) delivered++;
      else undelivered++;
      if (handed === planned) finishDay();
    },
  });
  await dayDone;
  playedMs = performance.now() - start;
  await runner.stop();
  while (countInbox(db, "pending") > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  drainedMs = performance.now() - start;
  histogram.disable();
  clearInterval(watch);
  return report("day");
}

let status: (() => DayReport) | null = null;

process.on("message", (message: { type?: string }) => {
  if (message.type === "day:status" && status) process.send?.(status());
  if (message.type !== "day:run") return;
  playDay().then(
    (report) => process.send?.(report),
    (error: unknown) => process.send?.({ type: "day", error: String(error) }),
  );
});

process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);

// SIGTERM exits at once (the database is the benchmark's scratch file), so `--cpu-prof` (through
// BENCH_SERVER_NODE_ARGS) writes its profile even when the day did not finish.
process.once("SIGTERM", () => process.exit(0));
