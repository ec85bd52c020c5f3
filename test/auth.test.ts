/**
 * Who is who, through the real service: bearer tokens on /api and /mcp (401, scopes, revocation,
 * the bootstrap token), center isolation on every documented /api route, sign-in and sign-out with
 * the session cookie, CSRF on form posts, and nothing secret stored in the clear.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centerFacts, proposal } from "../src/approvals/fixtures.js";
import { proposeApproval } from "../src/approvals/index.js";
import { addUser, createApiToken, revokeApiToken } from "../src/auth/index.js";
import { sha256Hex } from "../src/auth/secrets.js";
import { getApproval } from "../src/storage/approvals.js";
import { listChildren } from "../src/storage/directory.js";
import { apiTokens, sessions, users } from "../src/storage/schema.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";

const A = "center_001";
const B = "CTR_002"; // the second sandbox center (Kangarootime ids)
const PASSWORD = "correct horse battery staple";
const now = () => new Date();

let t: TestService;
let url: string;
/** A director of A only, with a write token and a read token. */
let writeA: string;
let readA: string;
/** An auditor of A whose token asked for write (auditors are read-only anyway). */
let auditorA: string;

function token(email: string, scope: "read" | "write"): string {
  const created = createApiToken(
    t.service.ctx.db,
    { userEmail: email, name: `test ${scope}`, scope },
    "test",
    now(),
  );
  if (!created.ok) throw created.error;
  return created.value.token;
}

beforeAll(async () => {
  t = await startTestService();
  url = t.service.url;
  const db = t.service.ctx.db;
  for (const [email, role] of [
    ["dana@a.example", "director"],
    ["ari@a.example", "auditor"],
  ] as const) {
    const added = await addUser(
      db,
      { email, name: email, password: PASSWORD, memberships: [{ centerId: A, role }] },
      "test",
      now(),
    );
    if (!added.ok) throw added.error;
  }
  writeA = token("dana@a.example", "write");
  readA = token("dana@a.example", "read");
  auditorA = token("ari@a.example", "write");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

describe("bearer tokens on /api", () => {
  it("answers 401 with WWW-Authenticate: Bearer for a missing, malformed or unknown token", async () => {
    const missing = await fetch(`${url}/api/centers`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer cl_not_a_real_token"]) {
      const res = await fetch(`${url}/api/centers`, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });

  it("takes the bootstrap token as a director of every center", async () => {
    const res = await t.api("/api/centers");
    expect(res.status).toBe(200);
    const { centers } = (await res.json()) as { centers: { id: string }[] };
    expect(centers.map((c) => c.id).sort()).toEqual([A, B].sort());
  });

  it("lists only the user's centers, and stamps the token's last use", async () => {
    const res = await fetch(`${url}/api/centers`, { headers: bearer(readA) });
    expect(res.status).toBe(200);
    const { centers } = (await res.json()) as { centers: { id: string }[] };
    expect(centers.map((c) => c.id)).toEqual([A]);
    const row = t.service.ctx.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, sha256Hex(readA)))
      .get();
    expect(row?.lastUsedAt).not.toBeNull();
  });

  it("refuses a change with a read-only token (403) and lets a write token through", async () => {
    const ack = (tok: string) =>
      fetch(`${url}/api/centers/${A}/alerts/999999/acknowledge`, {
        method: "POST",
        headers: { ...bearer(tok), "content-type": "application/json" },
        body: JSON.stringify({ by: "test" }),
      });
    const read = await ack(readA);
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    // Past authentication, the route itself answers: there is no such alert.
    expect((await ack(writeA)).status).toBe(404);
    // An auditor's token is read-only whatever scope it was created with.
    expect((await ack(auditorA)).status).toBe(403);
  });

  it("stops accepting a token the moment it is revoked", async () => {
    const tok = token("dana@a.example", "read");
    expect((await fetch(`${url}/api/centers`, { headers: bearer(tok) })).status).toBe(200);
    const row = t.service.ctx.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, sha256Hex(tok)))
      .get();
    expect(revokeApiToken(t.service.ctx.db, row!.id, "test", now()).ok).toBe(true);
    const res = await fetch(`${url}/api/centers`, { headers: bearer(tok) });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
  });
});

describe("center isolation on every documented /api operation", () => {
  interface Parameter {
    name: string;
    in: string;
    required?: boolean;
  }
  interface Operation {
    parameters?: Parameter[];
    security?: unknown[];
    responses: Record<string, unknown>;
  }

  it("answers 404, worded as for an unknown center, for center B to a user of A", async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const roomsB = (await (await t.api(`/api/centers/${B}/rooms`)).json()) as {
      rooms: { id: string }[];
    };
    const approvalB = proposeApproval(
      t.service.ctx.db,
      proposal("family_message", centerFacts(t.sandbox, 1)),
      now().toISOString(),
    ).row;
    const values: Record<string, string> = {
      id: String(approvalB.id),
      center: B,
      room: roomsB.rooms[0]!.id,
      date: SANDBOX_DATE,
      from: SANDBOX_DATE,
      to: SANDBOX_DATE,
      month: SANDBOX_DATE.slice(0, 7),
      child: listChildren(t.service.ctx.db, B)[0]!.id,
    };
    const unknownCenter = {
      code: "not_found",
      message: `unknown center "${B}"`,
      details: { field: "center" },
    };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/"))
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ path, method, op })),
      );
    expect(operations.length).toBeGreaterThanOrEqual(8);
    let centerScoped = 0;
    for (const { path, method, op } of operations) {
      const what = `${method.toUpperCase()} ${path}`;
      expect(op.security, `${what} documents bearerAuth`).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(op.responses), what).toContain("401");
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(values[name] ?? "1"),
      );
      const query = new URLSearchParams(
        (op.parameters ?? [])
          .filter((p) => p.in === "query" && p.required)
          .map((p): [string, string] => [p.name, values[p.name] ?? "1"]),
      );
      const target = `${filled}${query.size ? `?${query}` : ""}`;
      const init = (tok: string): RequestInit => ({
        method: method.toUpperCase(),
        headers: { ...bearer(tok), "content-type": "application/json" },
        body: method === "get" ? undefined : JSON.stringify({ by: "someone of A" }),
      });
      if (path.includes("{center}")) {
        centerScoped++;
        const res = await fetch(`${url}${target}`, init(writeA));
        expect(res.status, what).toBe(404);
        expect(((await res.json()) as { error: unknown }).error, what).toEqual(unknownCenter);
        if (method === "get") {
          // The same request from someone who may see B is not a 404: B and its room exist.
          expect((await t.api(target)).status, `${what} as bootstrap`).not.toBe(404);
          // And a center that really does not exist reads the same, id for id.
          const ghost = await t.api(target.replace(encodeURIComponent(B), "no_such_center"));
          expect(((await ghost.json()) as { error: unknown }).error, what).toEqual({
            ...unknownCenter,
            message: 'unknown center "no_such_center"',
          });
        }
      } else if (path.startsWith("/api/approvals/{id}")) {
        // Another center's approval reads exactly as one that does not exist.
        const body =
          method === "get"
            ? undefined
            : JSON.stringify({ contentHash: approvalB.contentHash, action: "approve" });
        const res = await fetch(`${url}${target}`, { ...init(writeA), body });
        expect(res.status, what).toBe(404);
        expect(await res.text(), what).not.toContain(B);
      } else if (path === "/api/approvals/bulk-approve") {
        const res = await fetch(`${url}${target}`, {
          ...init(writeA),
          body: JSON.stringify({
            items: [{ approvalId: approvalB.id, contentHash: approvalB.contentHash }],
          }),
        });
        expect(res.status, what).toBe(200);
        const { results } = (await res.json()) as { results: { ok: boolean; error?: unknown }[] };
        expect(results[0], what).toMatchObject({ ok: false, error: { code: "not_found" } });
      } else if (method === "get") {
        const res = await fetch(`${url}${target}`, init(writeA));
        expect(res.status, what).toBeLessThan(500);
        expect(await res.text(), `${what} mentions no trace of center B`).not.toContain(B);
      } else {
        throw new Error(
          `${what} changes something without a {center} in its path: add an isolation case for it here`,
        );
      }
    }
    expect(centerScoped).toBeGreaterThanOrEqual(7);
    expect(getApproval(t.service.ctx.db, approvalB.id)?.state, "B's approval untouched").toBe(
      "pending",
    );
  });
});

describe("/mcp takes the same tokens", () => {
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.close();
  });
  async function client(tok: string): Promise<Client> {
    const c = new Client({ name: "auth-test", version: "1.0.0" });
    await c.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: bearer(tok) },
      }),
    );
    clients.push(c);
    return c;
  }
  const text = (r: CallToolResult) =>
    r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

  it("answers 401 without a token, serves the bootstrap token every center", async () => {
    const res = await fetch(`${url}/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: "{}",
    });
    expect(res.status).toBe(401);
    const admin = await client(t.bootstrapToken);
    const out = (await admin.callTool({ name: "list_centers", arguments: {} })) as CallToolResult;
    const centers = (out.structuredContent as { centers: { id: string }[] }).centers;
    expect(centers.map((c) => c.id).sort()).toEqual([A, B].sort());
  });

  it("limits every tool to the user's centers: B reads exactly like an unknown center", async () => {
    const mcp = await client(readA);
    const listed = (await mcp.callTool({ name: "list_centers", arguments: {} })) as CallToolResult;
    expect(
      (listed.structuredContent as { centers: { id: string }[] }).centers.map((c) => c.id),
    ).toEqual([A]);
    const { tools } = await mcp.listTools();
    let scoped = 0;
    for (const tool of tools) {
      const props = (tool.inputSchema.properties ?? {}) as Record<
        string,
        { type?: string; format?: string; pattern?: string }
      >;
      if (!("centerId" in props)) {
        const out = (await mcp.callTool({ name: tool.name, arguments: {} })) as CallToolResult;
        expect(JSON.stringify(out), tool.name).not.toContain(B);
        continue;
      }
      scoped++;
      const args: Record<string, unknown> = { centerId: B };
      for (const name of tool.inputSchema.required ?? []) {
        if (name === "centerId") continue;
        const prop = props[name];
        args[name] =
          prop?.type === "number" || prop?.type === "integer"
            ? 30
            : prop?.format === "date" || prop?.pattern?.includes("\\d{4}")
              ? SANDBOX_DATE
              : "room_1";
      }
      const out = (await mcp.callTool({ name: tool.name, arguments: args })) as CallToolResult;
      expect(out.isError, tool.name).toBe(true);
      expect(text(out), tool.name).toContain(
        `center "${B}" is unknown or not in this token's scope`,
      );
    }
    expect(scoped).toBeGreaterThan(3);
  });
});

describe("signing in to the web app", () => {
  const form = (fields: Record<string, string>, origin = url) =>
    fetch(`${url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin },
      body: new URLSearchParams(fields),
    });

  it("sends a signed-out visitor of a page to /sign-in, and back afterwards", async () => {
    const res = await fetch(`${url}/?x=1`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent("/?x=1")}`);
    const page = await fetch(`${url}/sign-in?next=%2F%3Fx%3D1`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="next" value="/?x=1"');
    expect(html).toContain('autocomplete="current-password"');
    expect(html).toContain('name="viewport"');
  });

  it("refuses a wrong password or an unknown email alike, with no cookie", async () => {
    for (const email of ["dana@a.example", "nobody@a.example"]) {
      const res = await form({ email, password: "wrong password entirely" });
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("do not match");
    }
  });

  it("signs in with a session cookie that is HttpOnly and SameSite=Lax, stored only hashed", async () => {
    const res = await form({
      email: "DANA@a.example",
      password: PASSWORD,
      next: "//evil.example/",
    });
    expect(res.status).toBe(303);
    // A next that leaves the site lands in the app (the user's center board, or their centers).
    expect(res.headers.get("location")).toBe("/centers");
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^centerline_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; https gets Secure and __Host-
    const value = /^centerline_session=([^;]+)/.exec(setCookie)![1]!;
    const rows = t.service.ctx.db.select().from(sessions).all();
    expect(rows.some((r) => r.idHash === sha256Hex(value))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it("shows the signed-in user only their centers, and signs out for good", async () => {
    const s = (await t.signIn("dana@a.example", PASSWORD))!;
    const board = await (await fetch(`${url}/`, { headers: { cookie: s.cookie } })).text();
    expect(board).toContain(`data-center="${A}"`);
    expect(board).not.toContain(`data-center="${B}"`);
    const fragment = await fetch(`${url}/board/centers/${B}`, { headers: { cookie: s.cookie } });
    expect(fragment.status).toBe(404);
    // Same-origin browser calls to /api may use the cookie.
    const api = await fetch(`${url}/api/centers`, { headers: { cookie: s.cookie } });
    expect(((await api.json()) as { centers: { id: string }[] }).centers.map((c) => c.id)).toEqual([
      A,
    ]);
    const out = await fetch(`${url}/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: s.cookie, origin: url },
      body: new URLSearchParams({ _csrf: s.csrfToken }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/centerline_session=;.*Max-Age=0/i);
    // The old cookie is dead even if someone kept a copy.
    const after = await fetch(`${url}/`, { headers: { cookie: s.cookie }, redirect: "manual" });
    expect(after.status).toBe(303);
    expect((await fetch(`${url}/api/centers`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("signs in every seeded sandbox user that has a password", async () => {
    expect(t.users.map((u) => u.role).sort()).toEqual(
      ["assistant_director", "auditor", "director", "lead_teacher", "service"].sort(),
    );
    for (const u of t.users.filter((x) => x.password)) {
      expect(await t.signIn(u.email, u.password!), u.email).toBeDefined();
    }
    const service = t.users.find((u) => u.role === "service")!;
    const res = await fetch(`${url}/api/centers`, { headers: bearer(service.token!) });
    expect(res.status).toBe(200);
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated form post without the token or from another origin", async () => {
    const s = (await t.signIn("dana@a.example", PASSWORD))!;
    const post = (headers: Record<string, string>, body: Record<string, string>) =>
      fetch(`${url}/sign-out`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: s.cookie, ...headers },
        body: new URLSearchParams(body),
      });
    expect((await post({ origin: url }, {})).status).toBe(403);
    expect((await post({ origin: url }, { _csrf: "not-the-token" })).status).toBe(403);
    expect((await post({ origin: "http://evil.example" }, { _csrf: s.csrfToken })).status).toBe(
      403,
    );
    // Still signed in: none of those got through.
    expect((await fetch(`${url}/`, { headers: { cookie: s.cookie } })).status).toBe(200);
    // A cookie-authenticated API change needs the token too (X-CSRF-Token).
    const ack = (headers: Record<string, string>) =>
      fetch(`${url}/api/centers/${A}/alerts/999999/acknowledge`, {
        method: "POST",
        headers: { cookie: s.cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ by: "dana" }),
      });
    expect((await ack({})).status).toBe(403);
    expect((await ack({ "x-csrf-token": s.csrfToken })).status).toBe(404);
  });

  it("refuses a sign-in form posted from another origin", async () => {
    const res = await fetch(`${url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "http://evil.example" },
      body: new URLSearchParams({ email: "dana@a.example", password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("nothing secret at rest", () => {
  it("stores passwords as scrypt hashes and tokens as SHA-256 digests", () => {
    const db = t.service.ctx.db;
    const dana = db.select().from(users).where(eq(users.email, "dana@a.example")).get()!;
    expect(dana.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(dana.passwordHash).not.toContain(PASSWORD);
    const rows = db.select().from(apiTokens).all();
    expect(rows.some((r) => r.tokenHash === sha256Hex(writeA))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(writeA);
    expect(JSON.stringify(db.select().from(users).all())).not.toContain(PASSWORD);
  });
});

describe("served over https", () => {
  let secure: TestService;
  beforeAll(async () => {
    secure = await startTestService({ env: { PUBLIC_URL: "https://centerline.example" } });
  }, 60_000);
  afterAll(async () => {
    await secure?.stop();
  });

  it("names the cookie __Host- and marks it Secure", async () => {
    const director = secure.users.find((u) => u.role === "director")!;
    const res = await fetch(`${secure.service.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      // Behind a proxy the browser's Origin is the public one, which PUBLIC_URL makes trusted.
      headers: { origin: "https://centerline.example" },
      body: new URLSearchParams({ email: director.email, password: director.password! }),
    });
    expect(res.status).toBe(303);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-centerline_session=/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/Path=\//);
  });
});
