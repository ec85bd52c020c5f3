/**
 * @module sync/reconcile
 * Repairs drift between live state and the platform's own account of who is where (a webhook that
 * never arrived, a delivery the platform gave up on). Every repair is recorded with what we had and
 * what the platform said.
 */
import { appendAudit } from "../audit/index.js";
import type { Center } from "../domain/index.js";
import { applyEvents, type TouchedRooms } from "../live/apply.js";
import type { Logger } from "../logging/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { type Db, inTransaction } from "../storage/db.js";
import { listRooms } from "../storage/directory.js";
import { listPresence } from "../storage/presence.js";
import { finishRun, recordRepair, startRun } from "../storage/reconciliation.js";
import { diffPresence } from "./diff.js";

export interface ReconcileResult {
  runId: number;
  asOf: string;
  repairs: number;
  touched: TouchedRooms;
}

export async function reconcileCenter(
  db: Db,
  client: PlatformClient,
  center: Center,
  clock: () => Date,
  logger: Logger,
  /** Stamps the audit entries (business `clock` stamps the repairs themselves). */
  wallClock: () => Date = () => new Date(),
): Promise<ReconcileResult> {
  const runId = startRun(db, center.id, clock().toISOString());
  const log = logger.child({ job: "reconcile", runId, centerId: center.id });
  try {
    const roomIds = listRooms(db, center.id).map((r) => r.id);
    const snapshot = await client.fetchPresence(center.id, roomIds);
    const touched: TouchedRooms = new Map();
    const repairs = inTransaction(db, (tx) => {
      const drifts = diffPresence(snapshot, listPresence(tx, center.id));
      const at = clock().toISOString();
      let made = 0;
      drifts.forEach((drift, n) => {
        const from = {
          source: "reconcile" as const,
          provider: center.provider,
          sourceEventId: `reconcile-${runId}-${n}`,
        };
        const { applied } = applyEvents(tx, from, drift.events, at, touched);
        // A drift whose events all lost to newer webhooks was already mended; nothing to record.
        if (applied === 0) return;
        made++;
        const action = drift.events.map((e) => e.type).join(", ");
        recordRepair(tx, {
          runId,
          centerId: center.id,
          subjectKind: drift.subjectKind,
          subjectId: drift.subjectId,
          found: drift.found,
          platform: drift.platform,
          action,
        });
        // The synthetic event's id is the cause the ratio history and alerts will carry.
        const event = `${from.provider}:${from.sourceEventId}`;
        appendAudit(
          tx,
          {
            actor: "system:reconcile",
            action: "reconcile.repaired",
            centerId: center.id,
            subject: `${drift.subjectKind}:${drift.subjectId}`,
            sourceIds: [`reconciliation_run:${runId}`, event],
            correlationId: event,
            data: {
              runId,
              asOf: snapshot.asOf,
              found: drift.found,
              platform: drift.platform,
              repair: action,
            },
          },
          wallClock().toISOString(),
        );
      });
      finishRun(tx, runId, { status: "ok", finishedAt: at, asOf: snapshot.asOf, repairs: made });
      return made;
    });
    if (repairs > 0) log.warn({ repairs }, "reconciliation repaired drift");
    return { runId, asOf: snapshot.asOf, repairs, touched };
  } catch (error) {
    finishRun(db, runId, {
      status: "failed",
      finishedAt: clock().toISOString(),
      error: String(error),
    });
    log.error({ err: error }, "reconciliation failed");
    throw error;
  }
}
