/**
 * @module test/support/state
 * Reads what the service stored, for assertions: counts per table and live presence in the same
 * shape as the sandbox's truth.
 */
import { count } from "drizzle-orm";
import type { PresenceSnapshot } from "../../src/domain/index.js";
import type { Db } from "../../src/storage/db.js";
import { listPresence } from "../../src/storage/presence.js";
import { attendanceEvents, rejectedEvents, webhookInbox } from "../../src/storage/schema.js";

export function counts(db: Db) {
  const n = (table: typeof webhookInbox | typeof rejectedEvents | typeof attendanceEvents) =>
    db.select({ n: count() }).from(table).get()?.n ?? 0;
  return { inbox: n(webhookInbox), rejected: n(rejectedEvents), events: n(attendanceEvents) };
}

type Comparable = Pick<PresenceSnapshot, "children" | "staff">;

/** Live presence of a center, sorted, in the sandbox truth's shape (asOf left out). */
export function liveSnapshot(db: Db, centerId: string): Comparable {
  const rows = listPresence(db, centerId).filter((p) => p.present);
  return {
    children: rows
      .filter((p) => p.subjectKind === "child" && p.roomId !== null)
      .map((p) => ({ childId: p.subjectId, roomId: p.roomId as string }))
      .sort((a, b) => a.childId.localeCompare(b.childId)),
    staff: rows
      .filter((p) => p.subjectKind === "staff")
      .map((p) => ({ staffId: p.subjectId, roomId: p.roomId, onBreak: p.onBreak }))
      .sort((a, b) => a.staffId.localeCompare(b.staffId)),
  };
}

export function sortedTruth(snapshot: PresenceSnapshot): Comparable {
  return {
    children: [...snapshot.children].sort((a, b) => a.childId.localeCompare(b.childId)),
    staff: [...snapshot.staff].sort((a, b) => a.staffId.localeCompare(b.staffId)),
  };
}
