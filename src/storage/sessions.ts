/**
 * @module storage/sessions
 * Browser sessions, keyed by the SHA-256 of the cookie value (the value itself is never stored).
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Store } from "./db.js";
import { sessions } from "./schema.js";

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: Store, row: typeof sessions.$inferInsert): SessionRow {
  return db.insert(sessions).values(row).returning().get();
}

/** The session if it exists, is not revoked and has not expired at `nowIso`. */
export function getLiveSession(db: Store, idHash: string, nowIso: string): SessionRow | undefined {
  return db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, nowIso)),
    )
    .get();
}

export function revokeSession(db: Store, idHash: string, nowIso: string): boolean {
  const result = db
    .update(sessions)
    .set({ revokedAt: nowIso })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)))
    .run();
  return result.changes > 0;
}
