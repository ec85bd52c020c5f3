/**
 * The MCP server through the SDK's own Client: Streamable HTTP at /mcp on the real service (tokens,
 * Host/Origin, scope, every tool against sandbox state, resources, prompts) and stdio as a child
 * process on the same database.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centerFacts, proposal } from "../src/approvals/fixtures.js";
import { decideApproval, proposeApproval } from "../src/approvals/index.js";
import { addUser, createApiToken } from "../src/auth/index.js";
import { loadConfig } from "../src/config/index.js";
import { authenticate } from "../src/mcp/auth.js";
import { checkHostAndOrigin } from "../src/mcp/http.js";
import { inspect } from "../src/mcp/inspect.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";

const DIRECTOR = "director-token-0123456789abcdef";
const AUDITOR_A = "auditor-token-a-0123456789abcdef";
const LEAD_B = "lead-token-b-0123456789abcdefgh";
const A = "center_001";
const B = "CTR_002"; // the second sandbox center speaks Kangarootime, whose ids look like this

const TOOLS = [
  "attendance_summary",
  "expiring_credentials",
  "forecast",
  "list_centers",
  "open_alerts",
  "pending_approvals",
  "ratio_history",
  "room_status",
  "roster",
];

let t: TestService;
const clients: Client[] = [];

async function httpClient(token: string): Promise<Client> {
  const client = new Client({ name: "centerline-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${t.service.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function data<T = Record<string, unknown>>(result: CallToolResult): T {
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  return result.structuredContent as T;
}

function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}

beforeAll(async () => {
  t = await startTestService({
    env: {
      MCP_TOKENS: `${DIRECTOR}:director:*,${AUDITOR_A}:auditor:${A},${LEAD_B}:lead_teacher:${B}`,
    },
  });
  for (const d of t.sandbox.advanceTo(new Date(`${SANDBOX_DATE}T18:00:00Z`))) {
    expect((await t.post(d)).status).toBe(200);
  }
  t.settle();
  t.service.evaluateNow();
});

afterAll(async () => {
  for (const c of clients) await c.close();
  await t.stop();
});

describe("MCP over HTTP: the door", () => {
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "raw", version: "1" },
    },
  };
  const post = (headers: Record<string, string>) =>
    fetch(`${t.service.url}/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
      body: JSON.stringify(initialize),
    });

  it("answers 401 with WWW-Authenticate: Bearer without a token or with an unknown one", async () => {
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const bad = await post({ authorization: "Bearer not-a-real-token-at-all-123456" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses a foreign Origin on a localhost bind with 403, and accepts a good token", async () => {
    const foreign = await post({
      authorization: `Bearer ${DIRECTOR}`,
      origin: "http://evil.example",
    });
    expect(foreign.status).toBe(403);
    const good = await post({ authorization: `Bearer ${DIRECTOR}` });
    expect(good.status).toBe(200);
    const body = (await good.json()) as { result: { serverInfo: { name: string } } };
    expect(body.result.serverInfo.name).toBe("centerline");
    expect(good.headers.get("mcp-session-id")).toBeNull();
  });

  it("is stateless: GET has no stream to open (405)", async () => {
    const res = await fetch(`${t.service.url}/mcp`, {
      headers: { authorization: `Bearer ${DIRECTOR}`, accept: "text/event-stream" },
    });
    expect(res.status).toBe(405);
  });
});

describe("MCP over HTTP: tools", () => {
  let director: Client;
  beforeAll(async () => {
    director = await httpClient(DIRECTOR);
  });

  it("lists every tool, each with an input and an output schema and read-only", async () => {
    const { tools } = await director.listTools();
    expect(tools.map((x) => x.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
  });

  it("list_centers shows both sandbox centers with their rooms", async () => {
    const { centers } = data<{ centers: { id: string; rooms: { id: string }[] }[] }>(
      await call(director, "list_centers"),
    );
    expect(centers.map((c) => c.id).sort()).toEqual([A, B].sort());
    expect(centers.every((c) => c.rooms.length > 0)).toBe(true);
  });

  it("room_status matches the HTTP API's evaluation and carries the explanation", async () => {
    const res = await t.api(`/api/centers/${A}/rooms`);
    const api = (await res.json()) as {
      rooms: { id: string; counts: { children: number }; ratio: { status: string } | null }[];
    };
    const all = data<{
      rooms: { roomId: string; status: string; children: number; explanation: string[] }[];
    }>(await call(director, "room_status", { centerId: A }));
    expect(all.rooms.map((r) => r.roomId)).toEqual(api.rooms.map((r) => r.id));
    for (const room of all.rooms) {
      const match = api.rooms.find((r) => r.id === room.roomId);
      expect(room.status).toBe(match?.ratio?.status);
      expect(room.children).toBe(match?.counts.children);
      expect(room.explanation.length).toBeGreaterThan(0);
    }
    expect(all.rooms.some((r) => r.children > 0)).toBe(true);
    const firstRoom = all.rooms[0]?.roomId as string;
    const one = data<{ rooms: unknown[] }>(
      await call(director, "room_status", { centerId: A, roomId: firstRoom }),
    );
    expect(one.rooms).toHaveLength(1);
  });

  it("forecast returns every room with a status now", async () => {
    const out = data<{
      rooms: { roomId: string; statusNow: string | null }[];
      horizonMinutes: number;
    }>(await call(director, "forecast", { centerId: A, horizonMinutes: 45 }));
    expect(out.horizonMinutes).toBe(45);
    expect(out.rooms.length).toBeGreaterThan(0);
    expect(out.rooms.every((r) => typeof r.statusNow === "string")).toBe(true);
  });

  it("roster shows names to a director and pseudonyms, stable per center, to an auditor", async () => {
    type Roster = {
      pseudonymized: boolean;
      rooms: { roomId: string; counts: { children: number }; children: string[] }[];
    };
    const named = data<Roster>(await call(director, "roster", { centerId: A }));
    expect(named.pseudonymized).toBe(false);
    const kids = named.rooms.flatMap((r) => r.children);
    expect(kids.length).toBeGreaterThan(0);
    expect(kids.every((n) => /^\S+ \S+/.test(n) && !n.startsWith("CHILD_"))).toBe(true);
    for (const r of named.rooms) expect(r.children).toHaveLength(r.counts.children);

    const auditor = await httpClient(AUDITOR_A);
    const first = data<Roster>(await call(auditor, "roster", { centerId: A }));
    const again = data<Roster>(await call(auditor, "roster", { centerId: A }));
    expect(first.pseudonymized).toBe(true);
    const pseudo = first.rooms.flatMap((r) => r.children);
    expect(pseudo.length).toBe(kids.length);
    expect(pseudo.every((n) => /^CHILD_\d+$/.test(n))).toBe(true);
    expect(again).toEqual(first);
    expect(JSON.stringify(first)).not.toContain(kids[0] as string);
  });

  it("open_alerts lists alert rows for the center", async () => {
    const out = data<{ centerId: string; alerts: { roomId: string; state: string }[] }>(
      await call(director, "open_alerts", { centerId: A }),
    );
    expect(out.centerId).toBe(A);
    expect(out.alerts.every((a) => a.state !== "resolved")).toBe(true);
  });

  it("pending_approvals lists a center's pending drafts, names only for roles that may see them", async () => {
    type Pending = { approvals: { id: number; summary: string; about: string | null }[] };
    const before = data<Pending>(await call(director, "pending_approvals", { centerId: A }));
    const facts = centerFacts(t.sandbox, 0);
    const child = t.sandbox.world.centers[0]!.children.find((k) => k.id === facts.childId)!;
    const now = t.service.ctx.wallClock().toISOString();
    const [pending, decided] = ["pending", "decided"].map(
      (which) =>
        proposeApproval(
          t.service.ctx.db,
          proposal("family_message", facts, {
            title: `Late pick-up: ${child.firstName} (${which})`,
          }),
          now,
        ).row,
    );
    const rejected = decideApproval(
      { db: t.service.ctx.db, clock: t.service.ctx.clock, wallClock: t.service.ctx.wallClock },
      {
        kind: "token",
        actor: "user:mcp-test",
        userId: "mcp-test",
        name: "MCP test",
        memberships: [{ centerId: A, role: "director", roomIds: [] }],
        scopes: ["read", "write"],
      },
      {
        approvalId: decided!.id,
        contentHash: decided!.contentHash,
        action: "reject",
        reason: "no",
      },
    );
    expect(rejected.ok).toBe(true);

    const out = data<Pending & { note: string }>(
      await call(director, "pending_approvals", { centerId: A }),
    );
    expect(out.approvals.map((a) => a.id)).toEqual([
      ...before.approvals.map((a) => a.id),
      pending!.id,
    ]);
    expect(out.approvals.at(-1)?.summary).toBe(`Late pick-up: ${child.firstName} (pending)`);
    expect(out.note).toMatch(/Read-only/);

    // The auditor sees the same items with the kind and room instead of the title, and a pseudonym.
    const auditor = await httpClient(AUDITOR_A);
    const seen = data<Pending>(await call(auditor, "pending_approvals", { centerId: A }));
    const mine = seen.approvals.find((a) => a.id === pending!.id);
    expect(mine?.summary).toMatch(/^family message in /);
    expect(mine?.about).toMatch(/^CHILD_\d+$/);
    expect(JSON.stringify(seen)).not.toContain(child.firstName);
    // Another center's lead teacher learns nothing about this center.
    const lead = await httpClient(LEAD_B);
    expect(errorText(await call(lead, "pending_approvals", { centerId: A }))).toMatch(/not in/);
  });

  it("attendance_summary counts a room's and a child's events over the day", async () => {
    const status = data<{ rooms: { roomId: string; children: number }[] }>(
      await call(director, "room_status", { centerId: A }),
    );
    const busy = status.rooms.find((r) => r.children > 0)?.roomId as string;
    const room = data<{
      events: number;
      byDate: Record<string, number>;
      byType: Record<string, number>;
    }>(
      await call(director, "attendance_summary", {
        centerId: A,
        roomId: busy,
        from: SANDBOX_DATE,
        to: SANDBOX_DATE,
      }),
    );
    expect(room.events).toBeGreaterThan(0);
    expect(room.byDate[SANDBOX_DATE]).toBe(room.events);
    expect(Object.values(room.byType).reduce((a, b) => a + b, 0)).toBe(room.events);

    const res = await t.api(`/api/centers/${A}/rooms`);
    const api = (await res.json()) as { rooms: { id: string; children: { id: string }[] }[] };
    const childId = api.rooms.flatMap((r) => r.children)[0]?.id as string;
    const child = data<{ events: number; subject: { label: string } }>(
      await call(director, "attendance_summary", {
        centerId: A,
        childId,
        from: SANDBOX_DATE,
        to: SANDBOX_DATE,
      }),
    );
    expect(child.events).toBeGreaterThan(0);
    const none = data<{ events: number }>(
      await call(director, "attendance_summary", {
        centerId: A,
        childId,
        from: "2026-10-01",
        to: "2026-10-02",
      }),
    );
    expect(none.events).toBe(0);
    expect(
      errorText(
        await call(director, "attendance_summary", {
          centerId: A,
          from: SANDBOX_DATE,
          to: SANDBOX_DATE,
        }),
      ),
    ).toMatch(/exactly one of childId and roomId/);
  });

  it("expiring_credentials grows with the window and never lists a later expiry", async () => {
    type Out = { through: string; credentials: { expiresOn: string; expired: boolean }[] };
    const soon = data<Out>(await call(director, "expiring_credentials", { centerId: A, days: 0 }));
    const year = data<Out>(
      await call(director, "expiring_credentials", { centerId: A, days: 366 }),
    );
    expect(year.credentials.length).toBeGreaterThanOrEqual(soon.credentials.length);
    expect(year.credentials.every((c) => c.expiresOn <= year.through)).toBe(true);
    const sorted = [...year.credentials].map((c) => c.expiresOn).sort();
    expect(year.credentials.map((c) => c.expiresOn)).toEqual(sorted);
  });

  it("ratio_history matches the HTTP API's history for the day", async () => {
    const status = data<{ rooms: { roomId: string }[] }>(
      await call(director, "room_status", { centerId: A }),
    );
    const roomId = status.rooms[0]?.roomId as string;
    const res = await t.api(`/api/centers/${A}/rooms/${roomId}/history?date=${SANDBOX_DATE}`);
    const api = (await res.json()) as { changes: { at: string; status: string }[] };
    const out = data<{
      date: string;
      changes: { at: string; status: string; explanation: string[] }[];
    }>(await call(director, "ratio_history", { centerId: A, roomId, date: SANDBOX_DATE }));
    expect(out.date).toBe(SANDBOX_DATE);
    expect(out.changes.length).toBeGreaterThan(0);
    expect(out.changes.map((c) => [c.at, c.status])).toEqual(
      api.changes.map((c) => [c.at, c.status]),
    );
  });
});

describe("MCP over HTTP: scope and bad arguments", () => {
  it("a token scoped to one center sees only it, and the other reads like an unknown center", async () => {
    const auditor = await httpClient(AUDITOR_A);
    const { centers } = data<{ centers: { id: string }[] }>(await call(auditor, "list_centers"));
    expect(centers.map((c) => c.id)).toEqual([A]);

    const outside = errorText(await call(auditor, "room_status", { centerId: B }));
    const unknown = errorText(await call(auditor, "room_status", { centerId: "center_999" }));
    expect(outside).toBe(unknown.replace("center_999", B));
    expect(outside).toMatch(/unknown or not in this token's scope/);
    for (const name of TOOLS.filter((n) => n !== "list_centers")) {
      const args = { centerId: B, roomId: "r", from: SANDBOX_DATE, to: SANDBOX_DATE, days: 1 };
      expect(errorText(await call(auditor, name, args)), name).toMatch(/not in this token's scope/);
    }

    const lead = await httpClient(LEAD_B);
    const named = data<{ pseudonymized: boolean }>(await call(lead, "roster", { centerId: B }));
    expect(named.pseudonymized).toBe(false);
    expect(errorText(await call(lead, "open_alerts", { centerId: A }))).toMatch(/scope/);
  });

  it("resources list only the token's centers and rooms; reading another center fails", async () => {
    const auditor = await httpClient(AUDITOR_A);
    const { resources } = await auditor.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain(`centerline://centers/${A}`);
    expect(uris.some((u) => u.includes(B))).toBe(false);
    expect(uris.some((u) => u.startsWith(`centerline://centers/${A}/rooms/`))).toBe(true);
    expect(uris.some((u) => u.startsWith("centerline://rules/"))).toBe(true);

    const center = await auditor.readResource({ uri: `centerline://centers/${A}` });
    const body = JSON.parse(String((center.contents[0] as { text: string }).text)) as {
      id: string;
      rulesUri: string;
      rooms: { uri: string }[];
    };
    expect(body.id).toBe(A);
    const room = await auditor.readResource({ uri: body.rooms[0]?.uri as string });
    expect(JSON.parse(String((room.contents[0] as { text: string }).text))).toHaveProperty("ratio");
    const pack = await auditor.readResource({ uri: body.rulesUri });
    expect(String((pack.contents[0] as { text: string }).text)).toContain('"code"');
    await expect(auditor.readResource({ uri: `centerline://centers/${B}` })).rejects.toThrow(
      /not in this token's scope/,
    );
  });

  it("bad arguments are a tool error naming the field, not a protocol failure", async () => {
    const director = await httpClient(DIRECTOR);
    const wrongType = await call(director, "room_status", { centerId: 42 });
    expect(errorText(wrongType)).toMatch(/centerId/);
    const badDate = await call(director, "ratio_history", {
      centerId: A,
      roomId: "x",
      date: "23/11/2026",
    });
    expect(errorText(badDate)).toMatch(/date/);
    const tooLong = await call(director, "expiring_credentials", { centerId: A, days: 10_000 });
    expect(errorText(tooLong)).toMatch(/days/);
    const unknownRoom = await call(director, "room_status", { centerId: A, roomId: "nope" });
    expect(errorText(unknownRoom)).toMatch(/room "nope" is unknown/);
  });

  it("prompts are listed and render with their arguments", async () => {
    const director = await httpClient(DIRECTOR);
    const { prompts } = await director.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(["explain_room", "ratio_briefing"]);
    const prompt = await director.getPrompt({ name: "ratio_briefing", arguments: { centerId: A } });
    const content = prompt.messages[0]?.content;
    const text = content?.type === "text" ? content.text : "";
    expect(text).toContain(A);
    expect(text).toContain("room_status");
  });

  it("nothing over MCP changes data", async () => {
    const director = await httpClient(DIRECTOR);
    const before = t.service.ctx.db.$client.prepare("select total_changes() as n").get() as {
      n: number;
    };
    for (const name of ["list_centers", "room_status", "roster", "open_alerts", "forecast"]) {
      await call(director, name, { centerId: A });
    }
    const after = t.service.ctx.db.$client.prepare("select total_changes() as n").get() as {
      n: number;
    };
    expect(after.n).toBe(before.n);
  });
});

describe("MCP over stdio", () => {
  const stdio = async (env: Record<string, string>, args: string[] = []) => {
    const client = new Client({ name: "centerline-test", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ["--import", "tsx", "src/mcp/stdio.ts", ...args],
        env: {
          PATH: process.env.PATH ?? "",
          DATABASE_PATH: t.databasePath,
          LOG_LEVEL: "silent",
          ...env,
        },
        stderr: "pipe",
      }),
    );
    clients.push(client);
    return client;
  };

  it("serves the same tools from the database file, as a director without MCP_TOKENS", async () => {
    const client = await stdio({}, ["--at", `${SANDBOX_DATE}T18:00:00Z`]);
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name).sort()).toEqual(TOOLS);
    const { centers } = data<{ centers: { id: string }[] }>(await call(client, "list_centers"));
    expect(centers.map((c) => c.id).sort()).toEqual([A, B].sort());
    const roster = data<{ pseudonymized: boolean; rooms: { children: string[] }[] }>(
      await call(client, "roster", { centerId: A }),
    );
    expect(roster.pseudonymized).toBe(false);
    expect(roster.rooms.flatMap((r) => r.children).length).toBeGreaterThan(0);
  }, 30_000);

  it("takes its scope from --token when MCP_TOKENS is set", async () => {
    const client = await stdio({ MCP_TOKENS: `${AUDITOR_A}:auditor:${A}` }, ["--token", AUDITOR_A]);
    const { centers } = data<{ centers: { id: string }[] }>(await call(client, "list_centers"));
    expect(centers.map((c) => c.id)).toEqual([A]);
    expect(errorText(await call(client, "roster", { centerId: B }))).toMatch(/scope/);
  }, 30_000);

  it("takes its scope from an API token's user", async () => {
    const db = t.service.ctx.db;
    const added = await addUser(
      db,
      { email: "stdio@a.example", name: "Stdio", memberships: [{ centerId: A, role: "auditor" }] },
      "test",
      new Date(),
    );
    expect(added.ok).toBe(true);
    const created = createApiToken(
      db,
      { userEmail: "stdio@a.example", name: "desktop" },
      "test",
      new Date(),
    );
    if (!created.ok) throw created.error;
    const client = await stdio({}, ["--token", created.value.token]);
    const { centers } = data<{ centers: { id: string }[] }>(await call(client, "list_centers"));
    expect(centers.map((c) => c.id)).toEqual([A]);
    expect(errorText(await call(client, "roster", { centerId: B }))).toMatch(/scope/);
  }, 30_000);
});

describe("the official MCP Inspector (CLI mode)", () => {
  it("lists the tools and calls one over HTTP with a bearer token", async () => {
    const target = { url: `${t.service.url}/mcp`, token: AUDITOR_A };
    const listed = (await inspect(target, ["--method", "tools/list"])) as {
      tools: { name: string }[];
    };
    expect(listed.tools.map((x) => x.name).sort()).toEqual(TOOLS);
    const called = (await inspect(target, [
      "--method",
      "tools/call",
      "--tool-name",
      "list_centers",
    ])) as { structuredContent: { centers: { id: string }[] } };
    expect(called.structuredContent.centers.map((c) => c.id)).toEqual([A]);
  }, 60_000);

  it("fails without a token", async () => {
    await expect(
      inspect({ url: `${t.service.url}/mcp` }, ["--method", "tools/list"]),
    ).rejects.toThrow();
  }, 60_000);
});

describe("MCP tokens and Host/Origin checks", () => {
  it("parses MCP_TOKENS and rejects short tokens and unknown roles", () => {
    const ok = loadConfig({ MCP_TOKENS: `${DIRECTOR}:director:*, ${AUDITOR_A}:auditor:${A}|${B}` });
    expect(ok.MCP_TOKENS).toEqual([
      { token: DIRECTOR, role: "director", centers: "*" },
      { token: AUDITOR_A, role: "auditor", centers: [A, B] },
    ]);
    expect(() => loadConfig({ MCP_TOKENS: "short:director:*" })).toThrow(/MCP_TOKENS/);
    expect(() => loadConfig({ MCP_TOKENS: `${DIRECTOR}:janitor:*` })).toThrow(/MCP_TOKENS/);
    expect(authenticate(ok.MCP_TOKENS ?? [], `Bearer ${AUDITOR_A}`)?.role).toBe("auditor");
    expect(authenticate(ok.MCP_TOKENS ?? [], `Bearer ${AUDITOR_A}x`)).toBeUndefined();
    expect(authenticate(ok.MCP_TOKENS ?? [], AUDITOR_A)).toBeUndefined();
  });

  it("allows only localhost Host and Origin on a localhost bind", () => {
    expect(checkHostAndOrigin("127.0.0.1", "127.0.0.1:8787", undefined)).toBeUndefined();
    expect(
      checkHostAndOrigin("127.0.0.1", "localhost:8787", "http://localhost:3000"),
    ).toBeUndefined();
    expect(checkHostAndOrigin("127.0.0.1", "evil.example:8787", undefined)).toMatch(/Host/);
    expect(checkHostAndOrigin("127.0.0.1", undefined, undefined)).toMatch(/Host/);
    expect(checkHostAndOrigin("127.0.0.1", "127.0.0.1", "http://evil.example")).toMatch(/Origin/);
    expect(checkHostAndOrigin("0.0.0.0", "centerline.example", undefined)).toBeUndefined();
    expect(checkHostAndOrigin("0.0.0.0", "centerline.example", "https://other.example")).toMatch(
      /Origin/,
    );
  });
});
