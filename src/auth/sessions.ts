/**
 * @module auth/sessions
 * Web sessions: a random id in a cookie, only its SHA-256 in the database, an expiry, and a
 * per-session CSRF token that every form must send back. Signing out revokes the row, so a copied
 * cookie stops working at once.
 */

import type { Store } from "../storage/db.js";
import { getLiveSession, insertSession, revokeSession } from "../storage/sessions.js";
import { getUserByEmail, getUserById } from "../storage/users.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { Principal } from "./principal.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { principalForUser } from "./users.js";

export interface NewSession {
  /** The cookie value: never stored. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface LiveSession {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
}

export function createSession(
  db: Store,
  userId: string,
  now: Date,
  ttlSeconds: number,
): NewSession {
  const id = randomSecret("");
  const csrfToken = randomSecret("");
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  insertSession(db, {
    idHash: sha256Hex(id),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { id, csrfToken, expiresAt };
}

/** The signed-in principal behind a cookie value, if the session is live and its user enabled. */
export function sessionFromCookie(db: Store, cookie: string, now: Date): LiveSession | undefined {
  const row = getLiveSession(db, sha256Hex(cookie), now.toISOString());
  if (!row) return undefined;
  const user = getUserById(db, row.userId);
  if (!user || user.disabledAt) return undefined;
  return {
    principal: principalForUser(db, user, { kind: "session" }),
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
  };
}

export function endSession(db: Store, cookie: string, now: Date): boolean {
  return revokeSession(db, sha256Hex(cookie), now.toISOString());
}

// Checked against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoy: Promise<string> | undefined;

/** The user id if the email and password match an enabled user with a password. */
export async function checkPassword(
  db: Store,
  email: string,
  password: string,
): Promise<string | undefined> {
  const user = getUserByEmail(db, email.trim());
  if (!user?.passwordHash || user.disabledAt) {
    decoy ??= hashPassword("not a password anyone has");
    await verifyPassword(password, await decoy);
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user.id : undefined;
}
