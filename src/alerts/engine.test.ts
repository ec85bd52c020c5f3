import { describe, expect, it, vi } from "vitest";
import { silentLogger } from "../logging/index.js";
import type { RatioStatus } from "../rules/evaluation.js";
import {
  insertAlert,
  listAlerts,
  listOpenAlerts,
  putAlertPolicy,
  updateAlert,
} from "../storage/alerts.js";
import { type Db, openDatabase } from "../storage/db.js";
import { listOutbox } from "../storage/outbox.js";
import { putRoomStatus } from "../storage/ratio.js";
import { createAlertEngine } from "./engine.js";
import {
  ASSISTANT_PHONE,
  CENTER,
  change,
  DIRECTOR_PHONE,
  evaluationFor,
  minutes,
  ROOM,
  seedDirectory,
  testPolicy,
} from "./fixtures.js";
import { type AlertPolicy, type AlertPolicyInput, alertPolicySchema } from "./policy.js";

type Step =
  | { at: number; to: RatioStatus }
  | { at: number; tick: true }
  | { at: number; ack: "out_of_ratio" | "approaching" };

/** Plays `steps` through a fresh engine; returns every send as `qualifier channel recipient`. */
function play(steps: Step[], policyInput: AlertPolicyInput = {}, opts = { shadowMode: false }) {
  const db = openDatabase(":memory:");
  let now = minutes(0);
  const policy: AlertPolicy = testPolicy(policyInput);
  const engine = createAlertEngine({
    db,
    logger: silentLogger,
    clock: () => now,
    wallClock: () => now,
    policyFor: () => policy,
    publicUrl: "https://centerline.example",
    shadowMode: opts.shadowMode,
  });
  let previous: RatioStatus | null = null;
  for (const step of steps) {
    now = minutes(step.at);
    if ("to" in step) {
      engine.onStatusChange(change(step.to, now, previous));
      previous = step.to;
    } else if ("tick" in step) {
      engine.tick(now);
    } else {
      const alert = listOpenAlerts(db, CENTER, { includeShadow: true }).find(
        (a) => a.kind === step.ack,
      );
      if (!alert) throw new Error(`no open ${step.ack} alert to acknowledge`);
      const acked = engine.acknowledge(alert.id, "dana", now);
      if (!acked.ok) throw acked.error;
    }
  }
  const rows = listOutbox(db);
  const sends = rows.map((r) => {
    const qualifier = r.idempotencyKey.split(":").slice(2, -2).join(":");
    return `${qualifier} ${r.channel} ${r.recipient}`;
  });
  return { db, engine, rows, sends, alerts: listAlerts(db, CENTER).reverse() };
}

const openedViolation = ["opened in_app board", "opened slack center-webhook"];

describe("alert decisions, played through the engine", () => {
  it("opens one alert on violation and notifies the violation rule's channels", () => {
    const { sends, alerts, rows } = play([{ at: 0, to: "violation" }]);
    expect(sends).toEqual(openedViolation);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: "out_of_ratio",
      severity: "violation",
      state: "open",
      roomId: ROOM,
      escalationDueAt: minutes(10).toISOString(),
    });
    expect(rows.every((r) => r.status === "pending")).toBe(true);
  });

  it("does not duplicate on repeated violation evaluations", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 1, to: "violation" },
      { at: 2, to: "violation" },
    ]);
    expect(sends).toEqual(openedViolation);
    expect(alerts).toHaveLength(1);
  });

  it("upgrades violation → critical in place, sending only what critical adds", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 3, to: "critical" },
    ]);
    expect(sends).toEqual([
      ...openedViolation,
      `upgraded:critical sms ${DIRECTOR_PHONE}`,
      `upgraded:critical sms ${ASSISTANT_PHONE}`,
    ]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "critical", state: "open" });
  });

  it("straight to critical tells what violation would have, plus critical's own", () => {
    const { sends } = play([{ at: 0, to: "critical" }]);
    expect(sends).toEqual([
      ...openedViolation,
      `opened sms ${DIRECTOR_PHONE}`,
      `opened sms ${ASSISTANT_PHONE}`,
    ]);
  });

  it("keeps the worst severity when critical eases to violation, and sends nothing", () => {
    const { sends, alerts } = play([
      { at: 0, to: "critical" },
      { at: 1, to: "violation" },
    ]);
    expect(sends).toHaveLength(4); // the four at open, nothing on easing
    expect(alerts[0]).toMatchObject({ severity: "critical", roomStatus: "violation" });
  });

  it("flapping inside the cool-down reuses the alert and sends nothing new", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 0.5, to: "ok" },
      { at: 1, to: "violation" },
      { at: 1.5, to: "ok" },
      { at: 2, to: "violation" },
      { at: 2.5, tick: true },
    ]);
    expect(sends).toEqual(openedViolation);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "open", reopenCount: 2, resolvedAt: null });
  });

  it("resolves once after the cool-down, to the channels that were notified", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 1, to: "ok" },
      { at: 2, tick: true }, // 1 minute back in ratio: still cooling down
      { at: 3.5, tick: true },
      { at: 5, tick: true },
      { at: 6, tick: true },
    ]);
    expect(sends).toEqual([
      ...openedViolation,
      "resolved in_app board",
      "resolved slack center-webhook",
    ]);
    expect(alerts[0]).toMatchObject({ state: "resolved", resolvedAt: minutes(1).toISOString() });
  });

  it("resolves at once when the cool-down is 0", () => {
    const { sends, alerts } = play(
      [
        { at: 0, to: "violation" },
        { at: 1, to: "ok" },
      ],
      { coolDownMinutes: 0 },
    );
    expect(sends).toEqual([
      ...openedViolation,
      "resolved in_app board",
      "resolved slack center-webhook",
    ]);
    expect(alerts[0]?.state).toBe("resolved");
  });

  it("a relapse after the cool-down is a new episode with its own alert", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 1, to: "ok" },
      { at: 10, to: "violation" }, // no tick ran: the cool-down is finished lazily first
    ]);
    expect(sends).toEqual([
      ...openedViolation,
      "resolved in_app board",
      "resolved slack center-webhook",
      ...openedViolation,
    ]);
    expect(alerts.map((a) => a.state)).toEqual(["resolved", "open"]);
  });

  it("keeps approaching as its own alert; being superseded sends no 'resolved'", () => {
    const { sends, alerts } = play([
      { at: 0, to: "approaching" },
      { at: 1, to: "violation" },
      { at: 2, to: "ok" },
      { at: 5, tick: true },
    ]);
    expect(sends).toEqual([
      "opened in_app board",
      "opened task lead_teacher",
      ...openedViolation,
      "resolved in_app board",
      "resolved slack center-webhook",
    ]);
    expect(alerts.map((a) => [a.kind, a.state, a.resolution])).toEqual([
      ["approaching", "resolved", "superseded"],
      ["out_of_ratio", "resolved", "in_ratio"],
    ]);
  });

  it("escalates after N business minutes unacknowledged, at most once per severity", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 9.9, tick: true },
      { at: 10, tick: true },
      { at: 20, tick: true },
      { at: 45, tick: true },
    ]);
    expect(sends).toEqual([...openedViolation, `escalated:1 sms ${DIRECTOR_PHONE}`]);
    expect(alerts[0]).toMatchObject({ escalationLevel: 1, escalationDueAt: null });
  });

  it("does not escalate an acknowledged alert", () => {
    const { sends, alerts } = play([
      { at: 0, to: "violation" },
      { at: 5, ack: "out_of_ratio" },
      { at: 10, tick: true },
      { at: 30, tick: true },
    ]);
    expect(sends).toEqual(openedViolation);
    expect(alerts[0]).toMatchObject({ acknowledgedBy: "dana", escalationLevel: 0 });
  });

  it("an upgrade needs a new acknowledgement: critical escalates to both directors", () => {
    const { sends } = play([
      { at: 0, to: "violation" },
      { at: 5, ack: "out_of_ratio" },
      { at: 6, to: "critical" },
      { at: 15.9, tick: true },
      { at: 16, tick: true },
      { at: 40, tick: true },
    ]);
    expect(sends).toEqual([
      ...openedViolation,
      `upgraded:critical sms ${DIRECTOR_PHONE}`,
      `upgraded:critical sms ${ASSISTANT_PHONE}`,
      `escalated:1 sms ${DIRECTOR_PHONE}`,
      `escalated:1 sms ${ASSISTANT_PHONE}`,
    ]);
  });

  it("honours escalateAfterMinutes from the policy", () => {
    const { sends } = play(
      [
        { at: 0, to: "violation" },
        { at: 4, tick: true },
        { at: 5, tick: true },
      ],
      { escalateAfterMinutes: 5 },
    );
    expect(sends.at(-1)).toBe(`escalated:1 sms ${DIRECTOR_PHONE}`);
    expect(sends).toHaveLength(3);
  });

  it("shadow mode records every alert and send but sends nothing", () => {
    const { rows, alerts, db } = play(
      [
        { at: 0, to: "violation" },
        { at: 3, to: "critical" },
        { at: 13, tick: true },
        { at: 14, to: "ok" },
        { at: 20, tick: true },
      ],
      { shadowMode: true },
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(rows.every((r) => r.status === "shadow")).toBe(true);
    expect(alerts[0]).toMatchObject({ shadow: true, state: "resolved", escalationLevel: 1 });
    expect(listOpenAlerts(db, CENTER)).toEqual([]);
  });

  it("ALERTS_SHADOW_MODE=on puts every center in shadow mode", () => {
    const { rows, db } = play([{ at: 0, to: "violation" }], {}, { shadowMode: true });
    expect(rows.map((r) => r.status)).toEqual(["shadow", "shadow"]);
    expect(listOpenAlerts(db, CENTER)).toEqual([]);
    expect(listOpenAlerts(db, CENTER, { includeShadow: true })).toHaveLength(1);
  });

  it("a center going live mid-episode notifies the current level once", () => {
    const db = openDatabase(":memory:");
    let policy = testPolicy({ shadowMode: true });
    const engine = createAlertEngine({
      db,
      logger: silentLogger,
      clock: () => minutes(5),
      wallClock: () => minutes(5),
      policyFor: () => policy,
    });
    engine.onStatusChange(change("violation", minutes(0)));
    policy = testPolicy({ shadowMode: false });
    engine.onStatusChange(change("critical", minutes(5), "violation"));
    const live = listOutbox(db).filter((r) => r.status !== "shadow");
    expect(live.map((r) => `${r.channel} ${r.recipient}`)).toEqual([
      "in_app board",
      "slack center-webhook",
      `sms ${DIRECTOR_PHONE}`,
      `sms ${ASSISTANT_PHONE}`,
    ]);
    expect(listOpenAlerts(db, CENTER)[0]?.shadow).toBe(false);
  });

  it("records an SMS to a role with no phone as skipped, with the reason", () => {
    const { rows } = play([{ at: 0, to: "critical" }], {
      recipients: { director: [{ phone: DIRECTOR_PHONE }] },
    });
    const skipped = rows.filter((r) => r.status === "skipped");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ channel: "sms", recipient: "role:assistant_director" });
    expect(skipped[0]?.lastError).toMatch(/no phone number for role assistant_director/);
  });

  it("the store itself refuses a second live alert for the same room and kind", () => {
    const { db, alerts } = play([{ at: 0, to: "violation" }]);
    const { id: _id, ...copy } = alerts[0]!;
    expect(() => insertAlert(db, copy)).toThrow(/UNIQUE/);
    // Once resolved, the next episode may open its own.
    updateAlert(db, alerts[0]!.id, { state: "resolved" });
    expect(insertAlert(db, copy).id).toBe(2);
  });

  it("acknowledging an unknown alert is not_found", () => {
    const { engine } = play([]);
    const result = engine.acknowledge(999, "dana");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("not_found");
  });

  it("catchUp opens the alert a room's stored status calls for (crash after evaluation)", () => {
    const db = openDatabase(":memory:");
    seedDirectory(db);
    putRoomStatus(db, {
      centerId: CENTER,
      roomId: ROOM,
      status: "violation",
      since: minutes(0).toISOString(),
      openViolationId: 7,
      evaluation: evaluationFor("violation"),
      evaluatedAt: minutes(0).toISOString(),
    });
    const engine = createAlertEngine({
      db,
      logger: silentLogger,
      clock: () => minutes(1),
      wallClock: () => minutes(1),
      policyFor: () => testPolicy(),
    });
    expect(engine.tick().alerts).toHaveLength(0); // tick alone does not look at room_status
    const first = engine.catchUp();
    expect(first.alerts).toHaveLength(1);
    expect(listOpenAlerts(db, CENTER)[0]).toMatchObject({
      roomName: "Toddler A",
      violationId: 7,
      severity: "violation",
    });
    expect(listOutbox(db)).toHaveLength(2);
    // The next pass finds nothing to catch up.
    expect(engine.catchUp().alerts).toHaveLength(0);
    expect(listOutbox(db)).toHaveLength(2);
  });

  it("two engines (two instances) handling the same change open one alert and one set of sends", () => {
    const db = openDatabase(":memory:");
    const make = () =>
      createAlertEngine({
        db,
        logger: silentLogger,
        clock: () => minutes(0),
        wallClock: () => minutes(0),
        policyFor: () => testPolicy(),
      });
    const [a, b] = [make(), make()];
    a.onStatusChange(change("violation", minutes(0)));
    b.onStatusChange(change("violation", minutes(0)));
    a.tick(minutes(10));
    b.tick(minutes(10));
    expect(listAlerts(db, CENTER)).toHaveLength(1);
    expect(listOutbox(db).map((r) => r.channel)).toEqual(["in_app", "slack", "sms"]);
  });
});

/** Write transactions opened and rows changed while `fn` runs, counted on the connection. */
function writesDuring(db: Db, fn: () => void): { transactions: number; changes: number } {
  const changes = () =>
    (db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
  const spy = vi.spyOn(db.$client, "transaction");
  const before = changes();
  try {
    fn();
    return { transactions: spy.mock.calls.length, changes: changes() - before };
  } finally {
    spy.mockRestore();
  }
}

describe("ticks that change nothing write nothing", () => {
  /** A room out of ratio at minute 0, back in ratio at minute 1: cooling down until minute 3. */
  function coolingDown(policyFor?: () => AlertPolicy) {
    const db = openDatabase(":memory:");
    seedDirectory(db);
    const engine = createAlertEngine({
      db,
      logger: silentLogger,
      clock: () => minutes(0),
      wallClock: () => minutes(0),
      ...(policyFor ? { policyFor } : {}),
    });
    return { db, engine };
  }

  it("a cool-down still running takes no transaction and changes no row, tick after tick", () => {
    const { db, engine } = coolingDown(() => testPolicy());
    engine.onStatusChange(change("violation", minutes(0)));
    engine.onStatusChange(change("ok", minutes(1), "violation"));
    expect(listOpenAlerts(db, CENTER)[0]?.state).toBe("resolving");
    const quiet = writesDuring(db, () => {
      for (let s = 0; s < 60; s++) engine.tick(new Date(minutes(1).getTime() + s * 1000));
    });
    expect(quiet).toEqual({ transactions: 0, changes: 0 });
    // When the cool-down does end, the tick writes: one transaction resolves it.
    const ending = writesDuring(db, () => engine.tick(minutes(3.5)));
    expect(ending.transactions).toBe(1);
    expect(listAlerts(db, CENTER)[0]?.state).toBe("resolved");
  });

  it("a status change that changes no alert takes no transaction", () => {
    const { db, engine } = coolingDown(() => testPolicy());
    // Back to ok in a room with no live alert: nothing to open, resolve or notify.
    let touched = -1;
    const counted = writesDuring(db, () => {
      touched = engine.onStatusChange(change("ok", minutes(0), "approaching")).alerts.length;
    });
    expect(touched).toBe(0);
    expect(counted).toEqual({ transactions: 0, changes: 0 });
  });

  it("parses the stored policy once per stored value, and a change takes effect at once", () => {
    const { db, engine } = coolingDown();
    putAlertPolicy(db, CENTER, testPolicy({ coolDownMinutes: 10 }), minutes(0).toISOString());
    engine.onStatusChange(change("violation", minutes(0)));
    engine.onStatusChange(change("ok", minutes(1), "violation"));
    const parse = vi.spyOn(alertPolicySchema, "safeParse");
    try {
      for (let m = 2; m <= 5; m += 0.25) engine.tick(minutes(m));
      expect(listOpenAlerts(db, CENTER)[0]?.state).toBe("resolving"); // 10-minute cool-down
      expect(parse).toHaveBeenCalledTimes(0); // parsed when the change arrived, not per tick
      putAlertPolicy(db, CENTER, testPolicy({ coolDownMinutes: 2 }), minutes(5).toISOString());
      engine.tick(minutes(5));
      expect(parse).toHaveBeenCalledTimes(1);
      expect(listAlerts(db, CENTER)[0]?.state).toBe("resolved");
      engine.tick(minutes(6));
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});
