/**
 * @module
 * Approvals through the whole service: a family message proposed as a drafting job would, read
 * and decided through the HTTP API by a person of each role, executed once against the sandbox's
 * fake Procare API by the service's own outbox worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centerFacts, type Facts, proposal } from "../src/approvals/fixtures.js";
import { proposeApproval } from "../src/approvals/index.js";
import { startTestService, type TestService } from "./support/service.js";
import { type TestUser, userWithToken } from "./support/users.js";

let t: TestService;
let f: Facts;
let people: Record<string, TestUser>;

beforeAll(async () => {
  t = await startTestService();
  f = centerFacts(t.sandbox, 0);
  people = {
    director: await userWithToken(t, {
      email: "director@a.example",
      role: "director",
      centerId: f.centerId,
    }),
    lead: await userWithToken(t, {
      email: "lead@a.example",
      role: "lead_teacher",
      centerId: f.centerId,
      roomIds: [f.roomId],
    }),
    outsider: await userWithToken(t, {
      email: "director@b.example",
      role: "director",
      centerId: centerFacts(t.sandbox, 1).centerId,
    }),
  };
});

afterAll(async () => {
  await t?.stop();
});

async function call(as: string | null, method: string, path: string, body?: unknown) {
  const init = {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const res = as ? await people[as]!.api(path, init) : await fetch(`${t.service.url}${path}`, init);
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

function propose(over = {}) {
  const now = t.service.ctx.wallClock().toISOString();
  return proposeApproval(t.service.ctx.db, proposal("family_message", f, over), now).row;
}

async function until(check: () => Promise<boolean>, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await t.service.alerting.tick();
    await new Promise((r) => setTimeout(r, 20));
  }
}

const messages = () => t.sandbox.outbox().filter((e) => e.kind === "message");

describe("approvals over HTTP", () => {
  it("proposes, shows, approves with an edit and executes once against the sandbox", async () => {
    const row = propose();
    const list = await call(
      "director",
      "GET",
      `/api/centers/${f.centerId}/approvals?state=pending`,
    );
    expect(list.status).toBe(200);
    expect(list.body.approvals.map((a: { id: number }) => a.id)).toContain(row.id);

    const shown = await call("director", "GET", `/api/approvals/${row.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      id: row.id,
      state: "pending",
      contentHash: row.contentHash,
      draft: row.draft,
      platformCall: row.platformCall,
      draftSource: "model",
      agentRunId: "run_1",
      promptVersion: "1",
      editableFields: ["subject", "body"],
      canDecide: true,
      decision: null,
    });

    const body = "Hello! Pick-up today was at 18:20, after our 18:00 close; the late fee is $20.";
    const decided = await call("director", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: shown.body.contentHash,
      action: "approve",
      edited: { body },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      decision: "edited_and_approved",
      decidedBy: `token:${people.director!.tokenId}`,
    });
    expect(["executing", "executed"]).toContain(decided.body.state);

    // A double click: the same decision again is refused.
    const again = await call("director", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: shown.body.contentHash,
      action: "approve",
    });
    expect(again.status).toBe(409);

    await until(
      async () =>
        (await call("director", "GET", `/api/approvals/${row.id}`)).body.state === "executed",
    );
    await t.service.alerting.tick();
    const sent = messages().filter((m) => m.idempotencyKey === row.idempotencyKey);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      family_id: f.familyId,
      body,
      subject: "Late pick-up today",
    });
    const done = await call("director", "GET", `/api/approvals/${row.id}`);
    expect(done.body).toMatchObject({
      state: "executed",
      platformRecordId: sent[0]!.id,
      execution: { status: "sent", attempts: 1 },
    });
  });

  it("a lead teacher may not approve a family message: 403, and nothing is sent", async () => {
    const row = propose();
    const before = messages().length;
    const res = await call("lead", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect((await call("lead", "GET", `/api/approvals/${row.id}`)).body).toMatchObject({
      state: "pending",
      canDecide: false,
    });
    await t.service.alerting.tick();
    expect(messages()).toHaveLength(before);
  });

  it("another center's director gets 404 for the approval and the center's queue", async () => {
    const row = propose();
    expect((await call("outsider", "GET", `/api/approvals/${row.id}`)).status).toBe(404);
    expect((await call("outsider", "GET", `/api/centers/${f.centerId}/approvals`)).status).toBe(
      404,
    );
    const res = await call("outsider", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(res.status).toBe(404);
  });

  it("without a token the routes answer 401", async () => {
    const row = propose();
    expect((await call(null, "GET", `/api/approvals/${row.id}`)).status).toBe(401);
    expect((await call(null, "GET", `/api/centers/${f.centerId}/approvals`)).status).toBe(401);
  });

  it("a stale hash is 409; a rejection without a reason is 400; with one it sends nothing", async () => {
    const row = propose();
    const before = messages().length;
    const stale = await call("director", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: "a".repeat(64),
      action: "approve",
    });
    expect(stale.status).toBe(409);
    const noReason = await call("director", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: row.contentHash,
      action: "reject",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.field).toBe("reason");
    const rejected = await call("director", "POST", `/api/approvals/${row.id}/decision`, {
      contentHash: row.contentHash,
      action: "reject",
      reason: "I will call the family instead.",
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      state: "rejected",
      decision: "rejected",
      execution: null,
    });
    await t.service.alerting.tick();
    expect(messages()).toHaveLength(before);
  });

  it("bulk approve takes low-risk kinds only", async () => {
    const now = t.service.ctx.wallClock().toISOString();
    const log = proposeApproval(t.service.ctx.db, proposal("structured_log", f), now).row;
    const message = propose();
    const res = await call("director", "POST", "/api/approvals/bulk-approve", {
      items: [
        { approvalId: log.id, contentHash: log.contentHash },
        { approvalId: message.id, contentHash: message.contentHash },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toMatchObject([
      { approvalId: log.id, ok: true },
      { approvalId: message.id, ok: false, error: { code: "forbidden" } },
    ]);
  });
});
