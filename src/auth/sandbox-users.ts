/**
 * @module auth/sandbox-users
 * The sandbox's people who sign in: one invented user per role, with a fresh random password on
 * every start (printed in the start-up banner, never a well-known default), and a fresh API token
 * for the service account (its older tokens are revoked).
 */
import type { Center, Room } from "../domain/index.js";
import { AppError } from "../errors/index.js";
import { listLiveApiTokensOfUser } from "../storage/api-tokens.js";
import { type Db, inTransaction } from "../storage/db.js";
import { getUserByEmail, replaceMemberships, setPasswordHash } from "../storage/users.js";
import { createApiToken, revokeApiToken } from "./api-tokens.js";
import { hashPassword, randomPassword } from "./password.js";
import type { Role } from "./principal.js";
import { addUser } from "./users.js";

export interface SandboxSignIn {
  role: Role;
  email: string;
  name: string;
  /** Null for the service account, which uses `token`. */
  password: string | null;
  token: string | null;
  /** What the banner says about where this user works. */
  scope: string;
}

const ACTOR = "system:sandbox";

interface Seed {
  role: Role;
  email: string;
  name: string;
  memberships: { centerId: string; role: Role; roomIds: string[] }[];
  scope: string;
}

function seeds(centers: readonly Center[], rooms: (centerId: string) => Room[]): Seed[] {
  const first = centers[0];
  if (!first) throw new AppError("internal", "the sandbox has no centers to seed users for");
  const every = (role: Role) => centers.map((c) => ({ centerId: c.id, role, roomIds: [] }));
  const toddlers = rooms(first.id).find((r) => r.ageGroup === "toddler") ?? rooms(first.id)[0];
  return [
    {
      role: "director",
      email: "director@sandbox.centerline.example",
      name: "Avery Lindqvist",
      memberships: every("director"),
      scope: "director of every sandbox center",
    },
    {
      role: "assistant_director",
      email: "assistant.director@sandbox.centerline.example",
      name: "Jordan Okonkwo",
      memberships: [{ centerId: first.id, role: "assistant_director", roomIds: [] }],
      scope: `assistant director, ${first.name}`,
    },
    {
      role: "lead_teacher",
      email: "lead.teacher@sandbox.centerline.example",
      name: "Sam Varga",
      memberships: [
        { centerId: first.id, role: "lead_teacher", roomIds: toddlers ? [toddlers.id] : [] },
      ],
      scope: `lead teacher of ${toddlers?.name ?? "no room"}, ${first.name}`,
    },
    {
      role: "auditor",
      email: "auditor@sandbox.centerline.example",
      name: "Riley Castellanos",
      memberships: every("auditor"),
      scope: "read-only auditor of every sandbox center",
    },
    {
      role: "service",
      email: "service@sandbox.centerline.example",
      name: "Sandbox service account",
      memberships: every("service"),
      scope: "service account of every sandbox center (API token)",
    },
  ];
}

export async function seedSandboxUsers(
  db: Db,
  centers: readonly Center[],
  rooms: (centerId: string) => Room[],
  now: Date,
): Promise<SandboxSignIn[]> {
  const list = seeds(centers, rooms);
  const passwords = list.map((s) => (s.role === "service" ? null : randomPassword()));
  const hashes = await Promise.all(
    passwords.map((p) => (p === null ? null : hashPassword(p, "random-password"))),
  );
  const out: SandboxSignIn[] = [];
  for (const [i, seed] of list.entries()) {
    const password = passwords[i] ?? null;
    const existing = getUserByEmail(db, seed.email);
    if (existing) {
      inTransaction(db, (tx) => {
        setPasswordHash(tx, existing.id, hashes[i] ?? null);
        replaceMemberships(tx, existing.id, seed.memberships);
      });
    } else {
      const added = await addUser(
        db,
        { email: seed.email, name: seed.name, memberships: seed.memberships },
        ACTOR,
        now,
      );
      if (!added.ok) throw added.error;
      setPasswordHash(db, added.value.id, hashes[i] ?? null);
    }
    let token: string | null = null;
    if (seed.role === "service") {
      const user = getUserByEmail(db, seed.email);
      for (const old of user ? listLiveApiTokensOfUser(db, user.id) : []) {
        revokeApiToken(db, old.id, ACTOR, now);
      }
      const created = createApiToken(
        db,
        { userEmail: seed.email, name: "sandbox start-up", scope: "write" },
        ACTOR,
        now,
      );
      if (!created.ok) throw created.error;
      token = created.value.token;
    }
    out.push({
      role: seed.role,
      email: seed.email,
      name: seed.name,
      password,
      token,
      scope: seed.scope,
    });
  }
  return out;
}
