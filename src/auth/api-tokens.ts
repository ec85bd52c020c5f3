/**
 * @module auth/api-tokens
 * API tokens for scripts and MCP clients: random, shown once, stored only as a SHA-256 digest,
 * owned by a user (and so limited to that user's centers and role), `read` or `read`+`write`,
 * revocable. Using one stamps `last_used_at`.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import {
  getApiToken,
  getLiveApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken as revokeRow,
  touchApiToken,
} from "../storage/api-tokens.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { getUserByEmail, getUserById } from "../storage/users.js";
import type { Principal, Scope } from "./principal.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { principalForUser } from "./users.js";

export const TOKEN_PREFIX = "cl_";

export const newTokenSchema = z.object({
  userEmail: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  scope: z.enum(["read", "write"]).default("read"),
});
export type NewToken = z.input<typeof newTokenSchema>;

export interface CreatedToken {
  id: string;
  /** The token itself: shown this once, never stored. */
  token: string;
  prefix: string;
  scopes: Scope[];
}

export function scopesFor(scope: "read" | "write"): Scope[] {
  return scope === "write" ? ["read", "write"] : ["read"];
}

export function createApiToken(
  db: Db,
  input: NewToken,
  actor: string,
  now: Date,
): Result<CreatedToken> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const { userEmail, name, scope } = parsed.data;
  const at = now.toISOString();
  return inTransaction(db, (tx) => {
    const user = getUserByEmail(tx, userEmail);
    if (!user || user.disabledAt) {
      return err(new AppError("not_found", `no user "${userEmail}"`, { field: "user" }));
    }
    const token = randomSecret(TOKEN_PREFIX);
    const row = insertApiToken(tx, {
      id: `tok_${randomUUID()}`,
      userId: user.id,
      name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: scopesFor(scope),
      createdAt: at,
    });
    appendAudit(
      tx,
      {
        actor,
        action: "token.created",
        centerId: null,
        subject: `token:${row.id}`,
        sourceIds: [`user:${user.id}`],
        correlationId: null,
        data: { name, scopes: row.scopes, prefix: row.prefix },
      },
      at,
    );
    return ok({ id: row.id, token, prefix: row.prefix, scopes: scopesFor(scope) });
  });
}

export interface TokenListing {
  id: string;
  user: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function listTokens(db: Store): TokenListing[] {
  return listApiTokens(db).map((t) => ({
    id: t.id,
    user: t.userEmail,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }));
}

/** Revokes a token at once; `not_found` if unknown or already revoked. */
export function revokeApiToken(db: Db, id: string, actor: string, now: Date): Result<void> {
  const at = now.toISOString();
  return inTransaction(db, (tx) => {
    const row = getApiToken(tx, id);
    if (!row || !revokeRow(tx, id, at)) {
      return err(new AppError("not_found", `no live token "${id}"`, { field: "id" }));
    }
    appendAudit(
      tx,
      {
        actor,
        action: "token.revoked",
        centerId: null,
        subject: `token:${id}`,
        sourceIds: [`user:${row.userId}`],
        correlationId: null,
        data: { name: row.name, prefix: row.prefix },
      },
      at,
    );
    return ok(undefined);
  });
}

/** The principal behind an API token, or undefined if unknown, revoked or its user disabled. */
export function principalFromApiToken(db: Store, token: string, now: Date): Principal | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = getLiveApiTokenByHash(db, sha256Hex(token));
  if (!row) return undefined;
  const user = getUserById(db, row.userId);
  if (!user || user.disabledAt) return undefined;
  touchApiToken(db, row.id, now.toISOString());
  const scopes = row.scopes.filter((s): s is Scope => s === "read" || s === "write");
  return principalForUser(db, user, { kind: "token", tokenId: row.id, scopes });
}
