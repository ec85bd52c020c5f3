import { describe, expect, it } from "vitest";
import { type AlertPolicyInput, alertPolicySchema } from "../alerts/policy.js";
import { createInAppSender } from "../channels/in-app.js";
import { openDatabase } from "../storage/db.js";
import type { PickupHoldRow } from "../storage/door.js";
import { listOutbox } from "../storage/outbox.js";
import { enqueueHoldAlert, holdOutboxRows, holdSmsBody } from "./hold-alert.js";
import { holdWhatHappened } from "./hold-words.js";

const DIRECTOR = "+15550000001";
const ASSISTANT = "+15550000002";

const hold: PickupHoldRow = {
  id: 7,
  centerId: "ctr_maple",
  childId: "ch_maya",
  roomId: "rm_toddler_a",
  eventId: "procare:evt_1:0",
  eventType: "child.pickup_attempted",
  event: {},
  occurredAt: "2026-11-23T22:07:00.000Z",
  personName: "Zed Nobody",
  method: "unknown",
  decision: "not_authorized",
  reason: "Zed Nobody is not on the child's authorized pick-up list",
  nearMatches: [],
  state: "open",
  outcome: null,
  releasedBy: null,
  releasedByName: null,
  releasedAt: null,
  releaseReason: null,
  createdAt: "2026-11-23T22:07:01.000Z",
};
const notice = { centerName: "Maple Street", roomName: "Toddler A", localTime: "16:07" };
const phones = {
  director: [{ name: "Dana Director", phone: DIRECTOR }],
  assistant_director: [{ name: "Avery Assistant", phone: ASSISTANT }],
};
const rowsFor = (policy: AlertPolicyInput) =>
  holdOutboxRows(hold, notice, alertPolicySchema.parse(policy));
const sends = (policy: AlertPolicyInput) =>
  rowsFor(policy).map((r) => `${r.idempotencyKey} ${r.status}`);

describe("a pick-up hold's pages follow the center's critical alert policy", () => {
  it("by default: in-app, Slack, SMS to the director and assistant director, a director task", () => {
    expect(sends({ recipients: phones })).toEqual([
      "pickup-hold:7:in_app:board pending",
      "pickup-hold:7:slack:center-webhook pending",
      `pickup-hold:7:sms:${DIRECTOR} pending`,
      `pickup-hold:7:sms:${ASSISTANT} pending`,
      "pickup-hold:7:task:director pending",
    ]);
  });

  it("a center that pages critical alerts only by SMS to its director gets no Slack", () => {
    const only = { channels: ["sms" as const], roles: ["director" as const] };
    expect(
      sends({ recipients: phones, rules: { approaching: only, violation: only, critical: only } }),
    ).toEqual([`pickup-hold:7:sms:${DIRECTOR} pending`, "pickup-hold:7:task:director pending"]);
  });

  it("a role without a phone is recorded as skipped with the reason, not dropped", () => {
    const rows = rowsFor({ recipients: { director: [{ name: "Dana" }] } });
    const sms = rows.filter((r) => r.channel === "sms");
    expect(sms.map((r) => [r.recipient, r.status])).toEqual([
      ["role:director", "skipped"],
      ["role:assistant_director", "skipped"],
    ]);
    expect(sms[0]!.lastError).toContain("no phone number for role director");
  });

  it("one person in two roles is paged once", () => {
    const same = { director: [{ phone: DIRECTOR }], assistant_director: [{ phone: DIRECTOR }] };
    expect(rowsFor({ recipients: same }).filter((r) => r.channel === "sms")).toHaveLength(1);
  });

  it("in shadow mode every page is recorded and none is sent", () => {
    expect(new Set(rowsFor({ recipients: phones, shadowMode: true }).map((r) => r.status))).toEqual(
      new Set(["shadow"]),
    );
  });

  it("SMS, Slack and the platform task carry no name; the in-app notice points at the hold", () => {
    const rows = rowsFor({ recipients: phones });
    for (const row of rows.filter((r) => r.channel !== "in_app")) {
      const text = JSON.stringify(row.payload);
      expect(text).not.toContain("Zed");
      expect(text).not.toContain("Maya");
    }
    expect(rows.find((r) => r.channel === "in_app")!.payload).toMatchObject({ holdId: 7 });
    const slack = rows.find((r) => r.channel === "slack")!.payload as { text: string };
    expect(slack.text).toContain("CRITICAL pick-up hold at Maple Street (Toddler A, 16:07)");
    expect(holdSmsBody(hold, notice)).toContain(
      "a person not on the authorized pick-up list asked to collect a child",
    );
  });
});

describe("a hold's in-app notice", () => {
  it("is delivered by telling open pages to refresh, once per hold", async () => {
    const db = openDatabase(":memory:");
    const at = "2026-11-23T22:07:01.000Z";
    expect(enqueueHoldAlert(db, hold, notice, at).length).toBeGreaterThan(0);
    // The same hold enqueued again (a redelivered event) pages nobody twice.
    expect(enqueueHoldAlert(db, hold, notice, at)).toEqual([]);
    const delivered: unknown[] = [];
    const send = createInAppSender({
      db,
      wallClock: () => new Date(at),
      onDelivered: (d) => delivered.push(d),
    });
    const inApp = listOutbox(db).find((r) => r.channel === "in_app")!;
    expect(await send(inApp)).toMatchObject({ ok: true });
    expect(delivered).toEqual([
      { centerId: hold.centerId, alertId: null, holdId: 7, event: "hold_opened" },
    ]);
    // A row that is neither an alert's nor a hold's is refused, not silently "sent".
    expect(await send({ ...inApp, payload: {}, idempotencyKey: "other:1" })).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});

describe("a hold in the director's words", () => {
  it("names the person and the child for each kind of hold", () => {
    expect(holdWhatHappened(hold, "Maya")).toBe(
      "Zed Nobody asked to collect Maya and is not on the authorized pick-up list",
    );
    expect(
      holdWhatHappened({ ...hold, eventType: "child.checked_out", decision: "restricted" }, "Maya"),
    ).toBe("Maya was checked out to Zed Nobody, who is under a custody restriction");
    expect(holdWhatHappened({ ...hold, decision: "unidentified", personName: null }, "Maya")).toBe(
      "Maya was checked out in the platform without naming who collected them",
    );
  });
});
