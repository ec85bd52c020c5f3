/**
 * @module storage/presence
 * Rows of the live presence projection (see `live/project.ts` for the rules).
 */
import { and, eq } from "drizzle-orm";
import type { Presence } from "../live/project.js";
import type { Store } from "./db.js";
import { presence } from "./schema.js";

export function getPresence(
  db: Store,
  centerId: string,
  kind: "child" | "staff",
  subjectId: string,
): Presence | undefined {
  return db
    .select()
    .from(presence)
    .where(
      and(
        eq(presence.centerId, centerId),
        eq(presence.subjectKind, kind),
        eq(presence.subjectId, subjectId),
      ),
    )
    .get();
}

export function putPresence(db: Store, row: Presence, now: string): void {
  const values = { ...row, updatedAt: now };
  db.insert(presence)
    .values(values)
    .onConflictDoUpdate({
      target: [presence.centerId, presence.subjectKind, presence.subjectId],
      set: values,
    })
    .run();
}

export function listPresence(db: Store, centerId: string): Presence[] {
  return db
    .select({
      centerId: presence.centerId,
      subjectKind: presence.subjectKind,
      subjectId: presence.subjectId,
      present: presence.present,
      presentAt: presence.presentAt,
      roomId: presence.roomId,
      roomAt: presence.roomAt,
      onBreak: presence.onBreak,
      breakAt: presence.breakAt,
    })
    .from(presence)
    .where(eq(presence.centerId, centerId))
    .all();
}
