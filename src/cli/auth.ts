/**
 * @module cli/auth
 * `users add|list` and `tokens create|list|revoke`, on the database at DATABASE_PATH. Whoever runs
 * these has the database file, so they act as `system:cli` in the audit log. A token is printed
 * once, on stdout alone, so `$(npm run -s cli -- tokens create …)` captures just the token.
 */
import { parseArgs } from "node:util";
import { addUser, createApiToken, listTokens, revokeApiToken, roleSchema } from "../auth/index.js";
import type { Db } from "../storage/db.js";
import { listMemberships, listUsers } from "../storage/users.js";
import type { CliIo, CliOutput } from "./ratio.js";

const ACTOR = "system:cli";

export interface AuthCliIo extends CliIo {
  db: Db;
}

const usersUsage = `usage:
  users add --email <e> --name <n> --role <role> --center <id|*> [--center <id>…] [--rooms a,b] [--password-stdin]
      role: ${roleSchema.options.join(", ")}; --password-stdin reads the password (12+ characters)
  users list`;
const tokensUsage = `usage:
  tokens create --user <email> --name <n> [--scope read|write]   prints the token once
  tokens list
  tokens revoke <id>`;

function fail(message: string, code = 2): CliOutput {
  return { stdout: "", stderr: `${message}\n`, code };
}

function parse<T extends Record<string, { type: "string" | "boolean"; multiple?: boolean }>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return { ok: true as const, ...parseArgs({ args, options, allowPositionals: true }) };
  } catch (error) {
    return { ok: false as const, out: fail(`${(error as Error).message}\n${usage}`) };
  }
}

async function usersAdd(args: string[], io: AuthCliIo): Promise<CliOutput> {
  const p = parse(
    args,
    {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      center: { type: "string", multiple: true },
      rooms: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    usersUsage,
  );
  if (!p.ok) return p.out;
  const v = p.values;
  for (const required of ["email", "name", "role", "center"] as const) {
    if (v[required] === undefined) return fail(`--${required} is required\n${usersUsage}`);
  }
  const role = roleSchema.safeParse(v.role);
  if (!role.success) return fail(`--role: one of ${roleSchema.options.join(", ")}`);
  const roomIds = v.rooms
    ? v.rooms
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean)
    : [];
  const password = v["password-stdin"] ? (await io.readStdin()).replace(/\r?\n$/, "") : undefined;
  const added = await addUser(
    io.db,
    {
      email: v.email as string,
      name: v.name as string,
      password,
      memberships: (v.center as string[]).map((centerId) => ({
        centerId,
        role: role.data,
        roomIds,
      })),
    },
    ACTOR,
    io.now(),
  );
  if (!added.ok) return fail(added.error.message, 1);
  const u = added.value;
  const signIn = password ? "can sign in" : "no password: API tokens only";
  return {
    stdout: `${u.id} ${u.email} ${role.data} at ${(v.center as string[]).join(", ")} (${signIn})\n`,
    stderr: "",
    code: 0,
  };
}

function usersList(io: AuthCliIo): CliOutput {
  const lines = listUsers(io.db).map((u) => {
    const where = listMemberships(io.db, u.id)
      .map((m) => `${m.role}@${m.centerId}${m.roomIds.length ? `[${m.roomIds.join(",")}]` : ""}`)
      .join(" ");
    return `${u.id}  ${u.email}  ${u.name}  ${where}${u.disabledAt ? "  (disabled)" : ""}`;
  });
  return { stdout: lines.length ? `${lines.join("\n")}\n` : "", stderr: "", code: 0 };
}

function tokensCreate(args: string[], io: AuthCliIo): CliOutput {
  const p = parse(
    args,
    { user: { type: "string" }, name: { type: "string" }, scope: { type: "string" } },
    tokensUsage,
  );
  if (!p.ok) return p.out;
  const { user, name, scope } = p.values;
  if (!user) return fail(`--user is required\n${tokensUsage}`);
  if (!name) return fail(`--name is required\n${tokensUsage}`);
  if (scope !== undefined && scope !== "read" && scope !== "write") {
    return fail("--scope: read or write");
  }
  const created = createApiToken(io.db, { userEmail: user, name, scope }, ACTOR, io.now());
  if (!created.ok) return fail(created.error.message, 1);
  const t = created.value;
  return {
    stdout: `${t.token}\n`,
    stderr: `token ${t.id} (${t.scopes.join("+")}) for ${user}: shown once, store it now\n`,
    code: 0,
  };
}

function tokensList(io: AuthCliIo): CliOutput {
  const lines = listTokens(io.db).map(
    (t) =>
      `${t.id}  ${t.prefix}…  ${t.user}  "${t.name}"  ${t.scopes.join("+")}  created ${t.createdAt}  ` +
      `last used ${t.lastUsedAt ?? "never"}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ""}`,
  );
  return { stdout: lines.length ? `${lines.join("\n")}\n` : "", stderr: "", code: 0 };
}

export async function runUsersCommand(args: string[], io: AuthCliIo): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub === "add") return usersAdd(rest, io);
  if (sub === "list") return usersList(io);
  return fail(usersUsage);
}

export async function runTokensCommand(args: string[], io: AuthCliIo): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub === "create") return tokensCreate(rest, io);
  if (sub === "list") return tokensList(io);
  if (sub === "revoke") {
    const id = rest[0];
    if (!id || rest.length > 1) return fail(tokensUsage);
    const revoked = revokeApiToken(io.db, id, ACTOR, io.now());
    return revoked.ok
      ? { stdout: `revoked ${id}\n`, stderr: "", code: 0 }
      : fail(revoked.error.message, 1);
  }
  return fail(tokensUsage);
}
