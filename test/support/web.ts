/**
 * @module test/support/web
 * The web app on top of a real test service, with a stand-in for sign-in: a tiny middleware that
 * sets `principal` from the `test-user` cookie (or header) and a fixed CSRF token, and a fake
 * approvals engine that decides against the real approvals table. Also seeds a morning with an
 * intended violation, and a few pending approvals.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { requestId } from "hono/request-id";
import { proposeApproval } from "../../src/approvals/propose.js";
import type { Principal, Role } from "../../src/auth/principal.js";
import type { AppContext, AppEnv } from "../../src/http/context.js";
import { errorResponse, toAppError } from "../../src/http/errors.js";
import { silentLogger } from "../../src/logging/index.js";
import { type ApprovalRow, getApproval, transitionApproval } from "../../src/storage/approvals.js";
import type {
  ApprovalActions,
  ApprovalDecision,
  DecisionOutcome,
} from "../../src/web/approvals-actions.js";
import { registerBoard } from "../../src/web/board.js";
import { registerWebApp } from "../../src/web/index.js";
import type { TestService } from "./service.js";

export const CSRF = "test-csrf-token";

/** Test users by cookie value: each with one role at the first center (or every center). */
export function testPrincipals(firstCenter: string): Record<string, Principal> {
  const user = (id: string, name: string, role: Role, centerId = firstCenter): Principal => ({
    kind: "session",
    actor: `user:${id}`,
    userId: id,
    name,
    memberships: [{ centerId, role, roomIds: [] }],
    scopes: role === "auditor" ? ["read"] : ["read", "write"],
  });
  return {
    director: user("u_dir", "Dana Director", "director"),
    lead: user("u_lead", "Lee Lead", "lead_teacher"),
    auditor: user("u_aud", "Ari Auditor", "auditor"),
    admin: user("u_admin", "Ada Admin", "director", "*"),
  };
}

/** A fake approvals engine: compare-and-set on the real table, recording every call. */
export function fakeApprovalActions(ctx: AppContext) {
  const calls: { principal: string; decision: ApprovalDecision | { bulk: number[] } }[] = [];
  /** Approval ids whose platform call the fake platform refuses. */
  const failing = new Set<number>();
  const decideOne = (principal: Principal, d: ApprovalDecision): DecisionOutcome => {
    const row = getApproval(ctx.db, d.approvalId);
    const role = principal.memberships[0]?.role;
    if (row?.kind === "family_message" && role !== "director" && role !== "assistant_director") {
      return { status: "forbidden", message: "family messages are decided by a director" };
    }
    const stale = row === undefined || row.contentHash !== d.contentHash;
    if (stale || row.state !== "pending") {
      return { status: "changed", message: "changed since it was shown" };
    }
    const at = ctx.wallClock().toISOString();
    const decided = { decidedBy: principal.actor, decidedAt: at, updatedAt: at };
    if (d.decision === "reject") {
      const updated = transitionApproval(ctx.db, row.id, "pending", {
        ...decided,
        state: "rejected",
        decisionReason: d.reason,
      }) as ApprovalRow;
      return { status: "rejected", approval: updated };
    }
    const edited = d.decision === "approve_with_edits" ? d.edited : null;
    if (failing.has(row.id)) {
      const error = "platform answered 422: family fam_x has no messaging contact";
      const updated = transitionApproval(ctx.db, row.id, "pending", {
        ...decided,
        edited,
        state: "failed",
        lastError: error,
      }) as ApprovalRow;
      return { status: "failed", approval: updated, error };
    }
    const updated = transitionApproval(ctx.db, row.id, "pending", {
      ...decided,
      edited,
      state: "executed",
      executedAt: at,
    }) as ApprovalRow;
    return { status: "executed", approval: updated };
  };
  const actions: ApprovalActions = {
    async decide(principal, decision) {
      calls.push({ principal: principal.actor, decision });
      return decideOne(principal, decision);
    },
    async bulkApprove(principal, items) {
      calls.push({
        principal: principal.actor,
        decision: { bulk: items.map((i) => i.approvalId) },
      });
      return items.map((item) => ({
        approvalId: item.approvalId,
        outcome: decideOne(principal, { decision: "approve", ...item }),
      }));
    },
  };
  return { actions, calls, failing };
}

export interface WebHarness {
  app: Hono<AppEnv>;
  ctx: AppContext;
  fake: ReturnType<typeof fakeApprovalActions>;
  principals: Record<string, Principal>;
  /** `app.request` as `user` (a key of `principals`, or none). */
  get(path: string, user?: string): Promise<Response>;
  post(path: string, form: Record<string, string | string[]>, user?: string): Promise<Response>;
  /** Serves the app on a free port (for the browser). */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
}

export function createWebHarness(t: TestService): WebHarness {
  const base = t.service.ctx;
  const firstCenter = t.sandbox.world.centers[0]!.id;
  const principals = testPrincipals(firstCenter);
  const ctx: AppContext = { ...base };
  const fake = fakeApprovalActions(ctx);
  ctx.approvalActions = fake.actions;
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    c.set("log", silentLogger);
    const who = c.req.header("x-test-user") ?? getCookie(c, "test-user");
    const principal = who ? principals[who] : undefined;
    if (principal) {
      c.set("principal", principal);
      c.set("csrfToken", CSRF);
    }
    await next();
  });
  registerBoard(app, ctx);
  registerWebApp(app, ctx);
  app.onError((error, c) => errorResponse(c, toAppError(error)));
  const headers = (user?: string): Record<string, string> => (user ? { "x-test-user": user } : {});
  return {
    app,
    ctx,
    fake,
    principals,
    get: async (path, user) => app.request(path, { headers: headers(user) }),
    post: async (path, form, user) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) {
        for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      }
      return app.request(path, {
        method: "POST",
        headers: { ...headers(user), "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
    },
    listen: async () => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      const port = (server.address() as AddressInfo).port;
      return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}

/**
 * Plays the first center's day up to a few minutes into its call-out violation (so its room has
 * history, a violation and an open alert), then proposes pending approvals: a model-drafted family
 * message, a template daily log, a note and a task. Returns the violating room and the approvals.
 */
export async function seedMorning(t: TestService) {
  const center = t.sandbox.world.centers[0]!;
  const scenario = t.sandbox.plan.scenarios.find(
    (s) => s.kind === "call_out_violation" && s.centerId === center.id,
  );
  if (!scenario?.roomId) throw new Error("the sandbox day has no call-out violation");
  const until = Date.parse(scenario.at) + 12 * 60_000;
  const step = 3 * 60_000;
  for (let at = Date.parse(t.sandbox.plan.startsAt); at <= until; at += step) {
    for (const d of t.sandbox.advanceTo(new Date(Math.min(at, until)))) {
      const res = await t.post(d);
      if (res.status !== 200) throw new Error(`delivery refused: ${JSON.stringify(res.body)}`);
    }
    t.settle();
    t.service.evaluateNow();
    await t.service.alerting.tick();
    await t.service.alerting.whenIdle();
  }
  const db = t.service.ctx.db;
  const now = t.service.ctx.wallClock().toISOString();
  const room = center.rooms.find((r) => r.id === scenario.roomId)!;
  const child = center.children.find((k) => k.homeRoomId === room.id) ?? center.children[0]!;
  const family = child.familyId ?? "fam_1";
  const propose = (p: Partial<Parameters<typeof proposeApproval>[1]> & { dedupeKey: string }) =>
    proposeApproval(
      db,
      {
        kind: "note",
        centerId: center.id,
        roomId: room.id,
        subject: `child:${child.id}`,
        title: "Note",
        draftSource: "model",
        draft: {},
        platformCall: null,
        context: {},
        agentRunId: null,
        promptId: null,
        promptVersion: null,
        triggerEventId: null,
        expiresAt: null,
        actor: "system:test",
        ...p,
      },
      now,
    ).row;
  const message = propose({
    kind: "family_message",
    dedupeKey: "test:late-pickup",
    title: `Late pick-up fee for ${child.firstName}`,
    draft: {
      subject: "Late pick-up today",
      body: `Hello, ${child.firstName} was picked up at 18:20, after our 18:00 close. A late fee of $20 applies.`,
    },
    platformCall: {
      centerId: center.id,
      op: "message.send",
      familyId: family,
      childId: child.id,
      subject: "Late pick-up today",
      body: `Hello, ${child.firstName} was picked up at 18:20, after our 18:00 close. A late fee of $20 applies.`,
    },
    context: { checkedOutAt: "18:20", closesAt: "18:00", minutesLate: 20, fee: "$20" },
    agentRunId: "run_test_1",
    promptId: "late-pickup-message",
    promptVersion: "3",
    triggerEventId: "evt_checkout_1",
  });
  const log = propose({
    kind: "structured_log",
    dedupeKey: "test:log",
    title: `Nap log for ${child.firstName}`,
    draftSource: "template",
    draft: { text: "Nap 12:30–14:00" },
    platformCall: {
      centerId: center.id,
      op: "log.create",
      childId: child.id,
      entries: [
        {
          type: "nap",
          start: "2026-11-23T20:30:00.000Z",
          end: "2026-11-23T22:00:00.000Z",
          detail: "slept well",
        },
      ],
    },
    context: { teacherNote: "nap 1230-2" },
  });
  const note = propose({
    kind: "note",
    dedupeKey: "test:note",
    title: `Note for ${child.firstName}`,
    draft: { body: "Enjoyed painting this morning." },
    platformCall: {
      centerId: center.id,
      op: "note.create",
      childId: child.id,
      body: "Enjoyed painting this morning.",
    },
  });
  const task = propose({
    kind: "task",
    dedupeKey: "test:task",
    roomId: null,
    subject: null,
    title: "Restock diapers",
    draft: { title: "Restock diapers", description: "Toddler room is low." },
    platformCall: {
      centerId: center.id,
      op: "task.create",
      title: "Restock diapers",
      description: "Toddler room is low.",
      assignedTo: "director",
      dueDate: null,
    },
  });
  return { center, room, scenario, message, log, note, task };
}
