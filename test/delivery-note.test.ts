/**
 * The board and the alerts page say which alert sends are failing, in the center's time, while
 * Slack and Twilio are down (fakes on loopback answering 500 and 429).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeSlack,
  type FakeTwilio,
  startFakeSlack,
  startFakeTwilio,
} from "./support/fake-providers.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, playUntil, violationScenario } from "./support/web.js";

let t: TestService;
let slack: FakeSlack;
let twilio: FakeTwilio;
beforeAll(async () => {
  slack = await startFakeSlack({ answer: { kind: "status", status: 500 } });
  twilio = await startFakeTwilio({ answer: { kind: "status", status: 429 } });
  t = await startTestService({
    env: {
      SLACK_WEBHOOK_URL: slack.url,
      TWILIO_ACCOUNT_SID: `AC${"2".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "test-token",
      TWILIO_FROM_NUMBER: "+15550100099",
      TWILIO_API_URL: twilio.url,
    },
  });
}, 60_000);
afterAll(async () => {
  await t?.stop();
  await slack?.close();
  await twilio?.close();
});

describe("alert delivery on the pages", () => {
  it("names the failing channel and since when, on the board and the alerts page", async () => {
    const { center, scenario } = violationScenario(t);
    await playUntil(t, Date.parse(scenario.at) + 9 * 60_000);
    const web = createWebHarness(t);
    const text = async (path: string) =>
      (await (await web.get(path, "director")).text()).replace(/<[^>]+>/g, " ");
    const sentence = /Alert #\d+ \([^)]+\): Slack failing since \d\d:\d\d/;
    const board = await text(`/centers/${center.id}`);
    expect(board).toMatch(sentence);
    const alerts = await text(`/centers/${center.id}/alerts`);
    expect(alerts).toMatch(sentence);
    // Nothing reached Slack, and nothing was given up.
    expect(slack.posts).toHaveLength(0);
    expect(board).not.toMatch(/send failed/);
  }, 120_000);
});
