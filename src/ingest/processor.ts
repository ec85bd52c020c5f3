/**
 * @module ingest/processor
 * The asynchronous half of ingest: drains the inbox in arrival order. A batch of rows is projected
 * in one transaction; inside it each row has its own savepoint, and each event is applied and the
 * rooms it touched evaluated at the event's own business time before the next event is applied,
 * so a room that is out of ratio for a moment between two events of the same batch still opens
 * and closes its violation. Rows left pending by a crash are simply picked up by the next drain,
 * at start-up or on the next delivery.
 */

import { createEventEvaluator, type StatusChange } from "../compliance/monitor.js";
import type { Provider } from "../domain/index.js";
import { applyEvents, type TouchedRooms, touch } from "../live/apply.js";
import type { Logger } from "../logging/index.js";
import { getAdapter } from "../platforms/registry.js";
import { type Db, inRelaxedTransaction, inSavepoint, type Store } from "../storage/db.js";
import {
  claimInbox,
  finishInbox,
  type InboxRow,
  pendingInbox,
  recordInboxFailure,
} from "../storage/inbox.js";

export interface InboxProcessorOptions {
  db: Db;
  logger: Logger;
  /** Real time: stamps processed rows and the audit entries of violations. */
  clock?: () => Date;
  /**
   * Called after each batch commits, with every room it touched and the changes of status its
   * events caused, in the order they happened.
   */
  onTouched?: (touched: TouchedRooms, changes: StatusChange[]) => void;
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

interface Batch {
  done: number;
  touched: TouchedRooms;
  changes: StatusChange[];
  paged: boolean;
}

export function createInboxProcessor(options: InboxProcessorOptions): InboxProcessor {
  const { db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 200;
  const maxAttempts = options.maxAttempts ?? 5;
  let scheduled = false;

  /** One row, in its own savepoint; false if another worker got to it first. */
  function processRow(
    tx: Store,
    id: number,
    batch: Batch,
    evaluator: ReturnType<typeof createEventEvaluator>,
  ): boolean {
    const row = claimInbox(tx, id);
    if (!row) return false;
    const at = clock().toISOString();
    const mapped = getAdapter(row.provider as Provider).mapWebhook(JSON.parse(row.body));
    if (!mapped.ok) {
      // Accepted rows were validated on receipt; this only happens if a mapper changed since.
      logger.error(
        { err: mapped.error, inboxId: row.id, provider: row.provider, eventId: row.eventId },
        "inbox row no longer maps; marked failed",
      );
      finishInbox(tx, row.id, { status: "failed", at, error: mapped.error.message });
      return true;
    }
    const from = { source: "webhook" as const, provider: row.provider, sourceEventId: row.eventId };
    const changes: StatusChange[] = [];
    const touched: TouchedRooms = new Map();
    const { outbox } = applyEvents(
      tx,
      from,
      mapped.value.events,
      at,
      touched,
      (event, presence, rooms) => {
        changes.push(...evaluator.evaluate(tx, presence, rooms, event.occurredAt));
      },
    );
    finishInbox(tx, row.id, { status: "processed", at });
    // Only now that the row's savepoint holds: a row that threw contributes nothing.
    for (const [centerId, rooms] of touched) {
      for (const [roomId, cause] of rooms) touch(batch.touched, centerId, roomId, cause);
    }
    batch.changes.push(...changes);
    if (outbox.length > 0) batch.paged = true;
    return true;
  }

  function processBatch(rows: readonly InboxRow[]): Batch {
    const batch: Batch = { done: 0, touched: new Map(), changes: [], paged: false };
    // Projections can be redone from the inbox, whose rows stay pending until this commits, so
    // the batch commits without an fsync of its own (see `inRelaxedTransaction`).
    inRelaxedTransaction(db, (tx) => {
      let evaluator = createEventEvaluator(db, clock);
      for (const row of rows) {
        try {
          if (inSavepoint(tx, () => processRow(tx, row.id, batch, evaluator))) batch.done++;
        } catch (error) {
          // Its savepoint undid the row's writes; the evaluator's copy of presence may hold them.
          evaluator = createEventEvaluator(db, clock);
          // One poisoned row must not hold up the rows behind it.
          const failed = recordInboxFailure(
            tx,
            row.id,
            String(error),
            maxAttempts,
            clock().toISOString(),
          );
          logger.error({ err: error, inboxId: row.id, failed }, "inbox row failed to process");
        }
      }
    });
    return batch;
  }

  function drain(): number {
    let done = 0;
    let after = 0;
    for (;;) {
      const rows = pendingInbox(db, after, batchSize);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const batch = processBatch(rows);
      done += batch.done;
      if (batch.paged) options.onOutbox?.();
      if (batch.touched.size > 0) options.onTouched?.(batch.touched, batch.changes);
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
