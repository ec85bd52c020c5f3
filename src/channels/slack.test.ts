import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAlertEngine } from "../alerts/engine.js";
import {
  CENTER,
  CHILD_NAMES,
  change,
  minutes,
  STAFF_NAMES,
  seedDirectory,
  testPolicy,
} from "../alerts/fixtures.js";
import { silentLogger } from "../logging/index.js";
import { createOutboxWorker } from "../outbox/worker.js";
import { openDatabase } from "../storage/db.js";
import { listChildren } from "../storage/directory.js";
import { listOutbox } from "../storage/outbox.js";
import { createChannelSenders } from "./index.js";
import type { AlertNotice } from "./notice.js";
import {
  buildSlackMessage,
  createSlackSender,
  SLACK_WEBHOOK_HOST,
  slackUrlRefusal,
} from "./slack.js";
import type { OutboxRow } from "./types.js";

const HOOK = "https://hooks.slack.test/services/T0/B0/secret";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const notice: AlertNotice = {
  alertId: 12,
  event: "opened",
  severity: "violation",
  centerName: "Maple St",
  roomName: "Toddler A",
  since: "2026-11-23T15:00:00.000Z",
  at: "2026-11-23T15:00:00.000Z",
  children: 5,
  countedStaff: 1,
  requiredStaff: 2,
  ratio: 4,
  ruleSource: "state US-TX",
  slack: "needs 1 more qualified staff",
  reason: "5 toddlers need 2 qualified staff at 1:4; 1 counted",
  link: "https://centerline.example/",
};

const row = (payload: Record<string, unknown> = {}): OutboxRow => ({
  id: 1,
  alertId: 12,
  approvalId: null,
  centerId: CENTER,
  channel: "slack",
  recipient: "center-webhook",
  payload,
  idempotencyKey: "k",
  status: "sending",
  attempts: 1,
  nextAttemptAt: "",
  leaseOwner: "me",
  leaseUntil: null,
  lastError: null,
  sentAt: null,
  response: null,
  inDoubt: false,
  failingSince: null,
  failoverOf: null,
  failedOverAt: null,
  createdAt: "",
  updatedAt: "",
});

describe("Slack Block Kit message", () => {
  it("has a header with the status, center/room, the counts, the reason and a board link", () => {
    const message = buildSlackMessage(notice);
    expect(message.text).toContain("Out of ratio: Toddler A");
    expect(message.text).toContain("5 children / 1 of 2 staff");
    type Text = { type: string; text: string };
    type Block = {
      type: string;
      text: Text;
      fields: Text[];
      elements: (Text & { url?: string })[];
    };
    const [header, fields, detail, context, actions] = message.blocks as unknown as Block[];
    expect(header).toMatchObject({ type: "header", text: { type: "plain_text" } });
    expect(header!.text.text).toContain("Out of ratio: Toddler A");
    const fieldText = fields!.fields.map((f) => f.text).join("\n");
    expect(fieldText).toContain("*Center*\nMaple St");
    expect(fieldText).toContain("*Room*\nToddler A");
    expect(fieldText).toContain("5 children / 1 of 2 staff");
    expect(fieldText).toContain("1:4 (state US-TX)");
    expect(detail!.text.text).toContain("needs 1 more qualified staff");
    expect(detail!.text.text).toContain("5 toddlers need 2 qualified staff");
    expect(context!.elements[0]!.text).toContain("#12");
    expect(actions!.elements[0]).toMatchObject({
      type: "button",
      url: "https://centerline.example/",
    });
  });

  it("escapes Slack control characters in names that come from the platform", () => {
    const message = buildSlackMessage({ ...notice, roomName: "<!channel> & co" });
    expect(JSON.stringify(message.blocks[1])).toContain("&lt;!channel&gt; &amp; co");
  });

  it("end to end: what reaches Slack carries counts, not a single child's or staff name", async () => {
    const db = openDatabase(":memory:");
    seedDirectory(db);
    const names = listChildren(db, CENTER).flatMap((c) => [c.firstName, c.lastName]);
    expect(names).toHaveLength(CHILD_NAMES.length * 2);
    const bodies: string[] = [];
    server.use(
      http.post(HOOK, async ({ request }) => {
        expect(request.headers.get("content-type")).toMatch(/application\/json/);
        bodies.push(await request.text());
        return new HttpResponse("ok");
      }),
    );
    const engine = createAlertEngine({
      db,
      logger: silentLogger,
      clock: () => minutes(0),
      wallClock: () => minutes(0),
      policyFor: () => testPolicy(),
      publicUrl: "https://centerline.example",
    });
    // The evaluation names the counted staff by id; the engine must not look names up.
    engine.onStatusChange(change("violation", minutes(0)));
    const worker = createOutboxWorker({
      db,
      logger: silentLogger,
      senders: createChannelSenders({
        db,
        wallClock: () => minutes(0),
        slackWebhookUrl: HOOK,
        platformFor: () => undefined,
      }),
      wallClock: () => minutes(0),
    });
    expect((await worker.runDue()).sent).toBe(2); // in-app and Slack
    expect(bodies).toHaveLength(1);
    const body = bodies[0]!;
    for (const name of [...names, ...STAFF_NAMES.flatMap((n) => n.split(" "))]) {
      expect(body).not.toContain(name);
    }
    expect(body).toContain("5 children / 1 of 2 staff");
    expect(body).toContain("Maple St");
    expect(body).toContain("https://centerline.example/");
    expect(listOutbox(db).find((r) => r.channel === "slack")?.status).toBe("sent");
  });
});

describe("Slack sender", () => {
  const send = createSlackSender({ webhookUrlFor: () => HOOK });

  it("treats no_service (webhook revoked) as permanent", async () => {
    server.use(http.post(HOOK, () => new HttpResponse("no_service", { status: 404 })));
    const result = await send(row({ text: "x" }));
    expect(result).toMatchObject({ ok: false, retryable: false });
    if (!result.ok) expect(result.error).toMatch(/no_service/);
  });

  it("retries 429 and honours Retry-After", async () => {
    server.use(
      http.post(
        HOOK,
        () => new HttpResponse("rate_limited", { status: 429, headers: { "retry-after": "7" } }),
      ),
    );
    expect(await send(row({ text: "x" }))).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
    });
  });

  it("retries a network error", async () => {
    server.use(http.post(HOOK, () => HttpResponse.error()));
    expect(await send(row({ text: "x" }))).toMatchObject({ ok: false, retryable: true });
  });

  it("skips with a reason when no webhook is configured", async () => {
    const result = await createSlackSender({ webhookUrlFor: () => undefined })(row());
    expect(result).toMatchObject({ ok: false, skipped: true });
  });
});

describe("where a Slack webhook may point", () => {
  const hosts = [SLACK_WEBHOOK_HOST];

  it("allows only https on Slack's own host unless the operator allows others", () => {
    expect(slackUrlRefusal("https://hooks.slack.com/services/T0/B0/x", hosts)).toBeUndefined();
    expect(slackUrlRefusal("https://HOOKS.slack.com/services/T0/B0/x", hosts)).toBeUndefined();
    for (const bad of [
      "http://hooks.slack.com/services/T0/B0/x",
      "https://hooks.slack.com.evil.example/x",
      "https://169.254.169.254/latest/meta-data",
      "https://localhost:8787/api",
      "https://hooks.slack.com:8443/x",
      "https://user:pw@hooks.slack.com/x",
      "not a url",
    ]) {
      expect(slackUrlRefusal(bad, hosts), bad).toBeDefined();
    }
    expect(slackUrlRefusal("https://chat.example.org/hook", ["chat.example.org"])).toBeUndefined();
  });

  it("refuses to post to a center's webhook on another host, and trusts the operator's own", async () => {
    let posted = 0;
    server.use(
      http.post("http://10.0.0.5/internal", () => {
        posted++;
        return HttpResponse.text("ok");
      }),
    );
    const send = (trustedUrls: string[]) =>
      createSlackSender({
        webhookUrlFor: () => "http://10.0.0.5/internal",
        allowedHosts: hosts,
        trustedUrls,
      })(row());
    const refused = await send([]);
    expect(refused).toMatchObject({ ok: false, retryable: false });
    expect(refused.ok ? "" : refused.error).toMatch(/must be https:\/\/hooks\.slack\.com/);
    expect(posted).toBe(0);
    expect((await send(["http://10.0.0.5/internal"])).ok).toBe(true);
    expect(posted).toBe(1);
  });
});
