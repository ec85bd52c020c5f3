/**
 * @module storage/users
 * Users and their memberships (a role at a center, or at `*` for every center). Only SQL; the
 * rules about who may do what live in `auth/`.
 */
import { asc, eq } from "drizzle-orm";
import type { Store } from "./db.js";
import { memberships, users } from "./schema.js";

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type NewMembershipRow = Omit<MembershipRow, "userId">;

export function insertUser(db: Store, row: typeof users.$inferInsert): UserRow {
  return db.insert(users).values(row).returning().get();
}

export function getUserById(db: Store, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Emails are stored lower-cased, so look-ups are too. */
export function getUserByEmail(db: Store, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function listUsers(db: Store): UserRow[] {
  return db.select().from(users).orderBy(asc(users.email)).all();
}

export function setPasswordHash(db: Store, userId: string, passwordHash: string | null): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

export function listMemberships(db: Store, userId: string): MembershipRow[] {
  return db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.centerId))
    .all();
}

/** Replaces every membership of the user with `list`. */
export function replaceMemberships(
  db: Store,
  userId: string,
  list: readonly NewMembershipRow[],
): void {
  db.delete(memberships).where(eq(memberships.userId, userId)).run();
  if (list.length > 0) {
    db.insert(memberships)
      .values(list.map((m) => ({ ...m, userId })))
      .run();
  }
}
