/**
 * @module test/support/web
 * The web app as a browser uses it, on a real test service: the sandbox's users sign in through
 * the real `POST /sign-in` (one session per role, reused), and form posts carry the session's
 * CSRF token and the service's Origin. Also plays a morning with an intended violation, and
 * proposes a few pending approvals through the real `proposeApproval`.
 */
import { centerFacts, proposal } from "../../src/approvals/fixtures.js";
import { proposeApproval } from "../../src/approvals/index.js";
import type { SandboxSignIn } from "../../src/auth/index.js";
import type { Role } from "../../src/auth/principal.js";
import type { TestService } from "./service.js";

/** The sandbox roles that sign in with a password. */
export type WebRole = Exclude<Role, "service">;

export interface WebSession {
  cookie: string;
  csrfToken: string;
}

export interface WebHarness {
  url: string;
  user(role: WebRole): SandboxSignIn;
  /** Signs `role` in once (through the real form post) and returns the session. */
  session(role: WebRole): Promise<WebSession>;
  /** GET as `role` (or nobody), redirects not followed. */
  get(path: string, role?: WebRole): Promise<Response>;
  /** A form POST as `role`; `_csrf` is the session's token unless the form names one. */
  post(path: string, form: Record<string, string | string[]>, role?: WebRole): Promise<Response>;
}

export function createWebHarness(t: TestService): WebHarness {
  const url = t.service.url;
  const sessions = new Map<WebRole, WebSession>();
  const user = (role: WebRole) => {
    const found = t.users.find((u) => u.role === role);
    if (!found?.password) throw new Error(`the sandbox has no ${role} who signs in`);
    return found;
  };
  const session = async (role: WebRole) => {
    const known = sessions.get(role);
    if (known) return known;
    const u = user(role);
    const signed = await t.signIn(u.email, u.password as string);
    if (!signed) throw new Error(`${role} could not sign in`);
    sessions.set(role, signed);
    return signed;
  };
  return {
    url,
    user,
    session,
    get: async (path, role) => {
      const headers: Record<string, string> = {};
      if (role) headers.cookie = (await session(role)).cookie;
      return fetch(`${url}${path}`, { headers, redirect: "manual" });
    },
    post: async (path, form, role) => {
      const headers: Record<string, string> = {
        origin: url,
        "content-type": "application/x-www-form-urlencoded",
      };
      const body = new URLSearchParams();
      if (role) {
        const s = await session(role);
        headers.cookie = s.cookie;
        if (form._csrf === undefined) body.append("_csrf", s.csrfToken);
      }
      for (const [k, v] of Object.entries(form)) {
        for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      }
      return fetch(`${url}${path}`, {
        method: "POST",
        headers,
        body: body.toString(),
        redirect: "manual",
      });
    },
  };
}

/**
 * Plays the first center's day in steps up to `until` (business time): deliveries in, projected,
 * evaluated, alerts ticked — as the service's timers would.
 */
export async function playUntil(t: TestService, until: number, stepMs = 3 * 60_000) {
  const from = Math.max(Date.parse(t.sandbox.plan.startsAt), t.sandbox.now().getTime());
  for (let at = from; at <= until; at += stepMs) {
    for (const d of t.sandbox.advanceTo(new Date(Math.min(at, until)))) {
      const res = await t.post(d);
      if (res.status !== 200) throw new Error(`delivery refused: ${JSON.stringify(res.body)}`);
    }
    t.settle();
    t.service.evaluateNow();
    await t.service.alerting.tick();
    await t.service.alerting.whenIdle();
  }
}

/** The first center's call-out violation: its room and when it starts. */
export function violationScenario(t: TestService) {
  const center = t.sandbox.world.centers[0]!;
  const scenario = t.sandbox.plan.scenarios.find(
    (s) => s.kind === "call_out_violation" && s.centerId === center.id,
  );
  if (!scenario?.roomId) throw new Error("the sandbox day has no call-out violation");
  const room = center.rooms.find((r) => r.id === scenario.roomId)!;
  return { center, room, scenario };
}

/**
 * Plays the first center's day up to a few minutes into its call-out violation (so its room has
 * history, a violation and an open alert), then proposes pending approvals: a model-drafted family
 * message, a template daily log, a note and a task.
 */
export async function seedMorning(t: TestService) {
  const { center, room, scenario } = violationScenario(t);
  // While the call-out's violation is still open: the room's only open alert is that one (a room
  // back in ratio with room to spare raises no `approaching` alert).
  await playUntil(t, Date.parse(scenario.at) + 5 * 60_000);
  const seeded = proposePending(t, room.id);
  return { center, room, scenario, ...seeded };
}

/** Pending approvals in the first center, through the real `proposeApproval`. */
export function proposePending(t: TestService, roomId: string) {
  const db = t.service.ctx.db;
  const now = t.service.ctx.wallClock().toISOString();
  const facts = { ...centerFacts(t.sandbox, 0), roomId };
  const propose = (...args: Parameters<typeof proposal>) =>
    proposeApproval(db, proposal(...args), now).row;
  const message = propose("family_message", facts, {
    title: "Late pick-up fee",
    context: { checkedOutAt: "18:20", closesAt: "18:00", minutesLate: 20, fee: "$20" },
    agentRunId: "run_test_1",
    promptId: "late-pickup-message",
    promptVersion: "3",
    triggerEventId: "evt_checkout_1",
  });
  const log = propose("structured_log", facts, {
    title: "Nap log",
    draftSource: "template",
    agentRunId: null,
    promptId: null,
    promptVersion: null,
  });
  const note = propose("note", facts, { title: "Note about painting" });
  const task = propose("task", facts, { title: "Restock diapers", roomId: null, subject: null });
  return { message, log, note, task };
}
