import { describe, expect, it } from "vitest";
import { principalFromApiToken } from "../auth/index.js";
import { openDatabase } from "../storage/index.js";
import { runTokensCommand, runUsersCommand } from "./auth.js";

function io(stdin = "") {
  return { db: openDatabase(":memory:"), readStdin: async () => stdin, now: () => new Date() };
}

describe("users and tokens commands", () => {
  it("adds a lead teacher with rooms and a password, and lists her", async () => {
    const ctx = io("a long enough passphrase\n");
    const out = await runUsersCommand(
      [
        "add",
        "--email",
        "Lee@Example.org",
        "--name",
        "Lee",
        "--role",
        "lead_teacher",
        "--center",
        "center_001",
        "--rooms",
        "room_1,room_2",
        "--password-stdin",
      ],
      ctx,
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("lee@example.org lead_teacher at center_001 (can sign in)");
    const list = await runUsersCommand(["list"], ctx);
    expect(list.stdout).toContain("lead_teacher@center_001[room_1,room_2]");
  });

  it("refuses bad input naming what is wrong, and a duplicate email", async () => {
    const ctx = io();
    const base = ["add", "--email", "a@example.org", "--name", "A", "--center", "*"];
    expect((await runUsersCommand([...base, "--role", "janitor"], ctx)).stderr).toMatch(/--role/);
    expect((await runUsersCommand(["add", "--email", "a@example.org"], ctx)).stderr).toMatch(
      /--name is required/,
    );
    const rooms = await runUsersCommand([...base, "--role", "director", "--rooms", "r1"], ctx);
    expect(rooms.code).not.toBe(0);
    expect(rooms.stderr).toMatch(/roomIds/);
    expect((await runUsersCommand([...base, "--role", "director"], ctx)).code).toBe(0);
    const again = await runUsersCommand([...base, "--role", "director"], ctx);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists/);
  });

  it("creates a token shown once, lists it by prefix, and revokes it", async () => {
    const ctx = io();
    await runUsersCommand(
      ["add", "--email", "svc@example.org", "--name", "Svc", "--role", "service", "--center", "*"],
      ctx,
    );
    const created = await runTokensCommand(
      ["create", "--user", "svc@example.org", "--name", "nightly", "--scope", "write"],
      ctx,
    );
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^cl_[\w-]{43}$/);
    expect(created.stderr).toMatch(/shown once/);
    const principal = principalFromApiToken(ctx.db, token, new Date());
    expect(principal?.scopes).toEqual(["read", "write"]);
    expect(principal?.memberships).toEqual([{ centerId: "*", role: "service", roomIds: [] }]);
    const list = (await runTokensCommand(["list"], ctx)).stdout;
    expect(list).toContain(`${token.slice(0, 9)}…`);
    expect(list).not.toContain(token);
    expect(list).toMatch(/last used \d{4}-/);
    const id = list.split(/\s+/)[0] as string;
    expect((await runTokensCommand(["revoke", id], ctx)).code).toBe(0);
    expect(principalFromApiToken(ctx.db, token, new Date())).toBeUndefined();
    expect((await runTokensCommand(["revoke", id], ctx)).code).toBe(1);
    expect(
      (await runTokensCommand(["create", "--user", "nobody@example.org", "--name", "x"], ctx))
        .stderr,
    ).toMatch(/no user/);
  });
});
