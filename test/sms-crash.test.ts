/**
 * kill -9 right after Twilio took a pick-up hold's SMS, before the process recorded it: the next
 * process resumes the send at start-up (same host, dead pid: no waiting for the lease), finds
 * the message in Twilio's Messages list by its reference, records it as sent and does not page
 * the director a second time. Real processes, a real SIGKILL, a fake Twilio on loopback.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAlerting } from "../src/alerts/runtime.js";
import { createTwilioSender } from "../src/channels/twilio.js";
import { loadConfig } from "../src/config/index.js";
import { silentLogger } from "../src/logging/index.js";
import { createOutboxWorker } from "../src/outbox/worker.js";
import { openDatabase } from "../src/storage/db.js";
import { insertPickupHold } from "../src/storage/door.js";
import { enqueueOutbox, getOutbox } from "../src/storage/outbox.js";
import { type FakeTwilio, startFakeTwilio } from "./support/fake-providers.js";

const DIRECTOR = "+15550000001";
const dir = mkdtempSync(join(tmpdir(), "centerline-crash-"));
let twilio: FakeTwilio | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill("SIGKILL");
  await twilio?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(databasePath: string, twilioUrl: string): Record<string, string> {
  return {
    DATABASE_PATH: databasePath,
    LOG_LEVEL: "silent",
    TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`,
    TWILIO_AUTH_TOKEN: "test-token",
    TWILIO_FROM_NUMBER: "+15550100099",
    TWILIO_API_URL: twilioUrl,
    // An hour: a send that waited for the lease would not be sent within this test.
    OUTBOX_LEASE_SECONDS: "3600",
  };
}

/** A pick-up hold and its critical SMS to the director, as the door gate enqueues them. */
function seedHoldPage(databasePath: string): number {
  const db = openDatabase(databasePath);
  const now = new Date().toISOString();
  const hold = insertPickupHold(db, {
    centerId: "ctr_maple",
    childId: "ch_0",
    roomId: null,
    eventId: "procare:evt_1:0",
    eventType: "child.checked_out",
    event: {},
    occurredAt: now,
    personName: "Unknown Person",
    method: "unknown",
    decision: "not_authorized",
    reason: "Unknown Person is not on the authorized list",
    nearMatches: [],
    state: "open",
    createdAt: now,
  });
  const [id] = enqueueOutbox(
    db,
    [
      {
        alertId: null,
        centerId: "ctr_maple",
        channel: "sms",
        recipient: DIRECTOR,
        payload: { body: `Centerline: CRITICAL pick-up hold #${hold?.id} (Maple St).` },
        idempotencyKey: `pickup-hold:${hold?.id}:sms:${DIRECTOR}`,
        status: "pending",
      },
    ],
    now,
  );
  db.$client.close();
  return id as number;
}

describe("kill -9 mid-send", () => {
  it("does not send the SMS again after a restart, and resumes it at once", async () => {
    twilio = await startFakeTwilio({ answer: { kind: "accept-then-hang" } });
    const databasePath = join(dir, "centerline.db");
    const outboxId = seedHoldPage(databasePath);
    const vars = env(databasePath, twilio.url);

    const accepted = twilio.nextMessage();
    child = spawn(process.execPath, ["--import", "tsx", "test/support/outbox-child.ts"], {
      env: { ...process.env, ...vars },
      stdio: "ignore",
    });
    const sent = await accepted;
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(sent.to).toBe(DIRECTOR);

    // The dead process still holds the row under its lease.
    const db = openDatabase(databasePath);
    const held = getOutbox(db, outboxId);
    expect(held).toMatchObject({ status: "sending", attempts: 1 });
    expect(held?.leaseOwner).toContain(`:${child.pid}:`);

    twilio.answer = { kind: "ok" };
    const alerting = startAlerting({
      db,
      logger: silentLogger,
      config: loadConfig(vars),
      clock: () => new Date(),
      wallClock: () => new Date(),
      clients: [],
      events: new EventEmitter(),
      publicUrl: "http://127.0.0.1",
    });
    await alerting.tick();
    await alerting.whenIdle();

    const row = getOutbox(db, outboxId);
    expect(row).toMatchObject({ status: "sent", inDoubt: false, attempts: 2 });
    expect(row?.response).toContain(sent.sid);
    expect(row?.response).toMatch(/not sent again/);
    expect(twilio.messages).toHaveLength(1);
    const lookups = twilio.requests.filter((r) => r.startsWith("GET "));
    expect(lookups.length).toBeGreaterThan(0);
    const query = new URLSearchParams(lookups[0]?.split("?")[1]);
    expect(query.get("To")).toBe(DIRECTOR);
    expect(query.get("From")).toBe("+15550100099");
    expect(query.get("DateSent>")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    db.$client.close();
  }, 60_000);
});

describe("a provider slower than the client's limit", () => {
  it("records the timed-out SMS in doubt, then finds it at Twilio instead of sending it twice", async () => {
    const slow = await startFakeTwilio({ answer: { kind: "ok", delayMs: 1_000 } });
    try {
      const databasePath = join(dir, "slow.db");
      const outboxId = seedHoldPage(databasePath);
      const db = openDatabase(databasePath);
      let now = Date.now();
      const worker = createOutboxWorker({
        db,
        logger: silentLogger,
        wallClock: () => new Date(now),
        senders: {
          sms: createTwilioSender({
            accountSid: `AC${"1".repeat(32)}`,
            authToken: "t",
            from: "+15550100099",
            apiUrl: slow.url,
            timeoutMs: 200,
          }),
        },
      });
      await worker.runDue();
      const first = getOutbox(db, outboxId);
      expect(first).toMatchObject({ status: "pending", inDoubt: true });
      expect(first?.lastError).toMatch(/timed out/);
      // Not before the provider has had time to take it; then it is looked up, not resent.
      await worker.runDue();
      expect(slow.messages).toHaveLength(1);
      now = Date.parse(first?.nextAttemptAt ?? "") + 1;
      await worker.runDue();
      expect(getOutbox(db, outboxId)).toMatchObject({ status: "sent", inDoubt: false });
      expect(slow.messages).toHaveLength(1);
      db.$client.close();
    } finally {
      await slow.close();
    }
  });
});
