/**
 * @module ingest/processor
 * The asynchronous half of ingest: drains the inbox in arrival order, projecting each row into live
 * state in one transaction with marking it processed. Rows left pending by a crash are simply
 * picked up by the next drain, at start-up or on the next delivery.
 */
import type { Provider } from "../domain/index.js";
import { applyEvents, type TouchedRooms } from "../live/apply.js";
import type { Logger } from "../logging/index.js";
import { getAdapter } from "../platforms/registry.js";
import { type Db, inTransaction } from "../storage/db.js";
import { claimInbox, finishInbox, pendingInbox, recordInboxFailure } from "../storage/inbox.js";

export interface InboxProcessorOptions {
  db: Db;
  logger: Logger;
  clock?: () => Date;
  /** Called after each batch with the rooms whose occupancy may have changed. */
  onTouched?: (touched: TouchedRooms) => void;
  /** Called when projecting enqueued sends (a pick-up hold's pages), so they go out now. */
  onOutbox?: () => void;
  batchSize?: number;
  /** Attempts before a row that keeps throwing is marked failed (default 5). */
  maxAttempts?: number;
}

export interface InboxProcessor {
  /** Processes every pending row now; returns how many rows it finished. */
  drain(): number;
  /** Schedules a drain soon, coalescing bursts of deliveries into one pass. */
  kick(): void;
}

export function createInboxProcessor(options: InboxProcessorOptions): InboxProcessor {
  const { db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 200;
  const maxAttempts = options.maxAttempts ?? 5;
  let scheduled = false;

  function processRow(id: number, touched: TouchedRooms): boolean {
    let paged = false;
    const done = inTransaction(db, (tx) => {
      const row = claimInbox(tx, id);
      if (!row) return false;
      const at = clock().toISOString();
      const log = logger.child({ inboxId: row.id, provider: row.provider, eventId: row.eventId });
      const mapped = getAdapter(row.provider as Provider).mapWebhook(JSON.parse(row.body));
      if (!mapped.ok) {
        // Accepted rows were validated on receipt; this only happens if a mapper changed since.
        log.error({ err: mapped.error }, "inbox row no longer maps; marked failed");
        finishInbox(tx, row.id, { status: "failed", at, error: mapped.error.message });
        return true;
      }
      const from = {
        source: "webhook" as const,
        provider: row.provider,
        sourceEventId: row.eventId,
      };
      const { applied, outbox } = applyEvents(tx, from, mapped.value.events, at, touched);
      finishInbox(tx, row.id, { status: "processed", at });
      log.debug({ applied, events: mapped.value.events.length }, "inbox row processed");
      paged = outbox.length > 0;
      return true;
    });
    if (paged) options.onOutbox?.();
    return done;
  }

  function drain(): number {
    let done = 0;
    let after = 0;
    for (;;) {
      const rows = pendingInbox(db, after, batchSize);
      if (rows.length === 0) break;
      const touched: TouchedRooms = new Map();
      for (const row of rows) {
        after = row.id;
        try {
          if (processRow(row.id, touched)) done++;
        } catch (error) {
          // One poisoned row must not hold up the rows behind it.
          const failed = recordInboxFailure(
            db,
            row.id,
            String(error),
            maxAttempts,
            clock().toISOString(),
          );
          logger.error({ err: error, inboxId: row.id, failed }, "inbox row failed to process");
        }
      }
      if (touched.size > 0) options.onTouched?.(touched);
    }
    return done;
  }

  function kick(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      try {
        drain();
      } catch (error) {
        logger.error({ err: error }, "inbox drain failed; rows stay pending for the next pass");
      }
    });
  }

  return { drain, kick };
}
