/**
 * @module sync/reconcile
 * Repairs drift between live state and the platform's own account of who is where (a webhook that
 * never arrived, a delivery the platform gave up on). Every repair is recorded with what we had and
 * what the platform said.
 */
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
        recordRepair(tx, {
          runId,
          centerId: center.id,
          subjectKind: drift.subjectKind,
          subjectId: drift.subjectId,
          found: drift.found,
          platform: drift.platform,
          action: drift.events.map((e) => e.type).join(", "),
        });
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
