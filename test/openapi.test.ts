/**
 * @module
 * The OpenAPI document: valid OpenAPI 3.1, complete for every /api route and both webhooks, and
 * true to the service: every response a sandbox run gets back validates against the schema
 * documented for its route and status.
 */
import { compileErrors, validate } from "@readme/openapi-parser";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Provider, providerSchema } from "../src/domain/index.js";
import { createApp } from "../src/http/app.js";
import { signWebhook } from "../src/ingest/standard-webhooks.js";
import type { SandboxDelivery } from "../src/sandbox/index.js";
import type { RunningService } from "../src/service.js";
import { listChildren } from "../src/storage/directory.js";
import { startTestService, type TestService } from "./support/service.js";
import { userWithToken } from "./support/users.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module, the plugin its default.
const addFormats = addFormatsModule.default;

type JsonSchema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface MediaTypes {
  content?: Record<string, { schema?: JsonSchema }>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: MediaTypes & { required?: boolean };
  responses: Record<string, MediaTypes>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const WEBHOOK_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"];

let t: TestService;
let service: RunningService;
let docText: string;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await startTestService();
  service = t.service;
  const res = await fetch(`${service.url}/openapi.json`);
  expect(res.status).toBe(200);
  docText = await res.text();
  doc = JSON.parse(docText) as OpenApiDocument;
});

afterAll(async () => {
  await t?.stop();
});

function operations(): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
}

function jsonSchemaOf(media: MediaTypes | undefined): JsonSchema | undefined {
  return media?.content?.["application/json"]?.schema;
}

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    // A fresh copy: the validator dereferences in place, and the later tests need the $refs.
    const result = await validate(JSON.parse(docText), { resolve: { external: false } });
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("documents every route registered under /api, with its method", () => {
    const app = createApp(service.ctx);
    const routes = app.routes
      // `ALL` entries are middleware from app.use, not endpoints.
      .filter((r) => r.method !== "ALL" && (r.path === "/api" || r.path.startsWith("/api/")))
      .map((r) => ({
        method: r.method.toLowerCase(),
        // Hono's `:name` and `:name{regex}` are OpenAPI's `{name}`.
        path: r.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}"),
      }));
    expect(routes.length).toBeGreaterThan(0);
    for (const { method, path } of routes) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("documents both webhooks with the Standard Webhooks headers and a payload schema", () => {
    for (const provider of providerSchema.options) {
      const op = doc.paths[`/webhooks/${provider}`]?.post;
      expect(op, provider).toBeDefined();
      const headers = (op?.parameters ?? []).filter((p) => p.in === "header" && p.required);
      expect(headers.map((p) => p.name).sort()).toEqual([...WEBHOOK_HEADERS].sort());
      expect(op?.requestBody?.required).toBe(true);
      expect(Object.keys(jsonSchemaOf(op?.requestBody) ?? {})).not.toHaveLength(0);
    }
    const [procare, kangarootime] = providerSchema.options.map(
      (p) => doc.paths[`/webhooks/${p}`]?.post?.requestBody,
    );
    // Each provider's own wire format, not one shared placeholder.
    expect(jsonSchemaOf(procare)).not.toEqual(jsonSchemaOf(kangarootime));
  });

  it("has one Error shape with code, message and details, used by every 4xx response", () => {
    const error = doc.components.schemas.Error as {
      properties: { error: { properties: Record<string, unknown>; required: string[] } };
    };
    expect(Object.keys(error.properties.error.properties)).toEqual(
      expect.arrayContaining(["code", "message", "details"]),
    );
    expect(error.properties.error.required).toEqual(
      expect.arrayContaining(["code", "message", "details"]),
    );
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith("4")) continue;
        expect(jsonSchemaOf(response), `${method} ${path} ${status}`).toEqual({
          $ref: "#/components/schemas/Error",
        });
      }
    }
  });
});

describe("responses in a sandbox run", () => {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  // Documented schemas point into the document (`#/components/schemas/…`) and ajv resolves a
  // pointer within the schema it compiles, so each is compiled with the components beside it.
  ajv.addKeyword("components");
  const compiled = new Map<JsonSchema, ValidateFunction>();
  const exercised = new Set<string>();

  function expectValid(schema: JsonSchema | undefined, value: unknown, what: string): void {
    expect(schema, `${what} is documented`).toBeDefined();
    if (!schema) return;
    let check = compiled.get(schema);
    if (!check) {
      check = ajv.compile({ ...schema, components: doc.components });
      compiled.set(schema, check);
    }
    expect(check(value), `${what}: ${ajv.errorsText(check.errors)}`).toBe(true);
  }

  /** Fetches `url`, checks the JSON body against what `docPath` documents for the status. */
  async function call(
    method: "get" | "post",
    docPath: string,
    url: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: unknown }> {
    const res = await t.api(url, { ...init, method: method.toUpperCase() });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body: unknown = await res.json();
    const response = doc.paths[docPath]?.[method]?.responses[String(res.status)];
    expectValid(jsonSchemaOf(response), body, `${method.toUpperCase()} ${url} → ${res.status}`);
    exercised.add(`${method} ${docPath}`);
    return { status: res.status, body };
  }

  function postWebhook(provider: Provider, id: string, body: string, secret?: string) {
    const headers = signWebhook(
      secret ?? service.ctx.webhookSecrets[provider][0]!,
      id,
      Math.floor(Date.now() / 1000),
      body,
    );
    return call("post", `/webhooks/${provider}`, `/webhooks/${provider}`, {
      headers: { "content-type": "application/json", ...headers },
      body,
    });
  }

  it("GET /healthz", async () => {
    const { status } = await call("get", "/healthz", "/healthz");
    expect(status).toBe(200);
  });

  it("GET /readyz", async () => {
    const { status, body } = await call("get", "/readyz", "/readyz");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ready", waitingFor: [] });
  });

  it("POST /webhooks/{provider}: the sandbox's own deliveries, as its platforms send them", async () => {
    const sandbox = service.sandbox!;
    // The morning up to the middle of the day's last planned violation, so the room states below
    // have people in them and one room is out of ratio (every event is evaluated at its own time,
    // so only a violation still going on leaves an alert open to acknowledge).
    const violations = sandbox.plan.scenarios
      .filter((s) => s.kind === "call_out_violation" && s.endsAt !== undefined)
      .sort((a, b) => a.at.localeCompare(b.at));
    const last = violations.at(-1)!;
    const during = (Date.parse(last.at) + Date.parse(last.endsAt as string)) / 2;
    const deliveries: SandboxDelivery[] = sandbox.advanceTo(new Date(during));
    for (const provider of providerSchema.options) {
      expect(
        deliveries.some((d) => d.provider === provider),
        provider,
      ).toBe(true);
    }
    const accepted = new Map<Provider, number>();
    for (const d of deliveries) {
      expectValid(
        jsonSchemaOf(doc.paths[`/webhooks/${d.provider}`]?.post?.requestBody),
        JSON.parse(d.body),
        `${d.provider} payload ${d.webhookId}`,
      );
      const { status, body } = await postWebhook(d.provider, d.webhookId, d.body);
      if (status === 200 && (body as { status: string }).status === "accepted") {
        accepted.set(d.provider, (accepted.get(d.provider) ?? 0) + 1);
      }
    }
    for (const provider of providerSchema.options) {
      expect(accepted.get(provider), provider).toBeGreaterThan(0);
    }
    service.ctx.processor.drain();
  });

  it("POST /webhooks/{provider}: redelivery, bad signature, bad JSON, bad payload", async () => {
    const first = service.sandbox!.played()[0]!;
    const redelivered = await postWebhook(first.provider, first.webhookId, first.body);
    expect(redelivered).toMatchObject({ status: 200, body: { status: "duplicate" } });
    for (const provider of providerSchema.options) {
      const wrongSecret = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;
      expect((await postWebhook(provider, "msg_a", "{}", wrongSecret)).status).toBe(401);
      expect((await postWebhook(provider, "msg_b", "{not json")).status).toBe(400);
      expect((await postWebhook(provider, "msg_c", "{}")).status).toBe(422);
    }
  });

  it("GET /api/centers and GET /api/centers/{center}/rooms", async () => {
    const { body } = await call("get", "/api/centers", "/api/centers");
    const centers = (body as { centers: { id: string }[] }).centers;
    expect(centers.length).toBeGreaterThanOrEqual(2);
    let present = 0;
    for (const center of centers) {
      const rooms = await call(
        "get",
        "/api/centers/{center}/rooms",
        `/api/centers/${encodeURIComponent(center.id)}/rooms`,
      );
      expect(rooms.status).toBe(200);
      for (const room of (rooms.body as { rooms: { counts: { children: number } }[] }).rooms) {
        present += room.counts.children;
      }
    }
    // Otherwise the children and staff item schemas were never put to the test.
    expect(present).toBeGreaterThan(0);
    const unknown = await call("get", "/api/centers/{center}/rooms", "/api/centers/nope/rooms");
    expect(unknown.status).toBe(404);
  });

  it("GET /api/centers/{center}/rooms/{room}, with its ratio evaluation", async () => {
    const listed = (await call("get", "/api/centers", "/api/centers")).body as {
      centers: { id: string }[];
    };
    const center = listed.centers[0];
    const { body } = await call(
      "get",
      "/api/centers/{center}/rooms",
      `/api/centers/${encodeURIComponent(center!.id)}/rooms`,
    );
    const first = (body as { rooms: { id: string }[] }).rooms[0]!;
    const one = await call(
      "get",
      "/api/centers/{center}/rooms/{room}",
      `/api/centers/${encodeURIComponent(center!.id)}/rooms/${encodeURIComponent(first.id)}`,
    );
    expect(one.status).toBe(200);
    expect((one.body as { room: { ratio: { status: string } | null } }).room.ratio?.status).toMatch(
      /^(ok|approaching|violation|critical)$/,
    );
    const missing = await call(
      "get",
      "/api/centers/{center}/rooms/{room}",
      `/api/centers/${encodeURIComponent(center!.id)}/rooms/nope`,
    );
    expect(missing.status).toBe(404);
  });

  it("GET a room's ratio history and a center's violations", async () => {
    const listed = (await call("get", "/api/centers", "/api/centers")).body as {
      centers: { id: string }[];
    };
    const center = encodeURIComponent(listed.centers[0]!.id);
    const rooms = (await call("get", "/api/centers/{center}/rooms", `/api/centers/${center}/rooms`))
      .body as { rooms: { id: string }[] };
    const room = encodeURIComponent(rooms.rooms[0]!.id);
    const history = await call(
      "get",
      "/api/centers/{center}/rooms/{room}/history",
      `/api/centers/${center}/rooms/${room}/history?date=2026-11-23`,
    );
    expect(history.status).toBe(200);
    expect((history.body as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
    const badDate = await call(
      "get",
      "/api/centers/{center}/rooms/{room}/history",
      `/api/centers/${center}/rooms/${room}/history?date=yesterday`,
    );
    expect(badDate.status).toBe(400);
    const noRoom = await call(
      "get",
      "/api/centers/{center}/rooms/{room}/history",
      `/api/centers/${center}/rooms/nope/history`,
    );
    expect(noRoom.status).toBe(404);
    const violations = await call(
      "get",
      "/api/centers/{center}/violations",
      `/api/centers/${center}/violations`,
    );
    expect(violations.status).toBe(200);
    const open = await call(
      "get",
      "/api/centers/{center}/violations",
      `/api/centers/${center}/violations?open=true`,
    );
    expect(open.status).toBe(200);
    expect(
      (open.body as { violations: { endedAt: string | null }[] }).violations.every(
        (v) => v.endedAt === null,
      ),
    ).toBe(true);
    const unknown = await call(
      "get",
      "/api/centers/{center}/violations",
      "/api/centers/nope/violations",
    );
    expect(unknown.status).toBe(404);
  });

  it("GET the outlook and the open alerts, POST an acknowledgement", async () => {
    const listed = (await call("get", "/api/centers", "/api/centers")).body as {
      centers: { id: string }[];
    };
    let acknowledged = 0;
    for (const { id } of listed.centers) {
      const center = encodeURIComponent(id);
      const outlook = await call(
        "get",
        "/api/centers/{center}/outlook",
        `/api/centers/${center}/outlook`,
      );
      expect(outlook.status).toBe(200);
      expect((outlook.body as { rooms: unknown[] }).rooms.length).toBe(5);
      const alerts = await call(
        "get",
        "/api/centers/{center}/alerts",
        `/api/centers/${center}/alerts`,
      );
      expect(alerts.status).toBe(200);
      for (const alert of (alerts.body as { alerts: { id: number }[] }).alerts.slice(0, 1)) {
        const ack = await call(
          "post",
          "/api/centers/{center}/alerts/{alert}/acknowledge",
          `/api/centers/${center}/alerts/${alert.id}/acknowledge`,
          {
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ by: "openapi test" }),
          },
        );
        expect(ack.status, JSON.stringify(ack.body)).toBe(200);
        expect((ack.body as { acknowledgedBy: string }).acknowledgedBy).toBe(
          "bootstrap (openapi test)",
        );
        acknowledged++;
      }
    }
    const center = encodeURIComponent(listed.centers[0]!.id);
    const badHorizon = await call(
      "get",
      "/api/centers/{center}/outlook",
      `/api/centers/${center}/outlook?minutes=0`,
    );
    expect(badHorizon.status).toBe(400);
    const unknown = await call(
      "post",
      "/api/centers/{center}/alerts/{alert}/acknowledge",
      `/api/centers/${center}/alerts/999999/acknowledge`,
      {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ by: "openapi test" }),
      },
    );
    expect(unknown.status).toBe(404);
    const noBody = await call(
      "post",
      "/api/centers/{center}/alerts/{alert}/acknowledge",
      `/api/centers/${center}/alerts/1/acknowledge`,
      { headers: { "content-type": "application/json" }, body: JSON.stringify({ by: 42 }) },
    );
    expect(noBody.status).toBe(400);
    // The morning ends inside a planned violation, so one alert was acknowledged.
    expect(acknowledged).toBeGreaterThan(0);
  });

  it("GET a center's audit log, a bad range and an unknown center", async () => {
    const path = "/api/centers/{center}/audit";
    const page = await call("get", path, "/api/centers/center_001/audit?action=alert.&limit=5");
    expect(page.status).toBe(200);
    expect((page.body as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    const bad = await call(
      "get",
      path,
      "/api/centers/center_001/audit?from=2026-11-24&to=2026-11-23",
    );
    expect(bad.status).toBe(400);
    expect((await call("get", path, "/api/centers/nope/audit")).status).toBe(404);
  });

  it("GET the licensing ratio report as JSON, a backwards range and an unknown center", async () => {
    const path = "/api/centers/{center}/reports/ratio";
    const ok = await call(
      "get",
      path,
      "/api/centers/center_001/reports/ratio?from=2026-11-23&to=2026-11-23",
    );
    expect(ok.status).toBe(200);
    expect((ok.body as { rooms: unknown[] }).rooms.length).toBeGreaterThan(0);
    const bad = await call(
      "get",
      path,
      "/api/centers/center_001/reports/ratio?from=2026-11-24&to=2026-11-23",
    );
    expect(bad.status).toBe(400);
    const missing = await call(
      "get",
      path,
      "/api/centers/nope/reports/ratio?from=2026-11-23&to=2026-11-23",
    );
    expect(missing.status).toBe(404);
  });

  it("the approvals routes: a center's queue, an unknown approval, a refused decision, bulk", async () => {
    const center = encodeURIComponent(service.sandbox!.world.centers[0]!.id);
    const json = { "content-type": "application/json" };
    const list = await call(
      "get",
      "/api/centers/{center}/approvals",
      `/api/centers/${center}/approvals?state=pending`,
    );
    expect(list.status).toBe(200);
    for (const a of (list.body as { approvals: { state: string }[] }).approvals) {
      expect(a.state).toBe("pending");
    }
    const missing = await call("get", "/api/approvals/{id}", "/api/approvals/999999");
    expect(missing.status).toBe(404);
    const decision = await call(
      "post",
      "/api/approvals/{id}/decision",
      "/api/approvals/999999/decision",
      { headers: json, body: JSON.stringify({ contentHash: "a".repeat(64), action: "approve" }) },
    );
    expect(decision.status).toBe(404);
    const malformed = await call(
      "post",
      "/api/approvals/{id}/decision",
      "/api/approvals/999999/decision",
      { headers: json, body: JSON.stringify({ action: "maybe" }) },
    );
    expect(malformed.status).toBe(400);
    const bulk = await call("post", "/api/approvals/bulk-approve", "/api/approvals/bulk-approve", {
      headers: json,
      body: JSON.stringify({ items: [{ approvalId: 999999, contentHash: "a".repeat(64) }] }),
    });
    expect(bulk.status).toBe(200);
    expect((bulk.body as { results: { ok: boolean }[] }).results[0]!.ok).toBe(false);
  });

  it("GET staff credentials as JSON and an unknown center", async () => {
    const path = "/api/centers/{center}/staff/credentials";
    const ok = await call("get", path, "/api/centers/center_001/staff/credentials");
    expect(ok.status).toBe(200);
    expect((ok.body as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
    const missing = await call("get", path, "/api/centers/nope/staff/credentials");
    expect(missing.status).toBe(404);
  });

  it("the timecard routes: exceptions, proposed corrections, payroll; a backwards range", async () => {
    const q = "from=2026-11-23&to=2026-11-23";
    const exceptions = await call(
      "get",
      "/api/centers/{center}/timecards/exceptions",
      `/api/centers/center_001/timecards/exceptions?${q}`,
    );
    expect(exceptions.status).toBe(200);
    expect((exceptions.body as { laborPack: string }).laborPack).not.toBe("");
    const proposed = await call(
      "post",
      "/api/centers/{center}/timecards/corrections",
      `/api/centers/center_001/timecards/corrections?${q}`,
    );
    expect(proposed.status).toBe(200);
    expect(Array.isArray((proposed.body as { proposals: unknown[] }).proposals)).toBe(true);
    const payroll = await call(
      "get",
      "/api/centers/{center}/timecards/payroll",
      `/api/centers/center_001/timecards/payroll?${q}`,
    );
    expect(payroll.status).toBe(200);
    const backwards = await call(
      "get",
      "/api/centers/{center}/timecards/payroll",
      "/api/centers/center_001/timecards/payroll?from=2026-11-23&to=2026-11-01",
    );
    expect(backwards.status).toBe(400);
  });

  it("the door routes: holds, a release refused or unknown, a resolve, both attendance reports", async () => {
    const json = { "content-type": "application/json" };
    const holds = await call(
      "get",
      "/api/centers/{center}/pickup-holds",
      "/api/centers/center_001/pickup-holds?date=2026-11-23",
    );
    expect(holds.status).toBe(200);
    const release = "/api/centers/{center}/pickup-holds/{id}/release";
    const unknown = await call(
      "post",
      release,
      "/api/centers/center_001/pickup-holds/999999/release",
      {
        headers: json,
        body: JSON.stringify({ outcome: "not_handed_over", reason: "turned away" }),
      },
    );
    expect(unknown.status).toBe(404);
    const noReason = await call("post", release, "/api/centers/center_001/pickup-holds/1/release", {
      headers: json,
      body: JSON.stringify({ outcome: "handed_over" }),
    });
    expect(noReason.status).toBe(400);
    const resolve = await call(
      "post",
      "/api/centers/{center}/checkin-exceptions/{id}/resolve",
      "/api/centers/center_001/checkin-exceptions/999999/resolve",
      { headers: json, body: JSON.stringify({ resolution: "seen" }) },
    );
    expect(resolve.status).toBe(404);
    const exceptions = "/api/centers/{center}/reports/exceptions";
    const day = await call(
      "get",
      exceptions,
      "/api/centers/center_001/reports/exceptions?date=2026-11-23",
    );
    expect(day.status).toBe(200);
    expect(
      (await call("get", exceptions, "/api/centers/nope/reports/exceptions?date=2026-11-23"))
        .status,
    ).toBe(404);
    const patterns = await call(
      "get",
      "/api/centers/{center}/reports/patterns",
      "/api/centers/center_001/reports/patterns?period=week&date=2026-11-23",
    );
    expect(patterns.status).toBe(200);
    expect((patterns.body as { period: string }).period).toBe("week");
  });

  it("GET the subsidy claim, meal counts and drill log; POST authorizations and a drill's start, tap, end", async () => {
    const json = { "content-type": "application/json" };
    const center = service.sandbox!.world.centers[0]!;
    const subsidy = await call(
      "get",
      "/api/centers/{center}/reports/subsidy",
      `/api/centers/${center.id}/reports/subsidy?month=2026-11`,
    );
    expect(subsidy.status).toBe(200);
    expect((subsidy.body as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
    const badMonth = await call(
      "get",
      "/api/centers/{center}/reports/subsidy",
      `/api/centers/${center.id}/reports/subsidy?month=2026-13`,
    );
    expect(badMonth.status).toBe(400);
    const meals = await call(
      "get",
      "/api/centers/{center}/reports/meals",
      `/api/centers/${center.id}/reports/meals?from=2026-11-23&to=2026-11-24`,
    );
    expect((meals.body as { days: unknown[] }).days).toHaveLength(2);
    const imported = await call(
      "post",
      "/api/centers/{center}/subsidy/authorizations",
      `/api/centers/${center.id}/subsidy/authorizations`,
      {
        headers: json,
        body: JSON.stringify({
          authorizations: [
            {
              childId: center.children[0]!.id,
              program: "Pre-K",
              reference: "PK-9",
              startDate: "2026-09-01",
              endDate: "2027-06-30",
              hoursPerMonth: 100,
              daysPerMonth: 20,
              absenceDaysPerMonth: 2,
            },
          ],
        }),
      },
    );
    expect(imported.body).toEqual({ imported: 1 });
    const started = await call(
      "post",
      "/api/centers/{center}/drills",
      `/api/centers/${center.id}/drills`,
      { headers: json, body: JSON.stringify({ kind: "fire" }) },
    );
    expect(started.status).toBe(201);
    const id = (started.body as { drill: { id: number } }).drill.id;
    const tapped = await call(
      "post",
      "/api/centers/{center}/drills/{id}/marks",
      `/api/centers/${center.id}/drills/${id}/marks`,
      {
        headers: json,
        body: JSON.stringify({ subjectKind: "child", subjectId: center.children[1]!.id }),
      },
    );
    const after = tapped.body as { extra: unknown[]; accounted: unknown[] };
    expect(after.extra.length + after.accounted.length).toBe(1);
    const ended = await call(
      "post",
      "/api/centers/{center}/drills/{id}/end",
      `/api/centers/${center.id}/drills/${id}/end`,
    );
    expect((ended.body as { drill: { state: string } }).drill.state).toBe("ended");
    const again = await call(
      "post",
      "/api/centers/{center}/drills/{id}/end",
      `/api/centers/${center.id}/drills/${id}/end`,
    );
    expect(again.status).toBe(409);
    const log = await call(
      "get",
      "/api/centers/{center}/reports/drills",
      `/api/centers/${center.id}/reports/drills?from=2026-11-23&to=2026-11-23`,
    );
    expect((log.body as { drills: unknown[] }).drills).toHaveLength(1);
  });

  it("POST a quick log: queued, then a bad body", async () => {
    const json = { "content-type": "application/json" };
    const centerId = service.sandbox!.world.centers[0]!.id;
    const child = listChildren(service.ctx.db, centerId).find((c) => c.homeRoomId !== null)!;
    const path = "/api/centers/{center}/rooms/{room}/quick-logs";
    const url = `/api/centers/${centerId}/rooms/${child.homeRoomId}/quick-logs`;
    const queued = await call("post", path, url, {
      headers: json,
      body: JSON.stringify({ text: "napped 12:10-1:40", childId: child.id }),
    });
    expect(queued.status).toBe(202);
    const bad = await call("post", path, url, { headers: json, body: JSON.stringify({}) });
    expect(bad.status).toBe(400);
  });

  it("custody restrictions: add one, list it, a bad kind", async () => {
    const json = { "content-type": "application/json" };
    const centerId = service.sandbox!.world.centers[0]!.id;
    const child = listChildren(service.ctx.db, centerId)[0]!;
    const path = "/api/centers/{center}/children/{child}/custody-restrictions";
    const url = `/api/centers/${centerId}/children/${child.id}/custody-restrictions`;
    const added = await call("post", path, url, {
      headers: json,
      body: JSON.stringify({ name: "Pat Example", kind: "court_order", note: "order on file" }),
    });
    expect(added.status).toBe(201);
    const bad = await call("post", path, url, {
      headers: json,
      body: JSON.stringify({ name: "Pat Example", kind: "sometimes" }),
    });
    expect(bad.status).toBe(400);
    const list = await call("get", path, url);
    expect((list.body as { restrictions: { name: string }[] }).restrictions).toEqual([
      expect.objectContaining({ name: "Pat Example", kind: "court_order" }),
    ]);
  });

  it("GET the staffing plan of every room for a week; a bad date; an unknown room", async () => {
    const path = "/api/centers/{center}/staffing";
    const ok = await call("get", path, "/api/centers/center_001/staffing?date=2026-11-23");
    expect(ok.status).toBe(200);
    const body = ok.body as { rooms: { slots: { status: string; requiredStaff: number }[] }[] };
    expect(body.rooms.length).toBeGreaterThan(0);
    // The five open days of the seven (the sandbox closes at weekends), each over the center's
    // stored hours (the sandbox seeds 06:30–18:00) in 15-minute slots.
    expect(body.rooms[0]!.slots).toHaveLength(5 * 46);
    const bad = await call("get", path, "/api/centers/center_001/staffing?date=soon");
    expect(bad.status).toBe(400);
    const room = await call(
      "get",
      path,
      "/api/centers/center_001/staffing?date=2026-11-23&room=nope",
    );
    expect(room.status).toBe(404);
  });

  it("POST hire dates and training (JSON and CSV, a bad line, a re-import skipped), GET training", async () => {
    const json = { "content-type": "application/json" };
    const center = service.sandbox!.world.centers[1]!;
    const staffId = center.staff[0]!.id;
    const hires = await call(
      "post",
      "/api/centers/{center}/staff/hire-dates",
      `/api/centers/${center.id}/staff/hire-dates`,
      { headers: json, body: JSON.stringify({ hireDates: [{ staffId, hireDate: "2021-05-03" }] }) },
    );
    expect(hires.body).toEqual({ recorded: 1 });
    const unknown = await call(
      "post",
      "/api/centers/{center}/staff/hire-dates",
      `/api/centers/${center.id}/staff/hire-dates`,
      { headers: { "content-type": "text/csv" }, body: "staffId,hireDate\nnobody,2021-05-03\n" },
    );
    expect(unknown.status).toBe(400);
    const path = "/api/centers/{center}/staff/training";
    const url = `/api/centers/${center.id}/staff/training`;
    const csv = `staffId,topic,hours,completedOn,provider,reference\n${staffId},First aid,3,2026-10-12,Coalition,FA-77\n`;
    const added = await call("post", path, url, {
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(added.body).toMatchObject({ inserted: 1, skipped: 0 });
    const again = await call("post", path, url, {
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(again.body).toMatchObject({ inserted: 0, skipped: 1 });
    const bad = await call("post", path, url, {
      headers: json,
      body: JSON.stringify({
        training: [{ staffId, hours: -1, completedOn: "2026-10-12", provider: "X" }],
      }),
    });
    expect(bad.status).toBe(400);
    const list = await call("get", path, `${url}?staff=${staffId}`);
    expect((list.body as { records: { reference: string | null }[] }).records).toContainEqual(
      expect.objectContaining({ reference: "FA-77", source: "import" }),
    );
  });

  it("POST a staffing suggestion as a proposal: created, then the same one; a lead teacher refused; bad and unknown ones", async () => {
    const path = "/api/centers/{center}/staffing/proposals";
    const url = "/api/centers/center_001/staffing/proposals";
    const plan = (await (
      await t.api("/api/centers/center_001/staffing?date=2026-11-23")
    ).json()) as { rooms: { roomId: string; suggestionIds: string[] }[] };
    const room = plan.rooms.find((r) => r.suggestionIds.length > 0)!;
    const request = { room: room.roomId, date: "2026-11-23", suggestion: room.suggestionIds[0] };
    const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const teacher = await userWithToken(t, {
      email: "lead.openapi@example.test",
      role: "lead_teacher",
      centerId: "center_001",
      roomIds: [room.roomId],
    });
    const refused = await call(
      "post",
      path,
      url,
      json(request, { authorization: `Bearer ${teacher.token}` }),
    );
    expect(refused.status).toBe(403);
    const first = await call("post", path, url, json(request));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: "pending", created: true });
    const again = await call("post", path, url, json(request));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      approvalId: (first.body as { approvalId: number }).approvalId,
      created: false,
    });
    expect((await call("post", path, url, json({ ...request, date: "soon" }))).status).toBe(400);
    const unknown = await call("post", path, url, json({ ...request, suggestion: "nope" }));
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { details: unknown } }).error.details).toEqual({
      field: "suggestion",
    });
  });

  it("exercised every documented operation", () => {
    const documented = operations().map(({ method, path }) => `${method} ${path}`);
    expect(documented.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
