/**
 * @module bench/ingest
 * `npm run bench`: webhook ingest throughput and latency over loopback HTTP, Centerline next to a
 * no-op Hono handler on the same machine in the same run, and the ratio between them.
 *
 * How: both servers run as separate child processes (`noop-server.ts`, `centerline-server.ts`, the
 * latter on a fresh SQLite file in the OS temp dir with its directory synced from its own sandbox).
 * This process plays sandbox days with the same seed, centers and date until it has warm-up + N
 * distinct deliveries, then, for each server in turn: signs the warm-up set and sends it (not
 * counted), signs the measured set and sends it at a fixed concurrency over keep-alive connections,
 * timing every request. Both servers get the same requests (bodies, ids, headers; only the
 * signing timestamp differs). Centerline must answer every one
 * with 200 `accepted`; anything else is counted, printed and fails the run. After Centerline's last
 * response the inbox is polled through `GET /healthz` until nothing is pending, which gives the
 * projection drain time and an end-to-end rate that includes projecting into live state.
 *
 * Flags: --events N (1000, or BENCH_INGEST_EVENTS), --concurrency C (16, BENCH_INGEST_CONCURRENCY),
 * --warmup W (200, BENCH_INGEST_WARMUP), --json (a JSON line on stdout; the table moves to stderr).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { Provider } from "../src/domain/index.js";
import { generateSecret } from "../src/ingest/standard-webhooks.js";
import type { SandboxDelivery } from "../src/sandbox/index.js";
import { BENCH_SANDBOX, playDeliveries, signAll } from "./events.js";
import { type LatencySummary, type LoadResult, runLoad, summarize } from "./load.js";
import { type ServerProcess, startServer } from "./servers.js";

const EXPECTED = "200 accepted";

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

const USAGE = "usage: npm run bench -- [--events N] [--concurrency C] [--warmup W] [--json]";

function parseFlags() {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: process.env.BENCH_INGEST_EVENTS || "1000" },
      concurrency: { type: "string", default: process.env.BENCH_INGEST_CONCURRENCY || "16" },
      warmup: { type: "string", default: process.env.BENCH_INGEST_WARMUP || "200" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return {
    help: values.help,
    json: values.json,
    events: positiveInt("events", values.events),
    concurrency: positiveInt("concurrency", values.concurrency),
    warmup: positiveInt("warmup", values.warmup),
  };
}

let flags: ReturnType<typeof parseFlags>;
try {
  flags = parseFlags();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const { events, concurrency, warmup } = flags;

// ---- progress: one rewritten line on a terminal, one line per phase otherwise (CI logs) ----

const tty = process.stderr.isTTY;
let lastDraw = 0;
function progress(text: string, force = true): void {
  const now = performance.now();
  if (!force && (!tty || now - lastDraw < 100)) return;
  lastDraw = now;
  process.stderr.write(tty ? `\r\x1b[K${text}` : `${text}\n`);
}
const clearProgress = () => tty && process.stderr.write("\r\x1b[K");

// ---- machine facts: the ratio means little without knowing what shared the cores ----

const cpus = os.cpus();
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu: cpus[0]?.model.trim() ?? "unknown",
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
};

// ---- the run ----

interface InboxState {
  pending: number;
  failed: number;
}

async function inboxState(url: string): Promise<InboxState> {
  const response = await fetch(`${url}/healthz`);
  const body = (await response.json()) as { inbox: InboxState };
  return body.inbox;
}

/** Polls until nothing is pending. The processor drains the whole backlog in one synchronous pass,
 * so a poll sent mid-drain is answered just after it ends: the time measured is when the server
 * could next say the inbox was empty, within a poll interval (5 ms) plus one round trip. */
async function waitForDrain(url: string, timeoutMs = 300_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const inbox = await inboxState(url);
    if (inbox.pending === 0) return { at: performance.now(), failed: inbox.failed };
    if (performance.now() > deadline) {
      throw new Error(`inbox still has ${inbox.pending} pending rows after ${timeoutMs} ms`);
    }
    await sleep(5);
  }
}

const tally = (outcomes: Map<string, number>) =>
  [...outcomes].map(([outcome, n]) => `${n} × ${outcome}`).join(", ");
const unexpected = (outcomes: Map<string, number>) =>
  [...outcomes].filter(([outcome]) => outcome !== EXPECTED).reduce((sum, [, n]) => sum + n, 0);

interface Phase {
  result: LoadResult;
  summary: LatencySummary;
  /** CPU used during the phase, in ms: the server's (null without /proc) and this process's. */
  serverCpuMs: number | null;
  clientCpuMs: number;
}

async function phase(
  server: ServerProcess,
  label: string,
  name: string,
  deliveries: readonly SandboxDelivery[],
  secrets: Record<Provider, string>,
): Promise<Phase> {
  // Signed here, immediately before sending: fresh timestamps, and no HMAC inside the timing.
  const requests = signAll(deliveries, secrets);
  progress(`${label}: ${name} 0/${requests.length}`);
  const serverCpu = server.cpuMs();
  const clientCpu = process.cpuUsage();
  const result = await runLoad({
    url: server.url,
    requests,
    concurrency,
    onProgress: (done) => progress(`${label}: ${name} ${done}/${requests.length}`, false),
  });
  const clientUsed = process.cpuUsage(clientCpu);
  const serverCpuAfter = server.cpuMs();
  progress(`${label}: ${name} ${requests.length}/${requests.length}`);
  return {
    result,
    summary: summarize(result),
    serverCpuMs: serverCpu === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpu,
    clientCpuMs: (clientUsed.user + clientUsed.system) / 1000,
  };
}

progress(`generating ${warmup + events} sandbox deliveries`);
const all = playDeliveries(warmup + events);
// Warm-up and measured sets are disjoint: re-sending a warm-up event to Centerline would be a
// duplicate, which skips the insert and measures a cheaper path.
const warmupSet = all.slice(0, warmup);
const measuredSet = all.slice(warmup);
const secrets: Record<Provider, string> = {
  procare: generateSecret(),
  kangarootime: generateSecret(),
};

const tempDir = mkdtempSync(join(os.tmpdir(), "centerline-bench-"));
const servers: ServerProcess[] = [];
const cleanupNow = () => {
  for (const server of servers) server.killNow();
  rmSync(tempDir, { recursive: true, force: true });
};
// The finally below is the normal path; these cover Ctrl-C and a crash, where it may never run.
process.once("exit", cleanupNow);
process.once("SIGINT", () => {
  clearProgress();
  cleanupNow();
  process.exit(130);
});

interface Measured {
  noop: Phase;
  centerline: Phase;
  drain: { at: number; failed: number };
}

async function measure(): Promise<Measured> {
  progress("starting servers");
  const started = await Promise.allSettled([
    startServer("no-op server", "bench/noop-server.ts", {}),
    startServer("Centerline server", "bench/centerline-server.ts", {
      DATABASE_PATH: join(tempDir, "centerline.db"),
      PROCARE_WEBHOOK_SECRETS: secrets.procare,
      KANGAROOTIME_WEBHOOK_SECRETS: secrets.kangarootime,
      SANDBOX: "on",
      SANDBOX_SEED: String(BENCH_SANDBOX.seed),
      SANDBOX_CENTERS: String(BENCH_SANDBOX.centers),
      SANDBOX_DATE: BENCH_SANDBOX.date,
      LOG_LEVEL: "silent",
      RECONCILE_INTERVAL_SECONDS: "0",
      // No background directory sync mid-run either: only ingest and projection should be timed.
      DIRECTORY_SYNC_INTERVAL_SECONDS: "0",
    }),
  ]);
  for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
  for (const s of started) if (s.status === "rejected") throw s.reason;
  const [noopServer, centerlineServer] = servers as [ServerProcess, ServerProcess];

  // A warm-up that does not come back clean means the setup is wrong (secrets, directory), and
  // every measured number after it would be about error paths; stop before measuring.
  const checkWarmup = (label: string, { result }: Phase) => {
    if (unexpected(result.outcomes) > 0) {
      throw new Error(`${label} warm-up was not all "${EXPECTED}": ${tally(result.outcomes)}`);
    }
  };
  // A server that died mid-phase leaves connection errors in the tally; say so plainly instead.
  const checkAlive = (server: ServerProcess, p: Phase) => {
    const status = server.exitStatus();
    if (status) throw new Error(`${status}\nrequests: ${tally(p.result.outcomes)}`);
  };

  checkWarmup("no-op", await phase(noopServer, "no-op Hono", "warm-up", warmupSet, secrets));
  const noop = await phase(noopServer, "no-op Hono", "measured", measuredSet, secrets);
  checkAlive(noopServer, noop);

  checkWarmup(
    "Centerline",
    await phase(centerlineServer, "Centerline", "warm-up", warmupSet, secrets),
  );
  // Start the measured phase with an empty backlog, so it pays only for its own projection work.
  await waitForDrain(centerlineServer.url);
  const centerline = await phase(centerlineServer, "Centerline", "measured", measuredSet, secrets);
  checkAlive(centerlineServer, centerline);
  progress("Centerline: waiting for the inbox to drain");
  const drain = await waitForDrain(centerlineServer.url);
  return { noop, centerline, drain };
}

let measured: Measured | undefined;
try {
  measured = await measure();
} catch (error) {
  clearProgress();
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  clearProgress();
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(tempDir, { recursive: true, force: true });
}
if (!measured) process.exit(1);
const { noop, centerline, drain } = measured;

// ---- report ----

const n = noop.summary;
const c = centerline.summary;
const drainMs = drain.at - centerline.result.endedAt;
const endToEndMs = drain.at - centerline.result.startedAt;
const endToEndEventsPerSecond = c.requests / (endToEndMs / 1000);
const ratios = {
  throughput: c.eventsPerSecond / n.eventsPerSecond,
  p50: c.p50Ms / n.p50Ms,
  p99: c.p99Ms / n.p99Ms,
  max: c.maxMs / n.maxMs,
};

const int = (x: number) => Math.round(x).toLocaleString("en-US");
const ms = (x: number) => x.toFixed(2);
const times = (x: number) => `${x.toFixed(2)}×`;
const row = (name: string, s: LatencySummary) =>
  [
    name.padEnd(18),
    int(s.requests).padStart(8),
    String(s.concurrency).padStart(5),
    int(s.eventsPerSecond).padStart(9),
    ms(s.p50Ms).padStart(8),
    ms(s.p99Ms).padStart(8),
    ms(s.maxMs).padStart(8),
  ].join("  ");

/** CPU per event and how busy the server was: well under 100% busy with a queue of requests
 * waiting means it was blocked (fsync, locks) or starved of a core, not computing. */
const cpu = (p: Phase) => ({
  serverMsPerEvent: p.serverCpuMs === null ? null : p.serverCpuMs / p.summary.requests,
  serverBusy: p.serverCpuMs === null ? null : p.serverCpuMs / p.summary.wallMs,
  loadGeneratorMsPerEvent: p.clientCpuMs / p.summary.requests,
});
const cpuText = (label: string, p: Phase) => {
  const x = cpu(p);
  const server =
    x.serverMsPerEvent === null || x.serverBusy === null
      ? "server n/a"
      : `server ${ms(x.serverMsPerEvent)} ms (${Math.round(x.serverBusy * 100)}% of a core)`;
  return `${label} ${server}, load generator ${ms(x.loadGeneratorMsPerEvent)} ms`;
};

const table = [
  `Webhook ingest over loopback HTTP: ${int(events)} signed sandbox events per server after ` +
    `${int(warmup)} warm-up, keep-alive, closed loop`,
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ` +
    `${machine.platform}, node ${machine.node} (load generator and servers share these cores)`,
  "",
  [
    "server".padEnd(18),
    "requests".padStart(8),
    "conc".padStart(5),
    "events/s".padStart(9),
    "p50 ms".padStart(8),
    "p99 ms".padStart(8),
    "max ms".padStart(8),
  ].join("  "),
  row("no-op Hono", n),
  row("Centerline ingest", c),
  "",
  `Centerline / no-op: throughput ${times(ratios.throughput)}, latency p50 ${times(ratios.p50)}, ` +
    `p99 ${times(ratios.p99)}, max ${times(ratios.max)}`,
  `projection drain after the last response: ${ms(drainMs)} ms; end-to-end incl. projection: ` +
    `${int(endToEndEventsPerSecond)} events/s; failed inbox rows: ${drain.failed}`,
  `CPU per event: ${cpuText("no-op:", noop)}; ${cpuText("Centerline:", centerline)}`,
  `outcomes: no-op ${tally(noop.result.outcomes)}; Centerline ${tally(centerline.result.outcomes)}`,
].join("\n");

const report = {
  events,
  concurrency,
  warmup,
  machine,
  noop: { ...n, cpu: cpu(noop), outcomes: Object.fromEntries(noop.result.outcomes) },
  centerline: {
    ...c,
    cpu: cpu(centerline),
    outcomes: Object.fromEntries(centerline.result.outcomes),
    drainMs,
    endToEndEventsPerSecond,
    failedInboxRows: drain.failed,
  },
  ratios,
};

if (flags.json) {
  process.stderr.write(`${table}\n`);
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  console.log(table);
}

const bad =
  unexpected(noop.result.outcomes) + unexpected(centerline.result.outcomes) + drain.failed;
if (bad > 0) {
  const expired = [...centerline.result.outcomes.keys()].some((o) => o.startsWith("401"))
    ? " (401s: a phase outlasted the 300 s signature tolerance? lower --events)"
    : "";
  console.error(`FAILED: ${bad} requests or inbox rows did not end as "${EXPECTED}"${expired}`);
  process.exitCode = 1;
}
