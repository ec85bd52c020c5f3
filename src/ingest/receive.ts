/**
 * @module ingest/receive
 * The synchronous half of ingest: verify, validate, dedupe, persist. Only after the raw payload is
 * committed to the inbox does the caller answer 2xx; projecting it into live state happens after.
 */
import type { Provider } from "../domain/index.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import { getAdapter } from "../platforms/registry.js";
import type { MappedWebhook, Reference } from "../platforms/types.js";
import { type Db, inTransaction } from "../storage/db.js";
import { existingIds } from "../storage/directory.js";
import { findInbox, insertInbox, insertRejected } from "../storage/inbox.js";
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
  const byKind = new Map<Reference["kind"], Reference[]>();
  for (const ref of mapped.refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref]);
  // Centers first: an unknown center makes every other reference meaningless.
  for (const kind of ["center", "room", "child", "staff"] as const) {
    const refs = byKind.get(kind) ?? [];
    const found = existingIds(
      db,
      kind,
      mapped.centerId,
      refs.map((r) => r.id),
    );
    const missing = refs.find((r) => !found.has(r.id));
    if (missing) return missing;
  }
  return null;
}

export function receiveWebhook(db: Db, input: ReceiveInput): Result<Receipt> {
  const verified = verifyWebhook({
    headers: input.headers,
    body: input.body,
    secrets: input.secrets,
    nowSeconds: Math.floor(input.now.getTime() / 1000),
    toleranceSeconds: input.toleranceSeconds,
  });
  // An unsigned delivery is not ours to keep: storing it would let anyone fill the database.
  if (!verified.ok) return verified;

  const receivedAt = input.now.toISOString();
  const reject = (error: AppError, eventId: string | null): Result<Receipt> => {
    insertRejected(db, {
      provider: input.provider,
      eventId,
      receivedAt,
      code: error.code,
      message: error.message,
      field: typeof error.details.field === "string" ? error.details.field : null,
      body: input.body,
    });
    return err(error);
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
  if (seen) return ok({ status: "duplicate", eventId, inboxId: seen.id });

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

  const inboxId = inTransaction(db, (tx) =>
    insertInbox(tx, { provider: input.provider, eventId, body: input.body, receivedAt }),
  );
  if (inboxId === null) {
    // A concurrent delivery of the same event won the insert.
    const row = findInbox(db, input.provider, eventId);
    return ok({ status: "duplicate", eventId, inboxId: row?.id ?? 0 });
  }
  return ok({ status: "accepted", eventId, inboxId });
}
