/**
 * @module ingest/receive
 * The receiving half of ingest: verify, validate, dedupe, persist. Only after the raw payload is
 * committed to the inbox does the caller answer 2xx; projecting it into live state happens after.
 */
import type { Provider } from "../domain/index.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import { getAdapter } from "../platforms/registry.js";
import type { MappedWebhook, Reference } from "../platforms/types.js";
import { type Db, inTransaction } from "../storage/db.js";
import { findInbox, insertInbox, insertRejected, referenceExists } from "../storage/inbox.js";
import { verifyWebhook } from "./standard-webhooks.js";

export interface ReceiveInput {
  provider: Provider;
  headers: { id?: string | null; timestamp?: string | null; signature?: string | null };
  body: string;
  secrets: readonly string[];
  toleranceSeconds: number;
  /** Real time of receipt; a parameter so tests can replay deliveries. */
  now: Date;
}

export type Receipt = { status: "accepted" | "duplicate"; eventId: string; inboxId: number };

function firstMissing(db: Db, mapped: MappedWebhook): Reference | null {
  // Centers first: an unknown center makes every other reference meaningless.
  for (const kind of ["center", "room", "child", "staff"] as const) {
    for (const ref of mapped.refs) {
      if (ref.kind === kind && !referenceExists(db, kind, mapped.centerId, ref.id)) return ref;
    }
  }
  return null;
}

/** What is left to do once a delivery has been checked: nothing, or store it in the inbox. */
type Admission =
  | { done: Result<Receipt> }
  | {
      done?: undefined;
      row: { provider: Provider; eventId: string; body: string; receivedAt: string };
    };

/** Everything before the inbox write: verify, parse, map, dedupe, check references. */
function admit(db: Db, input: ReceiveInput): Admission {
  const verified = verifyWebhook({
    headers: input.headers,
    body: input.body,
    secrets: input.secrets,
    nowSeconds: Math.floor(input.now.getTime() / 1000),
    toleranceSeconds: input.toleranceSeconds,
  });
  // An unsigned delivery is not ours to keep: storing it would let anyone fill the database.
  if (!verified.ok) return { done: verified };

  const receivedAt = input.now.toISOString();
  const reject = (error: AppError, eventId: string | null): Admission => {
    insertRejected(db, {
      provider: input.provider,
      eventId,
      receivedAt,
      code: error.code,
      message: error.message,
      field: typeof error.details.field === "string" ? error.details.field : null,
      body: input.body,
    });
    return { done: err(error) };
  };

  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    return reject(new AppError("bad_request", "body is not valid JSON"), verified.value.id);
  }
  const mapped = getAdapter(input.provider).mapWebhook(parsed);
  if (!mapped.ok) return reject(mapped.error, verified.value.id);
  const eventId = mapped.value.eventId ?? verified.value.id;

  const seen = findInbox(db, input.provider, eventId);
  if (seen) return { done: ok({ status: "duplicate", eventId, inboxId: seen.id }) };

  const missing = firstMissing(db, mapped.value);
  if (missing) {
    return reject(
      new AppError(
        "unknown_reference",
        `${missing.field}: unknown ${missing.kind} "${missing.id}"`,
        {
          field: missing.field,
        },
      ),
      eventId,
    );
  }
  return { row: { provider: input.provider, eventId, body: input.body, receivedAt } };
}

function receipt(db: Db, row: { provider: Provider; eventId: string }, inboxId: number | null) {
  if (inboxId !== null) return ok({ status: "accepted" as const, eventId: row.eventId, inboxId });
  // A concurrent delivery of the same event won the insert.
  const seen = findInbox(db, row.provider, row.eventId);
  return ok({ status: "duplicate" as const, eventId: row.eventId, inboxId: seen?.id ?? 0 });
}

/** Checks and stores one delivery in its own fsync'd transaction. */
export function receiveWebhook(db: Db, input: ReceiveInput): Result<Receipt> {
  const admission = admit(db, input);
  if (admission.done) return admission.done;
  const { row } = admission;
  return receipt(
    db,
    row,
    inTransaction(db, (tx) => insertInbox(tx, row)),
  );
}

/**
 * As `receiveWebhook`, with group commit: the inbox writes of every delivery checked in the same
 * turn of the event loop share one transaction and one fsync, and each promise resolves only once
 * that commit is durable. The fsync is most of a delivery's cost, and deliveries arrive together.
 */
export function receiveWebhookGrouped(db: Db, input: ReceiveInput): Promise<Result<Receipt>> {
  const admission = admit(db, input);
  if (admission.done) return Promise.resolve(admission.done);
  const { row } = admission;
  return groupCommitter(db)(row).then((inboxId) => receipt(db, row, inboxId));
}

type InboxInsert = Parameters<typeof insertInbox>[1];
type Waiting = {
  row: InboxInsert;
  resolve: (id: number | null) => void;
  reject: (e: unknown) => void;
};
const committers = new WeakMap<Db, (row: InboxInsert) => Promise<number | null>>();

function groupCommitter(db: Db): (row: InboxInsert) => Promise<number | null> {
  let committer = committers.get(db);
  if (committer) return committer;
  let queue: Waiting[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      // The connection's default synchronous=FULL: the commit is fsync'd before anyone hears 2xx.
      const ids = inTransaction(db, (tx) => batch.map((w) => insertInbox(tx, w.row)));
      for (const [i, w] of batch.entries()) w.resolve(ids[i] ?? null);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  committer = (row) =>
    new Promise<number | null>((resolve, reject) => {
      queue.push({ row, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  committers.set(db, committer);
  return committer;
}
