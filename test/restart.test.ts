/**
 * A crash after the 200 but before projection: the acknowledged rows are in the inbox, and the next
 * process projects them at start-up, reaching the same state as if nothing had happened.
 */
import { afterAll, describe, expect, it } from "vitest";
import { receiveWebhook } from "../src/ingest/receive.js";
import { countInbox } from "../src/storage/inbox.js";
import { startTestService, type TestService } from "./support/service.js";
import { counts, liveSnapshot, sortedTruth } from "./support/state.js";

const running: TestService[] = [];
afterAll(async () => {
  for (const s of running) await s.stop().catch(() => undefined);
});

describe("restart with unprocessed inbox rows", () => {
  it("projects rows left pending by the previous process", async () => {
    const first = await startTestService();
    running.push(first);
    const deliveries = first.sandbox.advanceTo(new Date("2026-11-23T17:30:00Z"));
    const nowSeconds = Math.floor(Date.now() / 1000);
    // Exactly what the route does on receipt, minus the kick that would project the rows.
    for (const d of deliveries) {
      const headers = first.sandbox.signDelivery(d, first.secrets[d.provider], nowSeconds);
      const receipt = receiveWebhook(first.service.ctx.db, {
        provider: d.provider,
        headers: {
          id: headers["webhook-id"],
          timestamp: headers["webhook-timestamp"],
          signature: headers["webhook-signature"],
        },
        body: d.body,
        secrets: [first.secrets[d.provider]],
        toleranceSeconds: 300,
        now: new Date(nowSeconds * 1000),
      });
      expect(receipt.ok && receipt.value.status).toBe("accepted");
    }
    const db = first.service.ctx.db;
    expect(countInbox(db, "pending")).toBe(deliveries.length);
    expect(counts(db).events).toBe(0);
    const truths = first.sandbox.world.centers.map(
      (c) => [c.id, first.sandbox.truth(c.id)] as const,
    );
    await first.stop();

    const second = await first.restart();
    running.push(second);
    const db2 = second.service.ctx.db;
    expect(countInbox(db2, "pending")).toBe(0);
    expect(countInbox(db2, "processed")).toBe(deliveries.length);
    for (const [centerId, truth] of truths) {
      expect(liveSnapshot(db2, centerId)).toEqual(sortedTruth(truth));
    }
    expect(truths.some(([, truth]) => truth.children.length > 0)).toBe(true);

    // Redelivering everything after the restart changes nothing.
    const before = counts(db2);
    for (const d of deliveries.slice(0, 20))
      expect((await second.post(d)).body.status).toBe("duplicate");
    second.settle();
    expect(counts(db2)).toEqual(before);
  });
});
