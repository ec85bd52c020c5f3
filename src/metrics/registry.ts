/**
 * @module metrics/registry
 * Prometheus metrics (prom-client). Process metrics (CPU, memory, event-loop delay percentiles)
 * come from prom-client's defaults; the service's own are read from the database at scrape time,
 * so they are right after a restart and across processes sharing the file, plus a few counted as
 * they happen in this process (room status changes, alerts and approvals published).
 */
import type { EventEmitter } from "node:events";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { StatusChange } from "../compliance/index.js";
import type { Db } from "../storage/index.js";
import {
  agentUsage,
  alertCounts,
  inboxCounts,
  oldestPendingInbox,
  outboxCounts,
  rejectedCount,
  sentSince,
} from "../storage/metrics.js";

export interface MetricsOptions {
  db: Db;
  events: EventEmitter;
  version: string;
  /** Wall-clock time (receipt and send times are wall-clock). */
  wallClock: () => Date;
}

export interface Metrics {
  registry: Registry;
  /** The exposition text for one scrape. */
  render(): Promise<string>;
  contentType: string;
}

const seconds = (from: string, to: Date) => Math.max(0, (to.getTime() - Date.parse(from)) / 1000);

export function createMetrics({ db, events, version, wallClock }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "centerline_" });

  new Gauge({
    name: "centerline_info",
    help: "The running version (always 1).",
    labelNames: ["version"],
    registers: [registry],
    collect() {
      this.set({ version }, 1);
    },
  });

  new Gauge({
    name: "centerline_inbox_events",
    help: "Webhook events in the inbox by status (pending, processed, failed).",
    labelNames: ["status"],
    registers: [registry],
    collect() {
      this.reset();
      for (const row of inboxCounts(db)) this.set({ status: row.label }, row.n);
    },
  });
  new Gauge({
    name: "centerline_events_rejected",
    help: "Signed webhooks that could not be accepted (kept in rejected_events).",
    registers: [registry],
    collect() {
      this.set(rejectedCount(db));
    },
  });
  new Gauge({
    name: "centerline_inbox_lag_seconds",
    help: "Age of the oldest inbox event still waiting to be processed (0 when none waits).",
    registers: [registry],
    collect() {
      const oldest = oldestPendingInbox(db);
      this.set(oldest ? seconds(oldest, wallClock()) : 0);
    },
  });

  const statusChanges = new Counter({
    name: "centerline_room_status_changes_total",
    help: "Room ratio status changes decided by this process (each from one evaluation).",
    labelNames: ["status"],
    registers: [registry],
  });
  events.on("status", (change: Pick<StatusChange, "to">) =>
    statusChanges.inc({ status: change.to }),
  );

  new Gauge({
    name: "centerline_alerts",
    help: "Alerts by kind (approaching, out_of_ratio) and state (open, resolving, resolved).",
    labelNames: ["kind", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const row of alertCounts(db)) this.set({ kind: row.kind, state: row.state }, row.n);
    },
  });

  const outboxAge = new Gauge({
    name: "centerline_outbox_oldest_due_seconds",
    help: "How long the oldest pending send of each channel has been due (0 when none is due).",
    labelNames: ["channel"],
    registers: [registry],
  });
  new Gauge({
    name: "centerline_outbox_rows",
    help: "Outbox sends by channel and status.",
    labelNames: ["channel", "status"],
    registers: [registry],
    collect() {
      this.reset();
      outboxAge.reset();
      const now = wallClock();
      for (const row of outboxCounts(db)) {
        this.set({ channel: row.channel, status: row.status }, row.n);
        if (row.status === "pending" && row.oldest && Date.parse(row.oldest) <= now.getTime()) {
          outboxAge.set({ channel: row.channel }, seconds(row.oldest, now));
        }
      }
    },
  });

  const latency = new Histogram({
    name: "centerline_delivery_latency_seconds",
    help: "From a send's creation to its delivery, by channel (observed at scrape time).",
    labelNames: ["channel"],
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  });
  let sentWatermark = wallClock().toISOString();

  new Gauge({
    name: "centerline_agent_runs",
    help: "Agent runs by model and status.",
    labelNames: ["model", "status"],
    registers: [registry],
    collect() {
      this.reset();
      for (const row of agentUsage(db)) {
        this.set({ model: row.model, status: row.status }, row.runs);
      }
    },
  });
  new Gauge({
    name: "centerline_agent_tokens",
    help: "Model tokens used by agent runs, by model and kind (input, output, cache_write, cache_read).",
    labelNames: ["model", "kind"],
    registers: [registry],
    collect() {
      this.reset();
      const sums = new Map<string, Record<string, number>>();
      for (const row of agentUsage(db)) {
        const s = sums.get(row.model) ?? { input: 0, output: 0, cache_write: 0, cache_read: 0 };
        s.input = (s.input ?? 0) + row.input;
        s.output = (s.output ?? 0) + row.output;
        s.cache_write = (s.cache_write ?? 0) + row.cacheWrite;
        s.cache_read = (s.cache_read ?? 0) + row.cacheRead;
        sums.set(row.model, s);
      }
      for (const [model, s] of sums) {
        for (const [kind, n] of Object.entries(s)) this.set({ model, kind }, n);
      }
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    async render() {
      for (const row of sentSince(db, sentWatermark)) {
        latency.observe({ channel: row.channel }, seconds(row.createdAt, new Date(row.sentAt)));
        if (row.sentAt > sentWatermark) sentWatermark = row.sentAt;
      }
      return registry.metrics();
    },
  };
}
