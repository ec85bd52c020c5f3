/**
 * @module bench/day
 * `npm run bench`: can one process carry a 50-center sandbox day at full speed? Centerline runs
 * in its own process (`day-server.ts`) over a fresh SQLite file with `SANDBOX_CENTERS` centers, its
 * timers at their defaults and the sandbox runner playing the day at `SANDBOX_SPEED`× real time,
 * every delivery signed and POSTed to its own webhook endpoint (retried as a platform would). Slack
 * goes to a loopback fake; nothing leaves the machine. Printed: webhooks planned, handed over and
 * accepted (every one must be), wall time, the event loop's delay (p50/p99/max over the whole run)
 * and its ten longest stalls, RSS.
 *
 * Settings (env): BENCH_DAY_CENTERS (50), BENCH_DAY_SPEED (2000), BENCH_DAY_TIMEOUT_SECONDS (1800),
 * BENCH_JSON (1: also one JSON line). Profile the server with
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateSecret } from "../src/ingest/standard-webhooks.js";
import type { DayReport } from "./day-server.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { type ServerProcess, startServer } from "./servers.js";

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}`);
  return n;
}

const settings = {
  centers: envNumber("BENCH_DAY_CENTERS", 50, 1),
  speed: envNumber("BENCH_DAY_SPEED", 2000, 1),
  timeoutSeconds: envNumber("BENCH_DAY_TIMEOUT_SECONDS", 1800, 10),
  json: process.env.BENCH_JSON === "1",
};
const TARGET = { loopP99Ms: 50, loopMaxMs: 200 };

const started = performance.now();
const progress = (text: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${text}\n`);

const tempDir = mkdtempSync(join(os.tmpdir(), "centerline-bench-day-"));
let server: ServerProcess | undefined;
let slack: FakeSlack | undefined;
process.once("exit", () => {
  server?.killNow();
  rmSync(tempDir, { recursive: true, force: true });
});
process.once("SIGINT", () => process.exit(130));

let report: DayReport | undefined;
let startupMs = 0;
let serverCpuMs: number | null = null;
try {
  slack = await startFakeSlack();
  progress(`starting Centerline with ${settings.centers} sandbox centers`);
  const t0 = performance.now();
  server = await startServer(
    "Centerline (sandbox day)",
    "bench/day-server.ts",
    {
      DATABASE_PATH: join(tempDir, "centerline.db"),
      PROCARE_WEBHOOK_SECRETS: generateSecret(),
      KANGAROOTIME_WEBHOOK_SECRETS: generateSecret(),
      SANDBOX: "on",
      SANDBOX_SEED: "42",
      SANDBOX_CENTERS: String(settings.centers),
      SANDBOX_DATE: "2025-03-03",
      SANDBOX_SPEED: String(settings.speed),
      LOG_LEVEL: "silent",
      SLACK_WEBHOOK_URL: slack.url,
      // Nothing leaves the machine: drafts come from templates, SMS is not configured.
      ANTHROPIC_API_KEY: "",
      TWILIO_ACCOUNT_SID: "",
      TWILIO_AUTH_TOKEN: "",
      TWILIO_FROM_NUMBER: "",
      PUBLIC_URL: "",
    },
    { ipc: true, timeoutMs: 300_000 },
  );
  startupMs = performance.now() - t0;
  progress(`playing the day at ${settings.speed}× (started in ${(startupMs / 1000).toFixed(1)} s)`);
  const cpuBefore = server.cpuMs();
  const running = server;
  const done = running.ask<DayReport & { error?: string }>(
    { type: "day:run" },
    "day",
    settings.timeoutSeconds * 1000,
  );
  // How far the day has got, every 15 s: a day that does not finish in time still reports.
  let latest: DayReport | undefined;
  const poll = setInterval(() => {
    running.ask<DayReport>({ type: "day:status" }, "day:progress", 60_000).then(
      (r) => {
        latest = r;
        progress(
          `${r.delivered}/${r.planned} webhooks accepted; loop delay p99 ${r.loop.p99.toFixed(0)} ms, ` +
            `max ${r.loop.max.toFixed(0)} ms`,
        );
      },
      () => {},
    );
  }, 15_000);
  try {
    const answer = await done;
    if (answer.error) throw new Error(answer.error);
    report = answer;
  } catch (error) {
    if (!latest) throw error;
    progress(`the day did not finish: ${error instanceof Error ? error.message : String(error)}`);
    report = latest;
  } finally {
    clearInterval(poll);
  }
  const cpuAfter = server.cpuMs();
  serverCpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  const status = server?.exitStatus();
  if (status) console.error(status);
} finally {
  await server?.stop();
  await slack?.close();
}
if (!report) process.exit(1);

const f = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const finished = report.type === "day";
const allDelivered = finished && report.delivered === report.planned && report.inboxFailed === 0;
const loopMet = report.loop.p99 < TARGET.loopP99Ms && report.loop.max < TARGET.loopMaxMs;
console.log(
  [
    "",
    `${finished ? "" : `NOT FINISHED within ${settings.timeoutSeconds} s (figures so far) — `}` +
      `A sandbox day (${report.date}) for ${report.centers} centers at ${report.speed}× real time, ` +
      `the service's timers at their defaults, the runner POSTing to its own webhook endpoint`,
    `machine: ${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.availableParallelism()} cores, ` +
      `node ${process.version}; start-up to listening ${f(startupMs / 1000, 1)} s`,
    "",
    `webhooks: ${report.planned} in the day, ${report.handed} handed over, ${report.delivered} ` +
      `accepted, ${report.undelivered} given up (${report.retried} tries retried); inbox after: ` +
      `${report.inboxPending} pending, ${report.inboxFailed} failed — every webhook delivered: ` +
      `${allDelivered ? "yes" : "NO"}`,
    `wall: ${finished ? "day played" : "stopped"} after ${f(report.playedMs / 1000, 1)} s ` +
      `(${f(report.playedMs > 0 ? (report.delivered / report.playedMs) * 1000 : 0, 1)} webhooks/s), ` +
      `inbox drained at ${f(report.drainedMs / 1000, 1)} s; server CPU ` +
      `${serverCpuMs === null ? "n/a" : `${f(serverCpuMs / 1000, 1)} s`}`,
    `webhook round trip: p50 ${f(report.webhook.p50, 1)} ms, p99 ${f(report.webhook.p99, 1)} ms, ` +
      `max ${f(report.webhook.max)} ms`,
    `event loop delay: p50 ${f(report.loop.p50, 1)} ms, p99 ${f(report.loop.p99, 1)} ms, max ` +
      `${f(report.loop.max)} ms (mean ${f(report.loop.mean, 1)}); busy ` +
      `${f(report.utilization * 100)}% — target p99 < ${TARGET.loopP99Ms} ms and max < ` +
      `${TARGET.loopMaxMs} ms: ${loopMet ? "met" : "NOT met"}`,
    `longest stalls (ms @ s into the run): ${report.stalls.map((s) => `${s.ms}@${s.atS}`).join(", ") || "none over 50 ms"}`,
    `RSS at the end ${mb(report.rssBytes)}, peak ${mb(report.maxRssBytes)}; Slack messages ` +
      `received ${slack?.receipts.length ?? 0}`,
  ].join("\n"),
);
if (settings.json) console.log(JSON.stringify({ settings, startupMs, serverCpuMs, ...report }));
if (!allDelivered) {
  console.error("FAILED: not every webhook of the day was delivered and processed");
  process.exitCode = 1;
}
