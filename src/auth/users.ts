/**
 * @module auth/users
 * Adding users with their memberships, and turning a stored user into a Principal. Emails are
 * kept lower-cased; a service account has no password (it signs in with tokens only).
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import {
  getUserByEmail,
  insertUser,
  listMemberships,
  replaceMemberships,
  type UserRow,
} from "../storage/users.js";
import { hashPassword } from "./password.js";
import { type Membership, type Principal, roleSchema, type Scope } from "./principal.js";

export const membershipSchema = z
  .object({
    centerId: z.string().min(1, "name a center id, or * for every center"),
    role: roleSchema,
    roomIds: z.array(z.string().min(1)).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.roomIds.length > 0 && m.role !== "lead_teacher") {
      ctx.addIssue({ code: "custom", path: ["roomIds"], message: "only lead teachers have rooms" });
    }
  });

export const newUserSchema = z
  .object({
    email: z.email().transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(12, "a password needs at least 12 characters").max(1024).optional(),
    memberships: z.array(membershipSchema).min(1, "a user needs at least one membership"),
  })
  .superRefine((u, ctx) => {
    const centers = u.memberships.map((m) => m.centerId);
    if (new Set(centers).size !== centers.length) {
      ctx.addIssue({ code: "custom", path: ["memberships"], message: "one role per center" });
    }
    if (u.password !== undefined && u.memberships.some((m) => m.role === "service")) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "a service account signs in with API tokens only, not a password",
      });
    }
  });
export type NewUser = z.input<typeof newUserSchema>;

export interface User {
  id: string;
  email: string;
  name: string;
  memberships: Membership[];
}

/** Adds a user; `conflict` if the email is taken, `bad_request` naming the field if invalid. */
export async function addUser(
  db: Db,
  input: NewUser,
  actor: string,
  now: Date,
): Promise<Result<User>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const u = parsed.data;
  // Hash before the transaction: scrypt is slow on purpose and must not hold the write lock.
  const passwordHash = u.password === undefined ? null : await hashPassword(u.password);
  const at = now.toISOString();
  return inTransaction(db, (tx) => {
    if (getUserByEmail(tx, u.email)) {
      return err(
        new AppError("conflict", `a user with email "${u.email}" exists`, { field: "email" }),
      );
    }
    const row = insertUser(tx, {
      id: `usr_${randomUUID()}`,
      email: u.email,
      name: u.name,
      passwordHash,
      createdAt: at,
    });
    replaceMemberships(tx, row.id, u.memberships);
    appendAudit(
      tx,
      {
        actor,
        action: "user.created",
        centerId: null,
        subject: `user:${row.id}`,
        sourceIds: [],
        correlationId: null,
        data: { email: row.email, memberships: u.memberships },
      },
      at,
    );
    return ok({ id: row.id, email: row.email, name: row.name, memberships: u.memberships });
  });
}

export function membershipsOf(db: Store, userId: string): Membership[] {
  return listMemberships(db, userId).map((m) => ({
    centerId: m.centerId,
    role: m.role,
    roomIds: m.roomIds,
  }));
}

/**
 * What the user may do with a credential that asks for `requested`: an auditor (at every center
 * the user belongs to) is read-only whatever the credential says.
 */
export function effectiveScopes(
  requested: readonly Scope[],
  memberships: readonly Membership[],
): Scope[] {
  const readOnly = memberships.every((m) => m.role === "auditor");
  return requested.filter((s) => s === "read" || !readOnly);
}

export function principalForUser(
  db: Store,
  user: UserRow,
  credential: { kind: "session" } | { kind: "token"; tokenId: string; scopes: readonly Scope[] },
): Principal {
  const memberships = membershipsOf(db, user.id);
  const requested: readonly Scope[] =
    credential.kind === "session" ? ["read", "write"] : credential.scopes;
  return {
    kind: credential.kind,
    actor: credential.kind === "session" ? `user:${user.id}` : `token:${credential.tokenId}`,
    userId: user.id,
    name: user.name,
    memberships,
    scopes: effectiveScopes(requested, memberships),
  };
}
