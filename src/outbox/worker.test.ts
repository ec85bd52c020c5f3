import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChannelSenders } from "../channels/index.js";
import { createSlackSender } from "../channels/slack.js";
import { silentLogger } from "../logging/index.js";
import { openDatabase } from "../storage/db.js";
import {
  claimNextOutbox,
  enqueueOutbox,
  finishOutbox,
  getOutbox,
  listOutbox,
  type NewOutboxRow,
} from "../storage/outbox.js";
import { backoffMs, createOutboxWorker } from "./worker.js";

const HOOK = "https://hooks.slack.test/services/T0/B0/secret";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const WALL = new Date("2026-11-23T15:00:00.000Z");

function slackRow(n: number, over: Partial<NewOutboxRow> = {}): NewOutboxRow {
  return {
    alertId: 1,
    centerId: "ctr_maple",
    channel: "slack",
    recipient: "center-webhook",
    payload: { text: `row-${n}`, blocks: [] },
    idempotencyKey: `test:${n}`,
    status: "pending",
    ...over,
  };
}

/** A wall clock the test moves by hand. */
function manualClock(start = WALL) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const slackSenders = () => ({ slack: createSlackSender({ webhookUrlFor: () => HOOK }) });

describe("outbox worker", () => {
  it("delivers once after a Slack outage (503 ×3, then 200), with backoff between attempts", async () => {
    const db = openDatabase(":memory:");
    const clock = manualClock();
    let calls = 0;
    server.use(
      http.post(HOOK, () => {
        calls++;
        return calls <= 3
          ? new HttpResponse("service unavailable", { status: 503 })
          : new HttpResponse("ok", { status: 200 });
      }),
    );
    enqueueOutbox(db, [slackRow(1)], clock.now().toISOString());
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: clock.now,
      random: () => 0.5,
    });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await worker.runDue();
      const row = getOutbox(db, 1)!;
      if (row.status !== "pending") break;
      // Not due again before its backoff: a run now sends nothing.
      await worker.runDue();
      expect(calls).toBe(i + 1);
      const wait = Date.parse(row.nextAttemptAt) - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    expect(calls).toBe(4);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
    const row = getOutbox(db, 1)!;
    expect(row).toMatchObject({ status: "sent", attempts: 4, leaseOwner: null });
    expect(row.lastError).toMatch(/503/);
    expect(row.response).toMatch(/200 ok/);
    clock.advance(3_600_000);
    await worker.runDue();
    expect(calls).toBe(4);
  });

  it("sends a double-enqueued row once: the idempotency key is unique", async () => {
    const db = openDatabase(":memory:");
    const bodies: string[] = [];
    server.use(
      http.post(HOOK, async ({ request }) => {
        bodies.push(await request.text());
        return new HttpResponse("ok");
      }),
    );
    const at = WALL.toISOString();
    expect(enqueueOutbox(db, [slackRow(1)], at)).toEqual([1]);
    expect(enqueueOutbox(db, [slackRow(1, { payload: { text: "again" } })], at)).toEqual([]);
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: () => WALL,
    });
    expect((await worker.runDue()).sent).toBe(1);
    expect(await worker.runDue()).toMatchObject({ sent: 0 });
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!).text).toBe("row-1");
  });

  it("two workers on two connections running at once never send the same row twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "centerline-outbox-"));
    try {
      const path = join(dir, "db.sqlite");
      const dbA = openDatabase(path);
      const dbB = openDatabase(path);
      const seen: string[] = [];
      server.use(
        http.post(HOOK, async ({ request }) => {
          const { text } = (await request.json()) as { text: string };
          seen.push(text);
          await new Promise((r) => setTimeout(r, 15));
          return new HttpResponse("ok");
        }),
      );
      const rows = Array.from({ length: 8 }, (_, i) => slackRow(i));
      enqueueOutbox(dbA, rows, WALL.toISOString());
      const make = (db: typeof dbA, owner: string) =>
        createOutboxWorker({
          db,
          logger: silentLogger,
          senders: slackSenders(),
          wallClock: () => WALL,
          owner,
        });
      const [a, b] = await Promise.all([make(dbA, "A").runDue(), make(dbB, "B").runDue()]);
      expect(seen.sort()).toEqual(rows.map((r) => r.payload.text as string).sort());
      expect(a.sent + b.sent).toBe(8);
      // Both really worked concurrently (each claimed while the other was mid-send).
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect(listOutbox(dbA).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
      dbA.$client.close();
      dbB.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("re-claims a row whose worker died mid-send once the lease runs out", async () => {
    const db = openDatabase(":memory:");
    const clock = manualClock();
    let calls = 0;
    server.use(
      http.post(HOOK, () => {
        calls++;
        return new HttpResponse("ok");
      }),
    );
    enqueueOutbox(db, [slackRow(1)], clock.now().toISOString());
    const dead = claimNextOutbox(db, {
      owner: "dead",
      now: clock.now().toISOString(),
      leaseUntil: new Date(clock.now().getTime() + 30_000).toISOString(),
    });
    expect(dead?.status).toBe("sending");
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: clock.now,
    });
    await worker.runDue();
    expect(calls).toBe(0); // leased by the dead worker
    clock.advance(30_001);
    await worker.runDue();
    expect(calls).toBe(1);
    expect(getOutbox(db, 1)).toMatchObject({ status: "sent", attempts: 2 });
    // The dead worker coming back cannot overwrite the outcome.
    const late = finishOutbox(db, 1, "dead", {
      status: "failed",
      at: clock.now().toISOString(),
      error: "late",
    });
    expect(late).toBe(false);
    expect(getOutbox(db, 1)?.status).toBe("sent");
  });

  it("marks rows of unconfigured channels skipped with the reason, sending nothing", async () => {
    const db = openDatabase(":memory:");
    const at = WALL.toISOString();
    enqueueOutbox(
      db,
      [
        slackRow(1),
        slackRow(2, { channel: "sms", recipient: "+15550000001", payload: { body: "hi" } }),
        slackRow(3, { channel: "task", recipient: "lead_teacher", payload: { title: "t" } }),
      ],
      at,
    );
    const senders = createChannelSenders({
      db,
      wallClock: () => WALL,
      platformFor: () => undefined,
    });
    const worker = createOutboxWorker({ db, logger: silentLogger, senders, wallClock: () => WALL });
    expect(await worker.runDue()).toMatchObject({ skipped: 3, sent: 0 });
    const rows = listOutbox(db);
    expect(rows.map((r) => r.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(rows[0]?.lastError).toMatch(/slack not configured/);
    expect(rows[1]?.lastError).toMatch(/TWILIO_ACCOUNT_SID/);
    expect(rows[2]?.lastError).toMatch(/no platform client/);
  });

  it("gives up after maxAttempts and keeps the row, failed, with the last error", async () => {
    const db = openDatabase(":memory:");
    const clock = manualClock();
    let calls = 0;
    server.use(
      http.post(HOOK, () => {
        calls++;
        return new HttpResponse("down", { status: 500 });
      }),
    );
    enqueueOutbox(db, [slackRow(1)], clock.now().toISOString());
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: clock.now,
      maxAttempts: 3,
    });
    for (let i = 0; i < 6; i++) {
      await worker.runDue();
      clock.advance(3_600_000);
    }
    expect(calls).toBe(3);
    const row = getOutbox(db, 1)!;
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/HTTP 500.*gave up after 3 attempts/);
  });

  it("a second runDue during a run returns at once; whenIdle waits for the run", async () => {
    const db = openDatabase(":memory:");
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    server.use(
      http.post(HOOK, async () => {
        await gate;
        return new HttpResponse("ok");
      }),
    );
    enqueueOutbox(db, [slackRow(1)], WALL.toISOString());
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: () => WALL,
    });
    const first = worker.runDue();
    expect(await worker.runDue()).toMatchObject({ sent: 0 });
    let idle = false;
    const waiting = worker.whenIdle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(getOutbox(db, 1)?.status).toBe("sent");
    expect((await first).sent).toBe(1);
  });

  it("never sends shadow rows", async () => {
    const db = openDatabase(":memory:");
    enqueueOutbox(db, [slackRow(1, { status: "shadow" })], WALL.toISOString());
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: slackSenders(),
      wallClock: () => new Date(WALL.getTime() + 86_400_000),
    });
    expect(await worker.runDue()).toMatchObject({ sent: 0, failed: 0, skipped: 0 });
    expect(getOutbox(db, 1)?.status).toBe("shadow");
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(4, () => 0)).toBe(8_000);
    expect(backoffMs(30, () => 1)).toBe(15 * 60_000);
  });
});
