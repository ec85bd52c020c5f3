import { describe, expect, it } from "vitest";
import { verifyWebhook } from "../ingest/standard-webhooks.js";
import { webhookWire as kangarootimeWebhook } from "../platforms/kangarootime/wire.js";
import { webhookWire as procareWebhook } from "../platforms/procare/wire.js";
import { planDay } from "./script.js";
import { signDelivery, toDelivery } from "./webhooks.js";
import { createWorld, worldIndex } from "./world.js";

const DATE = "2026-11-23";
const world = createWorld({ seed: 42, centers: 4, referenceDate: DATE });
const deliveries = planDay(world, DATE).events.map((e) => toDelivery(world, e));
const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;

describe("webhook encoding", () => {
  it("produces a body every delivery's provider schema accepts", () => {
    const types = { procare: new Set<string>(), kangarootime: new Set<string>() };
    for (const d of deliveries) {
      const schema = d.provider === "procare" ? procareWebhook : kangarootimeWebhook;
      const parsed = schema.safeParse(JSON.parse(d.body));
      expect(parsed.success, `${d.event.kind}: ${d.body}`).toBe(true);
      if (parsed.success) types[d.provider].add(parsed.data.event_type);
    }
    // Every event type of both platforms is exercised in a day.
    expect(types.procare.size).toBe(procareWebhook.options.length);
    expect(types.kangarootime.size).toBe(kangarootimeWebhook.options.length);
  });

  it("uses the center's provider, verbatim ids and the event time", () => {
    const index = worldIndex(world);
    for (const d of deliveries) {
      expect(d.provider).toBe(index.centers.get(d.centerId)!.provider);
      const body = JSON.parse(d.body) as { center_id: string; timestamp: string };
      expect(body.center_id).toBe(d.centerId);
      expect(body.timestamp).toBe(d.occurredAt);
    }
  });

  it("puts world names in Procare payloads and an evt_ id matching the delivery", () => {
    const index = worldIndex(world);
    const checkIn = deliveries.find(
      (d) => d.provider === "procare" && d.event.kind === "child.checked_in",
    )!;
    const body = procareWebhook.parse(JSON.parse(checkIn.body));
    if (body.event_type !== "attendance.check_in") throw new Error("unexpected type");
    const child = index.children.get(body.child.id)!;
    expect(body.child.first_name).toBe(child.firstName);
    expect(body.child.last_name).toBe(child.lastName);
    expect(body.event_id).toBe(checkIn.eventId);
    expect(checkIn.eventId).toMatch(/^evt_[0-9a-f]{24}$/);
  });

  it("gives unique msg_ ids, and no event id for Kangarootime", () => {
    const ids = deliveries.map((d) => d.webhookId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^msg_[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(
      deliveries.filter((d) => d.provider === "kangarootime").every((d) => d.eventId === null),
    ).toBe(true);
  });

  it("signs so that the ingest verifier accepts it, and rejects a tampered body", () => {
    const d = deliveries[0]!;
    const headers = signDelivery(d, SECRET, 1_800_000_000);
    const verify = (body: string) =>
      verifyWebhook({
        headers: {
          id: headers["webhook-id"],
          timestamp: headers["webhook-timestamp"],
          signature: headers["webhook-signature"],
        },
        body,
        secrets: [SECRET],
        nowSeconds: 1_800_000_010,
        toleranceSeconds: 300,
      });
    expect(headers["webhook-id"]).toBe(d.webhookId);
    expect(verify(d.body).ok).toBe(true);
    expect(verify(d.body.replace("Z", "+00:00")).ok).toBe(false);
  });
});
