/**
 * @module storage/outbox
 * The durable outbox of sends, claimed one row at a time under a lease (`lease.ts`), so two
 * workers — in one process or on two instances — never hold the same row.
 */
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import {
  claimLeased,
  claimLeasedWhere,
  type LeaseClaim,
  type LeaseQueue,
  releaseLeased,
  releaseOrphaned,
} from "./lease.js";
import { alerts, outbox } from "./schema.js";

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow["status"];
export type OutboxChannel = OutboxRow["channel"];

export interface NewOutboxRow {
  alertId: number | null;
  /** The approval whose platform call this row makes (`platform` rows only). */
  approvalId?: number | null;
  centerId: string;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  /** `pending` to send; `shadow` (recorded, never sent) or `skipped` (with `lastError`). */
  status: "pending" | "shadow" | "skipped";
  lastError?: string | null;
  /** The row whose notice this one carries on the next channel (see `outbox/failover.ts`). */
  failoverOf?: number | null;
}

/**
 * Inserts rows whose idempotency key is new; a key already there is left alone, so enqueueing the
 * same send twice sends it once. Returns the ids of the rows actually inserted.
 */
export function enqueueOutbox(db: Store, rows: readonly NewOutboxRow[], now: string): number[] {
  const ids: number[] = [];
  for (const row of rows) {
    const inserted = db
      .insert(outbox)
      .values({
        ...row,
        lastError: row.lastError ?? null,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id })
      .get();
    if (inserted) ids.push(inserted.id);
  }
  return ids;
}

const queue: LeaseQueue<typeof outbox> = {
  table: outbox,
  state: "status",
  waiting: "pending",
  held: "sending",
  dueAt: "nextAttemptAt",
  batch: 5,
};

/**
 * Claims the next due row for `owner` until `leaseUntil`, counting the attempt. Returns undefined
 * when nothing is due. Safe under concurrency (see `lease.ts`).
 */
export function claimNextOutbox(db: Store, claim: LeaseClaim): OutboxRow | undefined {
  return claimLeased(db, queue, claim);
}

/**
 * Claims the next due row of one channel, so each channel's sends wait only for that channel.
 * `reclaimed`: the row was taken over from a worker whose lease ran out, mid-send perhaps.
 */
export function claimNextOutboxFor(
  db: Store,
  channel: OutboxChannel,
  claim: LeaseClaim,
): { row: OutboxRow; reclaimed: boolean } | undefined {
  return claimLeasedWhere(db, queue, claim, eq(outbox.channel, channel));
}

/**
 * Rows held by a worker that no longer exists (`isOrphaned(owner)`) go back to `pending`, due
 * now and in doubt (the send may have gone out): no waiting for their lease to run out.
 */
export function recoverOrphanedOutbox(
  db: Store,
  isOrphaned: (owner: string) => boolean,
  now: string,
): number[] {
  return releaseOrphaned(db, queue, isOrphaned, {
    inDoubt: true,
    nextAttemptAt: now,
    updatedAt: now,
  });
}

/** What a failed attempt leaves on the row besides its state. */
interface FailureMarks {
  error: string;
  /** After this attempt a message may be out there without our knowing. */
  inDoubt?: boolean;
  /** When the first failed attempt started; kept once set. */
  failingSince?: string;
}

export type FinishOutcome =
  | { status: "sent"; at: string; response: string }
  | ({ status: "failed" | "skipped"; at: string } & FailureMarks)
  | ({ status: "pending"; at: string; nextAttemptAt: string } & FailureMarks);

/**
 * Records the outcome of a send, if `owner` still holds the row's lease. Returns false when the
 * lease was lost (another worker re-claimed the row after it expired).
 */
export function finishOutbox(
  db: Store,
  id: number,
  owner: string,
  outcome: FinishOutcome,
): boolean {
  if (outcome.status === "sent") {
    return releaseLeased(db, queue, id, owner, {
      status: "sent",
      updatedAt: outcome.at,
      sentAt: outcome.at,
      response: outcome.response,
      inDoubt: false,
    });
  }
  const marks = {
    updatedAt: outcome.at,
    lastError: outcome.error,
    inDoubt: outcome.inDoubt ?? false,
    ...(outcome.failingSince === undefined ? {} : { failingSince: outcome.failingSince }),
  };
  return releaseLeased(
    db,
    queue,
    id,
    owner,
    outcome.status === "pending"
      ? { status: "pending", nextAttemptAt: outcome.nextAttemptAt, ...marks }
      : { status: outcome.status, ...marks },
  );
}

/** Marks `id` as carried on to the next channel (once: false if it already was). */
export function markFailedOver(db: Store, id: number, at: string): boolean {
  const row = db
    .update(outbox)
    .set({ failedOverAt: at })
    .where(and(eq(outbox.id, id), isNull(outbox.failedOverAt)))
    .returning({ id: outbox.id })
    .get();
  return row !== undefined;
}

/**
 * Rows that may be due a failover: not finished, not carried on yet, and either failing or
 * waiting (a row that waits while its channel is stuck is failing too).
 */
export function listFailoverCandidates(db: Store, channels: readonly OutboxChannel[]): OutboxRow[] {
  if (channels.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ["pending", "sending"]),
        inArray(outbox.channel, [...channels]),
        isNull(outbox.failedOverAt),
      ),
    )
    .orderBy(asc(outbox.id))
    .all();
}

/** Every row whose idempotency key starts with `prefix` (one notice's sends). */
export function listOutboxByKeyPrefix(db: Store, prefix: string): OutboxRow[] {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(outbox)
    .where(sql`${outbox.idempotencyKey} LIKE ${`${escaped}%`} ESCAPE '\\'`)
    .orderBy(asc(outbox.id))
    .all()
    .filter((r) => r.idempotencyKey.startsWith(prefix));
}

/**
 * A center's sends in trouble, for the board and the alerts page: rows failing now (pending or
 * in flight after a failed attempt) and rows that finally failed; those created at or after
 * `since` (wall time), or those of `alertIds`.
 */
export function listTroubledOutbox(
  db: Store,
  centerId: string,
  which: { since: string } | { alertIds: readonly number[] },
): OutboxRow[] {
  if ("alertIds" in which && which.alertIds.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.centerId, centerId),
        or(
          and(inArray(outbox.status, ["pending", "sending"]), isNotNull(outbox.failingSince)),
          eq(outbox.status, "failed"),
        ),
        "since" in which
          ? gte(outbox.createdAt, which.since)
          : inArray(outbox.alertId, [...which.alertIds]),
      ),
    )
    .orderBy(asc(outbox.id))
    .all();
}

export function getOutbox(db: Store, id: number): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

export function listOutbox(
  db: Store,
  filter: { alertId?: number; centerId?: string; status?: OutboxStatus } = {},
): OutboxRow[] {
  const conditions = [];
  if (filter.alertId !== undefined) conditions.push(eq(outbox.alertId, filter.alertId));
  if (filter.centerId !== undefined) conditions.push(eq(outbox.centerId, filter.centerId));
  if (filter.status !== undefined) conditions.push(eq(outbox.status, filter.status));
  return db
    .select()
    .from(outbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(outbox.id))
    .all();
}

export function countOutbox(db: Store, status: OutboxStatus): number {
  return db.select({ n: count() }).from(outbox).where(eq(outbox.status, status)).get()?.n ?? 0;
}

/**
 * The notice a row belongs to: its key without `:<channel>:<recipient>` (and without the
 * `:failover` of a row that is itself a failover), so every channel's rows of one notice share it.
 */
export function noticeKeyOf(row: Pick<OutboxRow, "idempotencyKey" | "channel" | "recipient">) {
  const suffix = `:${row.channel}:${row.recipient}`;
  let key = row.idempotencyKey.endsWith(suffix)
    ? row.idempotencyKey.slice(0, -suffix.length)
    : row.idempotencyKey;
  while (key.endsWith(":failover")) key = key.slice(0, -":failover".length);
  return key;
}

/** One channel of one notice in trouble, as the board and the alerts page tell it. */
export interface DeliveryTrouble {
  alertId: number | null;
  /** The pick-up hold a page is about (`pickup-hold:<id>:…` keys). */
  holdId: number | null;
  roomName: string | null;
  channel: OutboxChannel;
  /** `failing`: still being retried; `failed`: given up (or refused for good). */
  state: "failing" | "failed";
  /** When it started failing, or when it was given up. */
  at: string;
  error: string | null;
  /** Other channels that delivered the same notice, first delivery first. */
  sentBy: { channel: OutboxChannel; at: string }[];
  /** Other channels the notice was handed to that have not delivered yet. */
  trying: OutboxChannel[];
}

/** Each channel's first delivery, in the order they came. */
function firstPerChannel(sent: readonly OutboxRow[]): DeliveryTrouble["sentBy"] {
  const out: DeliveryTrouble["sentBy"] = [];
  for (const r of sent) {
    if (r.sentAt !== null && !out.some((s) => s.channel === r.channel)) {
      out.push({ channel: r.channel, at: r.sentAt });
    }
  }
  return out;
}

/**
 * A center's sends in trouble (created since a wall-clock instant, or of some alerts): rows still
 * failing and rows that finally failed, one entry per notice and channel, with what the notice's
 * other channels did.
 */
export function deliveryTroubles(
  db: Store,
  centerId: string,
  which: { since: string } | { alertIds: readonly number[] },
): DeliveryTrouble[] {
  const troubled = listTroubledOutbox(db, centerId, which);
  const byKey = new Map<string, DeliveryTrouble>();
  const groups = new Map<string, OutboxRow[]>();
  const roomNames = new Map<number, string>();
  for (const row of troubled) {
    const notice = noticeKeyOf(row);
    const state = row.status === "failed" ? "failed" : "failing";
    const key = `${notice}|${row.channel}|${state}`;
    const at = state === "failed" ? row.updatedAt : (row.failingSince ?? row.updatedAt);
    const seen = byKey.get(key);
    if (seen) {
      if (at < seen.at) seen.at = at;
      continue;
    }
    if (!groups.has(notice)) groups.set(notice, listOutboxByKeyPrefix(db, `${notice}:`));
    const group = (groups.get(notice) ?? []).filter((r) => r.channel !== row.channel);
    if (row.alertId !== null && !roomNames.has(row.alertId)) {
      const alert = db
        .select({ roomName: alerts.roomName })
        .from(alerts)
        .where(eq(alerts.id, row.alertId))
        .get();
      if (alert) roomNames.set(row.alertId, alert.roomName);
    }
    const hold = /^pickup-hold:(\d+):/.exec(row.idempotencyKey);
    const sent = group
      .filter((r) => r.status === "sent" && r.sentAt !== null && r.channel !== "in_app")
      .sort((a, b) => (a.sentAt as string).localeCompare(b.sentAt as string));
    byKey.set(key, {
      alertId: row.alertId,
      holdId: hold ? Number(hold[1]) : null,
      roomName: row.alertId === null ? null : (roomNames.get(row.alertId) ?? null),
      channel: row.channel,
      state,
      at,
      error: row.lastError,
      sentBy: firstPerChannel(sent),
      trying: [
        ...new Set(
          group
            .filter(
              (r) => r.failoverOf !== null && (r.status === "pending" || r.status === "sending"),
            )
            .map((r) => r.channel),
        ),
      ],
    });
  }
  return [...byKey.values()];
}
