/**
 * @module storage/metrics
 * The counts `/metrics` reports, read at scrape time: each query uses an index or a bounded range,
 * so a scrape stays cheap however long the service has run.
 */
import type { Db } from "./db.js";

export interface CountRow {
  label: string;
  n: number;
}

export function inboxCounts(db: Db): CountRow[] {
  return db.$client
    .prepare("select status as label, count(*) as n from webhook_inbox group by status")
    .all() as CountRow[];
}

export function rejectedCount(db: Db): number {
  return (db.$client.prepare("select count(*) as n from rejected_events").get() as { n: number }).n;
}

/** When the oldest event still waiting to be processed arrived (ISO), if any is waiting. */
export function oldestPendingInbox(db: Db): string | undefined {
  const row = db.$client
    .prepare(
      "select received_at as at from webhook_inbox where status = 'pending' order by id limit 1",
    )
    .get() as { at: string } | undefined;
  return row?.at;
}

export interface AlertCountRow {
  kind: string;
  state: string;
  n: number;
}

export function alertCounts(db: Db): AlertCountRow[] {
  return db.$client
    .prepare("select kind, state, count(*) as n from alerts group by kind, state")
    .all() as AlertCountRow[];
}

export interface OutboxCountRow {
  channel: string;
  status: string;
  n: number;
  oldest: string | null;
}

/** Rows by channel and status, with the oldest due time of each group. */
export function outboxCounts(db: Db): OutboxCountRow[] {
  return db.$client
    .prepare(
      `select channel, status, count(*) as n, min(next_attempt_at) as oldest
       from outbox group by channel, status`,
    )
    .all() as OutboxCountRow[];
}

export interface SentRow {
  id: number;
  channel: string;
  createdAt: string;
  sentAt: string;
}

/**
 * Sends recorded as sent after `since` (ISO), among the newest `window` rows: the delivery latency
 * of what went out since the last scrape (a retry of an older row still counts when it succeeds).
 */
export function sentSince(db: Db, since: string, window = 10_000): SentRow[] {
  return db.$client
    .prepare(
      `select id, channel, created_at as createdAt, sent_at as sentAt from outbox
       where id > (select coalesce(max(id), 0) from outbox) - ?
         and status = 'sent' and sent_at > ?`,
    )
    .all(window, since) as SentRow[];
}

export interface AgentUsageRow {
  model: string;
  status: string;
  runs: number;
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export function agentUsage(db: Db): AgentUsageRow[] {
  return db.$client
    .prepare(
      `select model, status, count(*) as runs, sum(input_tokens) as input,
         sum(output_tokens) as output, sum(cache_creation_input_tokens) as cacheWrite,
         sum(cache_read_input_tokens) as cacheRead
       from agent_runs group by model, status`,
    )
    .all() as AgentUsageRow[];
}
