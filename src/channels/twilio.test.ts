import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../logging/index.js";
import { createOutboxWorker } from "../outbox/worker.js";
import { openDatabase } from "../storage/db.js";
import { enqueueOutbox, getOutbox } from "../storage/outbox.js";
import type { AlertNotice } from "./notice.js";
import { createSlackSender } from "./slack.js";
import { buildSmsBody, createTwilioSender, smsReference } from "./twilio.js";

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

  it("a 20 s answer is a send, not a failure (Twilio and Slack)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const slow = () => new Promise((r) => setTimeout(r, 20_000));
      const HOOK = "https://hooks.slack.test/services/T0/B0/slow";
      let posts = 0;
      server.use(
        http.post(URL_, async () => {
          posts++;
          await slow();
          return HttpResponse.json({ sid: "SM9", status: "queued" }, { status: 201 });
        }),
        http.post(HOOK, async () => {
          posts++;
          await slow();
          return new HttpResponse("ok");
        }),
      );
      const db = smsDb("+15550000001");
      const row = { ...getOutbox(db, 1)!, status: "sending" as const };
      const sms = sender()(row);
      const slack = createSlackSender({ webhookUrlFor: () => HOOK })({ ...row, channel: "slack" });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(await sms).toEqual({ ok: true, summary: "twilio 201 SM9 queued" });
      expect(await slack).toMatchObject({ ok: true });
      expect(posts).toBe(2);

      // The old 10 s limit would have given up on the same answer, not knowing whether it went.
      const hasty = createTwilioSender({
        accountSid: SID,
        authToken: TOKEN,
        from: FROM,
        timeoutMs: 10_000,
      })(row);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(await hasty).toMatchObject({ ok: false, retryable: true, outcomeUnknown: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it("in doubt, looks the message up first and does not send it again when Twilio has it", async () => {
    const db = smsDb("+15550000001");
    const row = { ...getOutbox(db, 1)!, status: "sending" as const, inDoubt: true };
    const ref = `Ref ${smsReference(row.idempotencyKey)}`;
    const lists: URLSearchParams[] = [];
    let posts = 0;
    const listed = (messages: unknown[]) =>
      http.get(URL_, ({ request }) => {
        lists.push(new URL(request.url).searchParams);
        return HttpResponse.json({ messages, page: 0, page_size: 50, next_page_uri: null });
      });
    server.use(
      listed([
        { sid: "SMother", to: "+15550000001", body: "Centerline: something else Ref 0000000000" },
        { sid: "SMmine", to: "+15550000001", body: `Centerline: ... ${ref}`, status: "delivered" },
      ]),
      http.post(URL_, () => {
        posts++;
        return HttpResponse.json({ sid: "SMnew" }, { status: 201 });
      }),
    );
    const found = await sender()(row);
    expect(found).toMatchObject({
      ok: true,
      summary: expect.stringMatching(/^twilio SMmine delivered/),
    });
    expect(posts).toBe(0);
    expect(lists[0]?.get("To")).toBe("+15550000001");
    expect(lists[0]?.get("From")).toBe(FROM);
    expect(lists[0]?.get("DateSent>")).toBe(NOW.toISOString().slice(0, 10));

    // Not there (neither since the day it was queued nor among the newest): sent, with the ref.
    server.use(listed([{ sid: "SMother", to: "+15550000001", body: "other Ref 0000000000" }]));
    expect(await sender()(row)).toMatchObject({ ok: true, summary: "twilio 201 SMnew" });
    expect(posts).toBe(1);

    // The list cannot be read: nothing is sent, and the row stays in doubt for the next try.
    server.use(http.get(URL_, () => new HttpResponse("oops", { status: 500 })));
    expect(await sender()(row)).toMatchObject({ ok: false, retryable: true, outcomeUnknown: true });
    expect(posts).toBe(1);
  });
});
