/**
 * @module sandbox/outbox
 * What Centerline posted to the fake platforms (check-ins, tasks, notes, and the writes approved
 * actions make: family messages, daily logs, staff assignments, timecard corrections), kept in
 * memory so tests can assert that an approved action reached the platform exactly once. An
 * `Idempotency-Key` replays the first result instead of recording twice, as the real write paths
 * are expected to.
 */
import type { Provider } from "../domain/index.js";

export type OutboxKind =
  | "checkin"
  | "checkout"
  | "task"
  | "note"
  | "message"
  | "daily_log"
  | "staff_assignment"
  | "timecard_correction";

export interface OutboxEntry {
  provider: Provider;
  kind: OutboxKind;
  id: string;
  /** Sim time of the request. */
  createdAt: string;
  /** The request body after wire validation (defaults applied). */
  body: Record<string, unknown>;
  idempotencyKey: string | null;
}

export type RecordResult =
  | { ok: true; entry: OutboxEntry; replayed: boolean }
  | { ok: false; reason: string };

export interface Outbox {
  record(input: Omit<OutboxEntry, "id" | "createdAt">, now: Date): RecordResult;
  list(): OutboxEntry[];
}

const prefixes: Record<Provider, Record<OutboxKind, string>> = {
  procare: {
    checkin: "att",
    checkout: "att",
    task: "task",
    note: "note",
    message: "msg",
    daily_log: "log",
    staff_assignment: "asg",
    timecard_correction: "tcc",
  },
  kangarootime: {
    checkin: "CHK",
    checkout: "CHK",
    task: "TSK",
    note: "NTE",
    message: "MSG",
    daily_log: "RPT",
    staff_assignment: "ASG",
    timecard_correction: "TCC",
  },
};

export function createOutbox(): Outbox {
  const entries: OutboxEntry[] = [];
  const byKey = new Map<string, OutboxEntry>();
  return {
    record(input, now) {
      const key =
        input.idempotencyKey === null
          ? null
          : `${input.provider}|${input.kind}|${input.idempotencyKey}`;
      const earlier = key === null ? undefined : byKey.get(key);
      if (earlier) {
        if (JSON.stringify(earlier.body) !== JSON.stringify(input.body)) {
          return { ok: false, reason: "Idempotency-Key was already used with a different body" };
        }
        return { ok: true, entry: earlier, replayed: true };
      }
      const entry: OutboxEntry = {
        ...input,
        id: `${prefixes[input.provider][input.kind]}_${entries.length + 1}`,
        createdAt: now.toISOString(),
      };
      entries.push(entry);
      if (key !== null) byKey.set(key, entry);
      return { ok: true, entry, replayed: false };
    },
    list: () => entries.map((e) => ({ ...e })),
  };
}
