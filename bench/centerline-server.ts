/**
 * Centerline as the benchmark runs it: its own process, a fresh SQLite file, the sandbox directory
 * synced but its day not playing (the benchmark sends the events itself), logs off.
 *
 * Two benchmark-only settings, both read here and nowhere in the service:
 * - `BENCH_CLOCK_SPEED` (unset: the business clock stands still, as the ingest benchmark wants):
 *   the sandbox clock is moved to `BENCH_CLOCK_START_HOURS` after the day's first opening and then
 *   runs at that many times real time, so cool-downs, escalations and "critical after N minutes"
 *   happen within a short run. The sandbox's own deliveries for that time are dropped: the
 *   benchmark is the only source of events.
 * - With an IPC channel (`startServer(..., { ipc: true })`) it measures its own event loop with
 *   `monitorEventLoopDelay`: `{ type: "loop:reset" }` starts a window, `{ type: "loop:report" }`
 *   answers `{ type: "loop", ... }` with the delay percentiles and utilization since the reset.
 */
import { type EventLoopUtilization, monitorEventLoopDelay, performance } from "node:perf_hooks";
import { pino } from "pino";
import { loadConfig } from "../src/config/index.js";
import { silentLogger } from "../src/logging/index.js";
import { startService } from "../src/service.js";

const config = loadConfig({ ...process.env, PORT: "0", RECONCILE_INTERVAL_SECONDS: "0" });
// BENCH_SERVER_LOG=warn (or any pino level): the server's logs on its stderr (stdout is the
// handshake), which the benchmark prints after the run.
const logger = process.env.BENCH_SERVER_LOG
  ? pino({ level: process.env.BENCH_SERVER_LOG }, pino.destination(2))
  : silentLogger;
const service = await startService({ config, logger, runSandbox: false });

const speed = Number(process.env.BENCH_CLOCK_SPEED ?? 0);
const sandbox = service.sandbox;
if (speed > 0 && sandbox) {
  const startHours = Number(process.env.BENCH_CLOCK_START_HOURS ?? 4);
  const businessStart = Date.parse(sandbox.plan.startsAt) + startHours * 3_600_000;
  sandbox.advanceTo(new Date(businessStart));
  const wallStart = performance.now();
  // Fine enough that a 2-minute cool-down at 60× ends within a tenth of a second of its due time.
  setInterval(() => {
    sandbox.advanceTo(new Date(businessStart + (performance.now() - wallStart) * speed));
  }, 100).unref();
}

export interface LoopReport {
  type: "loop";
  /** Event-loop delay over the window, in ms, sampled every 1 ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Share of the window the loop spent running code rather than waiting (0..1). */
  utilization: number;
  windowMs: number;
}

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let windowStart = performance.now();
  const ms = (ns: number) => ns / 1e6;
  process.on("message", (message: { type?: string }) => {
    if (message.type === "loop:reset") {
      histogram.reset();
      elu = performance.eventLoopUtilization();
      windowStart = performance.now();
      process.send?.({ type: "loop:reset" });
    } else if (message.type === "loop:report") {
      const report: LoopReport = {
        type: "loop",
        p50Ms: ms(histogram.percentile(50)),
        p99Ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
        meanMs: ms(histogram.mean),
        utilization: performance.eventLoopUtilization(elu).utilization,
        windowMs: performance.now() - windowStart,
      };
      process.send?.(report);
    }
  });
}

process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);

// A clean stop on SIGTERM, so `--cpu-prof` (through NODE_OPTIONS) can write its profile.
process.once("SIGTERM", () => {
  void service.stop().finally(() => process.exit(0));
});
