/**
 * Bad input never gets a 5xx: 2,000 seeded random requests across every operation in
 * `/openapi.json` (wrong and missing Content-Types, empty, broken and nearly right bodies, centers
 * and ids that do not exist), then the cases the fuzzing found, one by one, in the one error shape.
 * The 10,000-request run is `npx tsx bench/fuzz.ts` (part of `npm run bench`).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BODY_LIMIT_BYTES } from "../src/http/app.js";
import { listChildren, listRooms } from "../src/storage/directory.js";
import { type OpenApiDoc, operationsOf, requestArbitrary, send } from "./support/fuzz.js";
import { SANDBOX_DATE, startTestService, type TestService } from "./support/service.js";

const A = "center_001";
let t: TestService;
let doc: OpenApiDoc;

beforeAll(async () => {
  t = await startTestService();
  doc = (await (await fetch(`${t.service.url}/openapi.json`)).json()) as OpenApiDoc;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe("fuzzed requests", () => {
  it("answers every one of 2,000 seeded requests over every operation without a 5xx", async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const known = {
      center: A,
      room: listRooms(t.service.ctx.db, A)[0]!.id,
      child: listChildren(t.service.ctx.db, A)[0]!.id,
      date: SANDBOX_DATE,
      from: SANDBOX_DATE,
      to: SANDBOX_DATE,
      month: SANDBOX_DATE.slice(0, 7),
      format: "csv",
    };
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operations, known, t.bootstrapToken), async (request) => {
        seen.add(request.operation);
        const { status, text } = await send(t.service.url, request);
        if (status >= 500) throw new Error(`${status} for ${JSON.stringify(request)}: ${text}`);
      }),
      { seed: 20261208, numRuns: 2000, endOnFailure: true },
    );
    expect(seen.size).toBe(operations.length);
  }, 120_000);
});

describe("what the fuzzing found", () => {
  const post = (path: string, headers: Record<string, string>, body?: string) =>
    t.api(path, { method: "POST", headers: { ...headers }, body });

  it("answers broken JSON, an empty body and a wrong Content-Type with a 4xx in the error shape", async () => {
    const path = `/api/centers/${A}/drills`;
    const broken = await post(path, { "content-type": "application/json" }, "{bad");
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe("bad_request");
    const empty = await post(path, { "content-type": "application/json" }, "");
    expect(empty.status).toBe(400);
    const wrongType = await post(path, { "content-type": "text/plain" }, "x");
    expect(wrongType.status).toBe(415);
    expect(await errorOf(wrongType)).toMatchObject({ code: "unsupported_media_type" });
    const none = await post(path, {}, "");
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });

  it("answers 404 unknown center on every center route, also to an all-centers token", async () => {
    const paths = Object.entries(doc.paths).filter(([p]) => p.startsWith("/api/centers/{center}"));
    expect(paths.length).toBeGreaterThan(20);
    for (const [path, item] of paths) {
      for (const method of Object.keys(item)) {
        const target = path.replace("{center}", "nope").replace(/\{\w+\}/g, "1");
        const res = await t.api(target, {
          method: method.toUpperCase(),
          headers: { "content-type": "application/json" },
          body: method === "get" ? undefined : "{}",
        });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await errorOf(res)).toMatchObject({ message: 'unknown center "nope"' });
      }
    }
  });

  it("refuses a body over the limit with 413 before reading it", async () => {
    const big = `{"by":"${"x".repeat(API_BODY_LIMIT_BYTES)}"}`;
    const res = await post(`/api/centers/${A}/drills`, { "content-type": "application/json" }, big);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
    // Without a Content-Length (a streamed body) the limit still holds.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++)
          controller.enqueue(new TextEncoder().encode(big.slice(0, 600_000)));
        controller.close();
      },
    });
    const streamed = await fetch(`${t.service.url}/api/centers/${A}/subsidy/authorizations`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.bootstrapToken}`, "content-type": "text/csv" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
