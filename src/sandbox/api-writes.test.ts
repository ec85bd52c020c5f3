import { describe, expect, it } from "vitest";
import { createSandbox } from "./sandbox.js";

const sb = createSandbox({ date: "2026-11-23", centers: 2, apiKey: "test-key" });
const procare = sb.world.centers[0]!;
const kangarootime = sb.world.centers[1]!;

function post(path: string, body: unknown, key?: string) {
  return sb.api.request(path, {
    method: "POST",
    headers: {
      authorization: "Bearer test-key",
      "content-type": "application/json",
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe("the fake platforms' approval writes", () => {
  it("a repeated Idempotency-Key gets the same record and is recorded once", async () => {
    const child = procare.children[0]!;
    const body = {
      center_id: procare.id,
      family_id: child.familyId,
      child_id: child.id,
      subject: "Hello",
      body: "A note from the center.",
    };
    const first = await post("/sandbox/procare/api/v1/messages", body, "key-1");
    const again = await post("/sandbox/procare/api/v1/messages", body, "key-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [(await first.json()) as { id: string }, (await again.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(sb.outbox().filter((e) => e.idempotencyKey === "key-1")).toHaveLength(1);

    const changed = await post(
      "/sandbox/procare/api/v1/messages",
      { ...body, body: "other" },
      "key-1",
    );
    expect(changed.status).toBe(409);
  });

  it("refuses records of another center, and records the corrected timecard's id", async () => {
    const foreign = kangarootime.staff[0]!;
    const correction = {
      center_id: procare.id,
      staff_id: foreign.id,
      clock_in: "2026-11-23T14:00:00Z",
      clock_out: null,
      reason: "missed punch",
    };
    const wrong = await post(
      "/sandbox/procare/api/v1/timecards/tc_9/corrections",
      correction,
      "k2",
    );
    expect(wrong.status).toBe(404);
    const own = { ...correction, staff_id: procare.staff[0]!.id };
    const ok = await post("/sandbox/procare/api/v1/timecards/tc_9/corrections", own, "k3");
    expect(ok.status).toBe(201);
    expect(sb.outbox().find((e) => e.idempotencyKey === "k3")).toMatchObject({
      kind: "timecard_correction",
      body: { timecard_id: "tc_9", staff_id: procare.staff[0]!.id },
    });
  });

  it("validates Kangarootime's own shapes", async () => {
    const child = kangarootime.children[0]!;
    const report = {
      center_id: kangarootime.id,
      child_id: child.id,
      activities: [{ kind: "nap", started_at: "2026-11-23T19:00:00Z", ended_at: null, note: "" }],
    };
    expect((await post("/sandbox/kangarootime/api/v1/daily_reports", report, "k4")).status).toBe(
      201,
    );
    const procareShape = { center_id: kangarootime.id, child_id: child.id, entries: [] };
    const bad = await post("/sandbox/kangarootime/api/v1/daily_reports", procareShape, "k5");
    expect(bad.status).toBe(400);
  });
});
