/**
 * @module storage/api-tokens
 * API tokens, keyed by the SHA-256 of the token (the token itself is shown once and never stored).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Store } from "./db.js";
import { apiTokens, users } from "./schema.js";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function insertApiToken(db: Store, row: typeof apiTokens.$inferInsert): ApiTokenRow {
  return db.insert(apiTokens).values(row).returning().get();
}

/** A token that exists and is not revoked. */
export function getLiveApiTokenByHash(db: Store, tokenHash: string): ApiTokenRow | undefined {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
}

export function getApiToken(db: Store, id: string): ApiTokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function listApiTokens(db: Store): (ApiTokenRow & { userEmail: string })[] {
  return db
    .select({ token: apiTokens, userEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id))
    .all()
    .map((r) => ({ ...r.token, userEmail: r.userEmail }));
}

export function listLiveApiTokensOfUser(db: Store, userId: string): ApiTokenRow[] {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .all();
}

export function revokeApiToken(db: Store, id: string, nowIso: string): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: nowIso })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

export function touchApiToken(db: Store, id: string, nowIso: string): void {
  db.update(apiTokens).set({ lastUsedAt: nowIso }).where(eq(apiTokens.id, id)).run();
}
