/**
 * Delivery through outages, on an injected wall clock (no real waiting): a six-minute outage of
 * Slack (500) and Twilio (429) while rooms are out of ratio, then recovery. Every notice is
 * delivered, each row exactly once; safety sends are tried at least every minute and never given
 * up; a channel that keeps failing hands the notice to the next one; a non-safety send is given
 * up only after its horizon, visibly and in the audit log.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAlertEngine } from "../alerts/engine.js";
import {
  CENTER,
  change,
  DIRECTOR_PHONE,
  seedDirectory,
  T0,
  testPolicy,
} from "../alerts/fixtures.js";
import { createInAppSender } from "../channels/in-app.js";
import { createSlackSender } from "../channels/slack.js";
import { createTwilioSender, smsReference } from "../channels/twilio.js";
import type { Sender } from "../channels/types.js";
import { silentLogger } from "../logging/index.js";
import { updateAlert } from "../storage/alerts.js";
import { iterateAudit } from "../storage/audit.js";
import { openDatabase } from "../storage/db.js";
import { deliveryTroubles, enqueueOutbox, getOutbox, listOutbox } from "../storage/outbox.js";
import { deliverySentence } from "../web/delivery-note.js";
import { createOutboxWorker } from "./worker.js";

const HOOK = "https://hooks.slack.test/services/T0/B0/outage";
const TWILIO = "https://api.twilio.test";
const SID = `AC${"0".repeat(32)}`;
const FROM = "+15550100099";
const MESSAGES = `${TWILIO}/2010-04-01/Accounts/${SID}/Messages.json`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function manualClock(start = T0) {
  let now = start.getTime();
  return { now: () => new Date(now), set: (ms: number) => (now = ms) };
}

/** Providers that fail until `downUntil` (ms), then take everything; every try is logged. */
function providers(clock: { now: () => Date }, downUntil: number) {
  const tries = new Map<string, number[]>();
  const slack: string[] = [];
  const sms: { to: string; body: string }[] = [];
  const tried = (key: string) => tries.set(key, [...(tries.get(key) ?? []), clock.now().getTime()]);
  server.use(
    http.post(HOOK, async ({ request }) => {
      const { text } = (await request.json()) as { text: string };
      tried(`slack|${text}`);
      if (clock.now().getTime() < downUntil) return new HttpResponse("oops", { status: 500 });
      slack.push(text);
      return new HttpResponse("ok");
    }),
    http.post(MESSAGES, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const body = form.get("Body") ?? "";
      tried(`sms|${form.get("To")}|${body}`);
      if (clock.now().getTime() < downUntil) {
        return HttpResponse.json({ code: 20429, message: "Too Many Requests" }, { status: 429 });
      }
      sms.push({ to: form.get("To") ?? "", body });
      return HttpResponse.json({ sid: `SM${sms.length}`, status: "queued" }, { status: 201 });
    }),
  );
  return { tries, slack, sms };
}

function setup(clock: { now: () => Date }) {
  const db = openDatabase(":memory:");
  seedDirectory(db);
  const policy = testPolicy();
  const engine = createAlertEngine({
    db,
    logger: silentLogger,
    clock: clock.now,
    wallClock: clock.now,
    policyFor: () => policy,
  });
  const tasks: { title: string; key: string }[] = [];
  const task: Sender = async (row) => {
    tasks.push({ title: String(row.payload.title), key: row.idempotencyKey });
    return { ok: true, summary: `procare task task_${tasks.length}` };
  };
  const worker = createOutboxWorker({
    db,
    logger: silentLogger,
    wallClock: clock.now,
    random: () => 0.5,
    senders: {
      in_app: createInAppSender({ db, wallClock: clock.now }),
      slack: createSlackSender({ webhookUrlFor: () => HOOK }),
      sms: createTwilioSender({ accountSid: SID, authToken: "t", from: FROM, apiUrl: TWILIO }),
      task,
    },
    failoverFor: () => ({ ...policy.failover, phones: [DIRECTOR_PHONE] }),
  });
  return { db, engine, worker, tasks };
}

describe("a six-minute outage of Slack and Twilio", () => {
  it("delivers every alert once each after recovery, retrying safety sends at least every minute", async () => {
    const clock = manualClock();
    const downUntil = T0.getTime() + 6 * 60_000;
    const seen = providers(clock, downUntil);
    const { db, engine, worker, tasks } = setup(clock);
    // Eleven rooms out of ratio (in-app + Slack each) and four critical (Slack + SMS to two).
    for (let i = 0; i < 15; i++) {
      const to = i < 11 ? "violation" : "critical";
      engine.onStatusChange(change(to, T0, null, { roomId: `rm_${i}`, roomName: `Room ${i}` }));
    }
    const originals = listOutbox(db);
    expect(originals.filter((r) => r.channel === "slack")).toHaveLength(15);
    expect(originals.filter((r) => r.channel === "sms")).toHaveLength(8);

    for (let t = 0; t <= 12 * 60; t += 5) {
      clock.set(T0.getTime() + t * 1000);
      await worker.runDue();
    }

    const rows = listOutbox(db);
    expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
    // Each Slack row reached Slack once, each SMS row its phone once.
    for (const row of rows.filter((r) => r.channel === "slack")) {
      expect(seen.slack.filter((t) => t === row.payload.text)).toHaveLength(1);
    }
    for (const row of rows.filter((r) => r.channel === "sms")) {
      const ref = `Ref ${smsReference(row.idempotencyKey)}`;
      expect(seen.sms.filter((m) => m.to === row.recipient && m.body.endsWith(ref))).toHaveLength(
        1,
      );
    }
    expect(seen.slack).toHaveLength(rows.filter((r) => r.channel === "slack").length);
    expect(seen.sms).toHaveLength(rows.filter((r) => r.channel === "sms").length);
    // Nothing was tried more than a minute after its previous try while the outage lasted.
    for (const [key, times] of seen.tries) {
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      expect(Math.max(0, ...gaps), key).toBeLessThanOrEqual(60_000 + 5_000);
    }
    // While both were down, every failing notice was carried on to the platform task.
    const failovers = rows.filter((r) => r.failoverOf !== null);
    expect(failovers.length).toBeGreaterThan(0);
    expect(new Set(failovers.map((r) => r.channel))).toEqual(new Set(["task"]));
    expect(tasks).toHaveLength(failovers.length);
    expect(new Set(tasks.map((t) => t.key)).size).toBe(tasks.length);
    for (const row of rows.filter((r) => r.failoverOf === null && r.channel !== "in_app")) {
      expect(row.failedOverAt, `row ${row.id}`).not.toBeNull();
    }
    const actions = [...iterateAudit(db, { actionPrefix: "outbox." })].map((a) => a.action);
    expect(actions.filter((a) => a === "outbox.failover")).toHaveLength(
      rows.filter((r) => r.failedOverAt !== null).length,
    );
    expect(actions).not.toContain("outbox.failed");
  });

  it("carries a failing SMS on to the next channel the notice has not used yet, once", async () => {
    const clock = manualClock();
    const seen = providers(clock, T0.getTime()); // Slack and Twilio up …
    server.use(
      http.post(MESSAGES, () => new HttpResponse("down", { status: 503 })), // … except SMS
    );
    const { db, engine, worker } = setup(clock);
    engine.onStatusChange(change("critical", T0));
    // Critical goes to Slack already: SMS failing then goes on to the task, not a second Slack post.
    for (let t = 0; t <= 120; t += 5) {
      clock.set(T0.getTime() + t * 1000);
      await worker.runDue();
    }
    const rows = listOutbox(db);
    const sms = rows.filter((r) => r.channel === "sms" && r.failoverOf === null);
    expect(sms).toHaveLength(2);
    expect(sms.every((r) => r.status === "pending" && r.failedOverAt !== null)).toBe(true);
    expect(seen.slack).toHaveLength(1);
    const failovers = rows.filter((r) => r.failoverOf !== null);
    expect(failovers.map((r) => r.channel)).toEqual(["task"]);

    // The board and the alerts page say so, in the center's time (15:00 UTC is 09:00 in Chicago).
    const troubles = deliveryTroubles(db, CENTER, { since: T0.toISOString() });
    expect(troubles.map((t) => deliverySentence(t, "America/Chicago"))).toEqual([
      "Alert #1 (Toddler A): SMS failing since 09:00; sent by Slack and platform task",
    ]);
  });

  it("says which channel is being tried while nothing has delivered yet, and a send given up", () => {
    const base = {
      alertId: 3,
      holdId: null,
      roomName: "Infant B",
      channel: "sms" as const,
      error: null,
      sentBy: [],
    };
    expect(
      deliverySentence(
        { ...base, state: "failing", at: "2026-11-23T14:14:00.000Z", trying: ["slack"] },
        "America/Chicago",
      ),
    ).toBe("Alert #3 (Infant B): SMS failing since 08:14; trying Slack");
    expect(
      deliverySentence(
        {
          ...base,
          alertId: null,
          holdId: 7,
          channel: "slack",
          state: "failed",
          at: "2026-11-23T14:20:00.000Z",
          error: "slack HTTP 404 channel_not_found",
          trying: [],
        },
        "America/Chicago",
      ),
    ).toBe(
      "Pick-up hold #7: Slack send failed at 08:20 (slack HTTP 404 channel_not_found); not delivered by any other channel",
    );
  });
});

describe("a slow provider that answers", () => {
  it("is not failing: nothing is carried on to another channel and each SMS goes once", async () => {
    const clock = manualClock();
    let sms = 0;
    let tick = () => {};
    server.use(
      http.post(HOOK, () => new HttpResponse("ok")),
      http.post(MESSAGES, () => {
        // Twilio answers each request 20 s later (on the test's clock), while the timer ticks.
        clock.set(clock.now().getTime() + 20_000);
        tick();
        sms++;
        return HttpResponse.json({ sid: `SM${sms}`, status: "queued" }, { status: 201 });
      }),
    );
    const { db, engine, worker } = setup(clock);
    tick = () => void worker.failOverDue();
    for (let i = 0; i < 4; i++) {
      engine.onStatusChange(change("critical", T0, null, { roomId: `rm_${i}`, roomName: `R${i}` }));
    }
    await worker.runDue();
    await worker.whenIdle();
    const rows = listOutbox(db);
    expect(rows.filter((r) => r.channel === "sms").map((r) => r.status)).toEqual(
      Array(8).fill("sent"),
    );
    expect(sms).toBe(8);
    expect(rows.filter((r) => r.failoverOf !== null || r.failedOverAt !== null)).toEqual([]);
  });
});

describe("retry horizon", () => {
  it("retries a non-safety send for 24 h, then records it failed in the audit log; a safety send goes on", async () => {
    const clock = manualClock();
    server.use(http.post(HOOK, () => new HttpResponse("down", { status: 500 })));
    const { db, engine, worker } = setup(clock);
    engine.onStatusChange(change("violation", T0));
    const safety = listOutbox(db).find((r) => r.channel === "slack")!;
    enqueueOutbox(
      db,
      [
        {
          alertId: null,
          centerId: CENTER,
          channel: "slack",
          recipient: "center-webhook",
          payload: { text: "credential reminder" },
          idempotencyKey: "renewal:1:slack",
          status: "pending",
        },
      ],
      T0.toISOString(),
    );
    const other = listOutbox(db).find((r) => r.idempotencyKey === "renewal:1:slack")!;
    for (let h = 0; h <= 30; h += 0.25) {
      clock.set(T0.getTime() + h * 3_600_000);
      await worker.runDue();
    }
    expect(getOutbox(db, other.id)).toMatchObject({ status: "failed" });
    expect(getOutbox(db, other.id)?.lastError).toMatch(/HTTP 500.*gave up after \d+ attempts/);
    expect(getOutbox(db, safety.id)).toMatchObject({ status: "pending" });
    const failed = [...iterateAudit(db, { actionPrefix: "outbox.failed" })];
    expect(failed.map((a) => a.subject)).toEqual([`outbox:${other.id}`]);

    // Once the alert is resolved, its send falls under the horizon like any other.
    updateAlert(db, safety.alertId!, { state: "resolved", resolvedAt: clock.now().toISOString() });
    clock.set(clock.now().getTime() + 60_000);
    await worker.runDue();
    expect(getOutbox(db, safety.id)).toMatchObject({ status: "failed" });
  });
});

describe("channels are independent", () => {
  it("a hung Twilio holds up only SMS: the board, Slack and the platform task go out meanwhile", async () => {
    const clock = manualClock();
    let release!: () => void;
    const hung = new Promise<void>((r) => {
      release = r;
    });
    const slack: string[] = [];
    server.use(
      http.post(MESSAGES, async () => {
        await hung;
        return HttpResponse.json({ sid: "SM1", status: "queued" }, { status: 201 });
      }),
      http.post(HOOK, async ({ request }) => {
        slack.push(((await request.json()) as { text: string }).text);
        return new HttpResponse("ok");
      }),
    );
    const { db, engine, worker, tasks } = setup(clock);
    // SMS rows first in the queue: one worker sending in order would wait on them.
    engine.onStatusChange(change("critical", T0));
    engine.onStatusChange(change("approaching", T0, null, { roomId: "rm_b", roomName: "Room B" }));
    const run = worker.runDue();
    await vi.waitFor(() => {
      const open = listOutbox(db).filter((r) => r.channel !== "sms" && r.status !== "sent");
      expect(open).toEqual([]);
    });
    expect(
      listOutbox(db)
        .filter((r) => r.channel === "sms")
        .map((r) => r.status),
    ).toContain("sending");
    expect(slack).toHaveLength(1);
    expect(tasks.map((t) => t.title)).toEqual(["Approaching ratio: Room B"]);
    release();
    await run;
    await worker.whenIdle();
    expect(listOutbox(db).every((r) => r.status === "sent")).toBe(true);
  });

  it("on stop, cuts a hung send short and leaves it in doubt for the next process", async () => {
    const clock = manualClock();
    server.use(
      http.post(HOOK, () => new HttpResponse("ok")),
      http.post(MESSAGES, () => new Promise<never>(() => undefined)),
    );
    const { db, engine, worker } = setup(clock);
    engine.onStatusChange(change("critical", T0));
    const run = worker.runDue();
    await vi.waitFor(() =>
      expect(listOutbox(db).some((r) => r.channel === "sms" && r.status === "sending")).toBe(true),
    );
    worker.stop();
    await worker.whenIdle();
    await run;
    const sms = listOutbox(db).filter((r) => r.channel === "sms");
    expect(sms.map((r) => [r.status, r.inDoubt])).toEqual([
      ["pending", true],
      ["pending", false],
    ]);
    expect(sms[0]?.lastError).toMatch(/stopped mid-request/);
  });
});
