import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logging/index.js";
import { createOutboxWorker } from "../outbox/worker.js";
import { openDatabase } from "../storage/db.js";
import { enqueueOutbox, getOutbox } from "../storage/outbox.js";
import type { AlertNotice } from "./notice.js";
import { buildSmsBody, createTwilioSender } from "./twilio.js";

const SID = `AC${"0123456789abcdef".repeat(2)}`;
const TOKEN = "secret-token";
const FROM = "+15005550006";
const URL_ = `https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = new Date("2026-11-23T15:00:00.000Z");
const sender = () => createTwilioSender({ accountSid: SID, authToken: TOKEN, from: FROM });

function smsDb(to: string, body = "Centerline: CRITICAL: out of ratio: Toddler A") {
  const db = openDatabase(":memory:");
  enqueueOutbox(
    db,
    [
      {
        alertId: 1,
        centerId: "ctr_maple",
        channel: "sms",
        recipient: to,
        payload: { body },
        idempotencyKey: `sms:${to}`,
        status: "pending",
      },
    ],
    NOW.toISOString(),
  );
  return db;
}

const worker = (db: ReturnType<typeof openDatabase>) =>
  createOutboxWorker({
    db,
    logger: silentLogger,
    senders: { sms: sender() },
    wallClock: () => NOW,
  });

describe("Twilio sender", () => {
  it("POSTs form-encoded To/From/Body with HTTP Basic auth", async () => {
    let seen: { auth: string | null; type: string | null; form: URLSearchParams } | undefined;
    server.use(
      http.post(URL_, async ({ request }) => {
        seen = {
          auth: request.headers.get("authorization"),
          type: request.headers.get("content-type"),
          form: new URLSearchParams(await request.text()),
        };
        return HttpResponse.json({ sid: "SM123", status: "queued" }, { status: 201 });
      }),
    );
    const db = smsDb("+15550000001");
    expect((await worker(db).runDue()).sent).toBe(1);
    expect(seen?.type).toMatch(/^application\/x-www-form-urlencoded/);
    const [scheme, encoded] = (seen?.auth ?? "").split(" ");
    expect(scheme).toBe("Basic");
    expect(Buffer.from(encoded!, "base64").toString()).toBe(`${SID}:${TOKEN}`);
    expect(seen?.form.get("To")).toBe("+15550000001");
    expect(seen?.form.get("From")).toBe(FROM);
    expect(seen?.form.get("Body")).toContain("out of ratio: Toddler A");
    expect(getOutbox(db, 1)).toMatchObject({ status: "sent", response: "twilio 201 SM123 queued" });
  });

  it("records a permanent 4xx (21211 invalid To) as failed, without retrying", async () => {
    let calls = 0;
    server.use(
      http.post(URL_, () => {
        calls++;
        return HttpResponse.json(
          {
            code: 21211,
            message: "The 'To' number +1555 is not a valid phone number.",
            more_info: "https://www.twilio.com/docs/errors/21211",
            status: 400,
          },
          { status: 400 },
        );
      }),
    );
    const db = smsDb("+1555");
    const w = worker(db);
    expect((await w.runDue()).failed).toBe(1);
    await w.runDue();
    expect(calls).toBe(1);
    const row = getOutbox(db, 1)!;
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/HTTP 400 21211 The 'To' number/);
  });

  it("retries 429 and 5xx", async () => {
    server.use(
      http.post(
        URL_,
        () => new HttpResponse(null, { status: 429, headers: { "retry-after": "30" } }),
      ),
    );
    const db = smsDb("+15550000001");
    expect((await worker(db).runDue()).retrying).toBe(1);
    const row = getOutbox(db, 1)!;
    expect(row.status).toBe("pending");
    expect(Date.parse(row.nextAttemptAt) - NOW.getTime()).toBeGreaterThanOrEqual(30_000);

    server.use(http.post(URL_, () => new HttpResponse("oops", { status: 503 })));
    const result = await sender()({ ...row, status: "sending" });
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("keeps the SMS short and free of names", () => {
    const notice: AlertNotice = {
      alertId: 3,
      event: "escalated",
      severity: "critical",
      centerName: "Maple St",
      roomName: "Toddler A",
      since: NOW.toISOString(),
      at: NOW.toISOString(),
      children: 5,
      countedStaff: 1,
      requiredStaff: 2,
      ratio: 4,
      ruleSource: "state US-TX",
      slack: "needs 1 more qualified staff",
      reason: "5 toddlers need 2 qualified staff",
      link: "https://centerline.example/",
      minutesUnacknowledged: 10,
    };
    const body = buildSmsBody(notice);
    expect(body).toBe(
      "Centerline: Unacknowledged - CRITICAL: out of ratio: Toddler A (Maple St). 5 children / 1 of 2 staff; needs 1 more qualified staff. Unacknowledged 10 min. https://centerline.example/",
    );
    expect(body.length).toBeLessThanOrEqual(320);
    expect(buildSmsBody({ ...notice, roomName: "x".repeat(400) }).length).toBe(320);
  });
});
