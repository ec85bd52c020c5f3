/**
 * Webhook ingest through real HTTP: signatures, dedupe, out-of-order delivery, and every class of
 * malformed input getting its 4xx with nothing stored as an event.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSecret } from "../src/ingest/standard-webhooks.js";
import { roomStates } from "../src/live/index.js";
import type { SandboxDelivery } from "../src/sandbox/index.js";
import { listRejected } from "../src/storage/inbox.js";
import { startTestService, type TestService } from "./support/service.js";
import { counts, liveSnapshot, sortedTruth } from "./support/state.js";

let t: TestService;
let morning: SandboxDelivery[];

beforeAll(async () => {
  t = await startTestService();
  // Up to 09:00 in Los Angeles: both centers have staff in and children arriving.
  morning = t.sandbox.advanceTo(new Date("2026-11-23T17:00:00Z"));
});
afterAll(() => t.stop());

const now = () => Math.floor(Date.now() / 1000);
const procareCheckIn = () =>
  morning.find((d) => d.provider === "procare" && d.event.kind === "child.checked_in")!;
const kangarooCheckIn = () =>
  morning.find((d) => d.provider === "kangarootime" && d.event.kind === "child.checked_in")!;

describe("signatures", () => {
  it("refuses a bad, expired or missing signature with 401 and stores nothing", async () => {
    const d = procareCheckIn();
    const before = counts(t.service.ctx.db);
    const wrong = await t.post(d, { secret: generateSecret() });
    const expired = await t.post(d, { nowSeconds: now() - 301 });
    const future = await t.post(d, { nowSeconds: now() + 301 });
    const unsigned = await fetch(`${t.service.url}/webhooks/procare`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: d.body,
    });
    expect([wrong.status, expired.status, future.status, unsigned.status]).toEqual([
      401, 401, 401, 401,
    ]);
    expect(wrong.body).toMatchObject({ error: { code: "invalid_signature" } });
    expect(expired.body).toMatchObject({ error: { message: expect.stringMatching(/tolerance/) } });
    expect(counts(t.service.ctx.db)).toEqual(before);
  });

  it("refuses a body altered after signing", async () => {
    const d = kangarooCheckIn();
    const headers = t.sandbox.signDelivery(d, t.secrets.kangarootime, now());
    const res = await fetch(`${t.service.url}/webhooks/kangarootime`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: d.body.replace(/"room_id":"[^"]+"/, '"room_id":"ROOM_OTHER"'),
    });
    expect(res.status).toBe(401);
  });

  it("accepts both the current and the previous secret during rotation", async () => {
    const previous = generateSecret();
    const rotated = await startTestService({
      secrets: { procare: generateSecret(), kangarootime: generateSecret() },
    });
    try {
      // Rotation: the service holds [new, previous]; a sender still on `previous` keeps working.
      rotated.service.ctx.webhookSecrets.procare = [rotated.secrets.procare, previous];
      const deliveries = rotated.sandbox.advanceTo(new Date("2026-11-23T16:00:00Z"));
      const [a, b] = deliveries.filter((d) => d.provider === "procare");
      expect((await rotated.post(a!, { secret: previous })).status).toBe(200);
      expect((await rotated.post(b!)).status).toBe(200);
      expect((await rotated.post(b!, { secret: generateSecret() })).status).toBe(401);
    } finally {
      await rotated.stop();
    }
  });
});

describe("delivery", () => {
  it("accepts a signed event, then answers a redelivery 200 duplicate and changes nothing", async () => {
    const d = procareCheckIn();
    const first = await t.post(d);
    expect(first).toEqual({ status: 200, body: { status: "accepted", eventId: d.eventId } });
    t.settle();
    const after = counts(t.service.ctx.db);
    const again = await t.post(d);
    const withNewWebhookId = await t.post({ ...d, webhookId: `${d.webhookId}-retry` });
    t.settle();
    expect(again.body).toEqual({ status: "duplicate", eventId: d.eventId });
    // Procare's own event id dedupes even when the sender mints a new webhook-id.
    expect(withNewWebhookId.body.status).toBe("duplicate");
    expect(counts(t.service.ctx.db)).toEqual(after);
  });

  it("dedupes Kangarootime deliveries (no event id in the payload) on webhook-id", async () => {
    const d = kangarooCheckIn();
    expect((await t.post(d)).body).toEqual({ status: "accepted", eventId: d.webhookId });
    expect((await t.post(d)).body).toEqual({ status: "duplicate", eventId: d.webhookId });
  });

  it("reaches the sandbox's truth whatever order the morning's events arrive in", async () => {
    // Reversed order is the worst case: every older event arrives after every newer one.
    for (const d of [...morning].reverse()) {
      const res = await t.post(d);
      expect(res.status).toBe(200);
    }
    t.settle();
    for (const center of t.sandbox.world.centers) {
      expect(liveSnapshot(t.service.ctx.db, center.id)).toEqual(
        sortedTruth(t.sandbox.truth(center.id)),
      );
    }
    const rooms = roomStates(t.service.ctx.db, "center_001");
    expect(rooms.reduce((n, r) => n + r.counts.children, 0)).toBeGreaterThan(10);
  });
});

describe("malformed input", () => {
  const base = () => JSON.parse(procareCheckIn().body) as Record<string, unknown>;
  const cases: {
    name: string;
    provider: "procare" | "kangarootime";
    body: () => string;
    status: number;
    code: string;
    field?: string;
  }[] = [
    {
      name: "bad JSON",
      provider: "procare",
      body: () => "{not json",
      status: 400,
      code: "bad_request",
    },
    {
      name: "unknown event type",
      provider: "procare",
      body: () => JSON.stringify({ ...base(), event_type: "attendance.teleported" }),
      status: 422,
      code: "unknown_event_type",
      field: "event_type",
    },
    {
      name: "missing field",
      provider: "procare",
      body: () => {
        const b = base();
        const { room_id: _drop, ...child } = b.child as Record<string, unknown>;
        return JSON.stringify({ ...b, event_id: "evt_missing_room", child });
      },
      status: 422,
      code: "invalid_payload",
      field: "child.room_id",
    },
    {
      name: "unknown center",
      provider: "procare",
      body: () => JSON.stringify({ ...base(), event_id: "evt_u1", center_id: "center_999" }),
      status: 422,
      code: "unknown_reference",
      field: "center_id",
    },
    {
      name: "unknown room",
      provider: "procare",
      body: () => {
        const b = base();
        return JSON.stringify({
          ...b,
          event_id: "evt_u2",
          child: { ...(b.child as object), room_id: "room_999" },
        });
      },
      status: 422,
      code: "unknown_reference",
      field: "child.room_id",
    },
    {
      name: "unknown child",
      provider: "procare",
      body: () => {
        const b = base();
        return JSON.stringify({
          ...b,
          event_id: "evt_u3",
          child: { ...(b.child as object), id: "child_999" },
        });
      },
      status: 422,
      code: "unknown_reference",
      field: "child.id",
    },
    {
      name: "unknown staff (Kangarootime)",
      provider: "kangarootime",
      body: () =>
        JSON.stringify({
          event_type: "staff_clock_in",
          timestamp: "2026-11-23T14:00:00Z",
          center_id: "CTR_002",
          staff_id: "STF_999",
          room_id: null,
        }),
      status: 422,
      code: "unknown_reference",
      field: "staff_id",
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} ${c.code}, kept for inspection, nothing stored as an event`, async () => {
      const db = t.service.ctx.db;
      const before = counts(db);
      const body = c.body();
      const res = await t.postRaw(c.provider, body);
      expect(res.status).toBe(c.status);
      expect(res.body).toMatchObject({ error: { code: c.code } });
      if (c.field) {
        expect((res.body.error as { details: { field: string } }).details.field).toBe(c.field);
        expect((res.body.error as { message: string }).message).toContain(c.field);
      }
      t.settle();
      expect(counts(db)).toEqual({ ...before, rejected: before.rejected + 1 });
      expect(listRejected(db, 1000).at(-1)).toMatchObject({
        code: c.code,
        body,
        provider: c.provider,
      });
    });
  }

  it("an unknown provider is a 404, not a 5xx", async () => {
    const res = await fetch(`${t.service.url}/webhooks/brightwheel`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
  });
});
