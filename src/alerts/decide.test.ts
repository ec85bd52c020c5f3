import { describe, expect, it } from "vitest";
import type { AlertRow } from "../storage/alerts.js";
import { decide, decideTick, levelTargets, targetKey, targetsOf } from "./decide.js";
import { change, minutes, testPolicy } from "./fixtures.js";

const policy = testPolicy();

/** The row `decide` would have opened, as the store returns it. */
function stored(over: Partial<AlertRow> = {}): AlertRow {
  const [open] = decide([], change("violation", minutes(0)), policy);
  if (open?.type !== "open") throw new Error("expected an open action");
  return {
    id: 1,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedSeverity: null,
    escalationLevel: 0,
    severityEscalations: 0,
    escalatedAt: null,
    escalationDueAt: null,
    resolvingSince: null,
    resolvedAt: null,
    resolution: null,
    reopenCount: 0,
    violationId: null,
    shadow: false,
    inAppDeliveredAt: null,
    ...open.alert,
    ...over,
  } as AlertRow;
}

describe("decide", () => {
  it("does nothing for a room that is ok and has no alert", () => {
    expect(decide([], change("ok", minutes(0)), policy)).toEqual([]);
  });

  it("opens with the rule's targets and arms escalation N business minutes later", () => {
    const [action] = decide([], change("violation", minutes(0)), policy);
    expect(action?.type).toBe("open");
    if (action?.type !== "open") return;
    expect(action.notify?.targets.map(targetKey)).toEqual(["in_app:*", "slack:*"]);
    expect(action.alert.escalationDueAt).toBe(minutes(10).toISOString());
  });

  it("ignores a change older than what the alert already saw", () => {
    const alert = stored({ lastStatusAt: minutes(5).toISOString() });
    expect(decide([alert], change("ok", minutes(3)), policy)).toEqual([]);
  });

  it("guards every update with the state and time it read (compare-and-set)", () => {
    const alert = stored();
    const [action] = decide([alert], change("ok", minutes(1)), policy);
    expect(action).toMatchObject({
      type: "update",
      guard: { state: "open", lastStatusAt: alert.lastStatusAt },
      patch: { state: "resolving", resolvingSince: minutes(1).toISOString() },
      notify: null,
    });
  });

  it("does not escalate before the due time, nor an acknowledged alert", () => {
    const due = stored({ escalationDueAt: minutes(10).toISOString() });
    expect(decideTick(due, policy, minutes(9))).toBeNull();
    expect(decideTick(due, policy, minutes(10))?.notify?.event).toBe("escalated");
    const acked = stored({
      escalationDueAt: minutes(10).toISOString(),
      acknowledgedAt: minutes(2).toISOString(),
      acknowledgedSeverity: "violation",
    });
    expect(decideTick(acked, policy, minutes(10))).toMatchObject({
      patch: { escalationDueAt: null },
      notify: null,
    });
  });

  it("expands person channels per role and room channels once", () => {
    expect(
      targetsOf({
        channels: ["in_app", "sms", "slack"],
        roles: ["director", "assistant_director"],
      }).map(targetKey),
    ).toEqual(["in_app:*", "sms:director", "sms:assistant_director", "slack:*"]);
    expect(levelTargets(policy, "critical").map(targetKey)).toEqual([
      "in_app:*",
      "slack:*",
      "sms:director",
      "sms:assistant_director",
    ]);
  });
});
