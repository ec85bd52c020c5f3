/**
 * End to end: a whole sandbox day through the real service, with Slack and Twilio mocked at the
 * wire (msw). The day's two intended violations — the staff call-out and the uncovered break —
 * each open exactly one out-of-ratio alert for their room, each notice reaches Slack and the
 * directors' phones exactly once, and each alert resolves once when the room is back in ratio.
 * No other room goes out of ratio.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAlerts } from "../src/storage/alerts.js";
import { listPickupHolds } from "../src/storage/door.js";
import { listViolations } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";

const SLACK = "https://hooks.slack.test/services/T000/B000/centerline";
const TWILIO = "https://api.twilio.test";
const slackPosts: { text: string; body: unknown }[] = [];
const isHoldPost = (p: { text: string }) => p.text.startsWith("CRITICAL pick-up hold");
const smsPosts: { to: string; body: string }[] = [];
const msw = setupServer(
  http.post(SLACK, async ({ request }) => {
    const body = (await request.json()) as { text?: string };
    slackPosts.push({ text: body.text ?? "", body });
    return new HttpResponse("ok");
  }),
  http.post(`${TWILIO}/2010-04-01/Accounts/:sid/Messages.json`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    smsPosts.push({ to: form.get("To") ?? "", body: form.get("Body") ?? "" });
    return HttpResponse.json({ sid: `SM${smsPosts.length}`, status: "queued" }, { status: 201 });
  }),
);

let t: TestService;
beforeAll(async () => {
  // The service's own loopback calls (its sandbox APIs, webhooks) pass through untouched.
  msw.listen({ onUnhandledRequest: "bypass" });
  t = await startTestService({
    env: {
      SLACK_WEBHOOK_URL: SLACK,
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: "test-token",
      TWILIO_FROM_NUMBER: "+15550100099",
      TWILIO_API_URL: TWILIO,
    },
  });
}, 60_000);
afterAll(async () => {
  await t?.stop();
  msw.close();
});

describe("a sandbox day with alerts", () => {
  it("alerts on exactly the intended violations, once each, and resolves them", async () => {
    const { startsAt, endsAt, scenarios } = t.sandbox.plan;
    const intended = scenarios.filter(
      (s) => s.kind === "call_out_violation" || s.kind === "uncovered_break",
    );
    expect(intended.length).toBeGreaterThanOrEqual(2);

    // Step through the day a few business minutes at a time, as the timers would.
    const step = 3 * 60_000;
    for (
      let at = new Date(startsAt).getTime();
      at <= new Date(endsAt).getTime() + step;
      at += step
    ) {
      for (const d of t.sandbox.advanceTo(new Date(Math.min(at, new Date(endsAt).getTime())))) {
        expect((await t.post(d)).status).toBe(200);
      }
      t.settle();
      t.service.evaluateNow();
      await t.service.alerting.tick();
      await t.service.alerting.whenIdle();
    }

    const db = t.service.ctx.db;
    for (const center of t.sandbox.world.centers) {
      const expected = intended.filter((s) => s.centerId === center.id);
      const violations = listViolations(db, center.id);
      // Only the intended rooms went out of ratio, each once, and every violation closed.
      expect(violations.map((v) => v.roomId).sort()).toEqual(expected.map((s) => s.roomId).sort());
      expect(violations.every((v) => v.endedAt !== null)).toBe(true);
      for (const s of expected) {
        const v = violations.find((x) => x.roomId === s.roomId);
        expect(Date.parse(v?.startedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(s.at) - step);
        expect(Date.parse(v?.endedAt ?? "")).toBeLessThanOrEqual(Date.parse(s.endsAt ?? "") + step);
      }

      const outOfRatio = listAlerts(db, center.id, { from: "2000-01-01", to: "2100-01-01" }).filter(
        (a) => a.kind === "out_of_ratio",
      );
      expect(outOfRatio.map((a) => a.roomId).sort()).toEqual(expected.map((s) => s.roomId).sort());
      for (const alert of outOfRatio) {
        expect(alert.state).toBe("resolved");
        expect(alert.resolution).toBe("in_ratio");
        // One Slack message when it opened and one when it resolved, for this room only.
        const forRoom = slackPosts.filter(
          (p) => !isHoldPost(p) && JSON.stringify(p.body).includes(alert.roomName),
        );
        expect(forRoom.length, `Slack messages for ${alert.roomName}`).toBe(2);
        expect(forRoom.map((p) => p.text).join("\n")).toMatch(/resolved|back in ratio/i);
      }
    }

    // Each pick-up hold (the day's scripted unauthorized pick-ups) pages Slack once, as critical.
    const holds = t.sandbox.world.centers.flatMap((c) => listPickupHolds(db, c.id));
    expect(holds.length).toBeGreaterThan(0);
    expect(slackPosts.filter(isHoldPost)).toHaveLength(holds.length);

    // Critical (a violation open past 5 minutes) pages the director and the assistant director,
    // once per alert each; nothing is sent twice.
    const smsKeys = smsPosts.map((s) => `${s.to}|${s.body}`);
    expect(new Set(smsKeys).size).toBe(smsKeys.length);
    expect(smsPosts.length).toBeGreaterThan(0);
    // No child's name reaches Slack or SMS.
    const childNames = t.sandbox.world.centers.flatMap((c) =>
      c.children.map((k) => `${k.firstName} ${k.lastName}`),
    );
    const sent = JSON.stringify(slackPosts) + JSON.stringify(smsPosts);
    for (const name of childNames) expect(sent).not.toContain(name);
  }, 120_000);
});
