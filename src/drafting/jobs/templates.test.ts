import { describe, expect, it } from "vitest";
import { assessLatePickup, latePickupPolicySchema } from "../../rules/index.js";
import { incidentInput, latePickupInput } from "../inputs.js";
import { incidentTriageJob } from "./incident-triage.js";
import { latePickupJob } from "./late-pickup.js";
import { reviewSummaryJob } from "./review-summary.js";

const LA = "America/Los_Angeles";
const center = { name: "Maple Street Center", jurisdiction: "US-CA", timeZone: LA };
const child = { id: "c1", firstName: "Ava", lastName: "Nightingale", homeRoomId: "r1" };
const subject = {
  center,
  child,
  family: { id: "f1", name: "The Nightingale Family" },
  room: { id: "r1", name: "Sunflowers" },
};
const policy = latePickupPolicySchema.parse({
  closesAt: "18:00",
  graceMinutes: 5,
  fee: { per: "minute", amountCents: 100 },
  capCents: 6000,
});
// 2026-11-23 18:19:30 PST
const pickup = new Date("2026-11-24T02:19:30Z");
const late = (source: "platform" | "reconciliation") =>
  latePickupInput(subject, {
    assessment: assessLatePickup(policy, pickup, LA),
    pickedUpBy: null,
    graceMinutes: 5,
    history: { windowDays: 30, earlier: [] },
    pickupTimeSource: source,
  });

describe("late pick-up template", () => {
  it("shows the time and the minutes with one rounding, on a 12-hour clock, the fee in one sentence", () => {
    const [draft] = latePickupJob.template(late("platform"), "ctr");
    const body = String(draft?.draft.body);
    expect(body).toContain("Dear Nightingale Family,");
    expect(body).toContain("the pick-up at 6:20 PM, 20 minutes after our 6:00 PM close");
    expect(body).toContain("A late fee of $20.00 applies under our late pick-up policy.");
    expect(body).not.toMatch(/×|=|18:|Dear The/);
    expect(latePickupJob.templateOnly?.(late("platform"))).toBeNull();
  });

  it("turns a check-out only reconciliation saw into a director note: no family message, no fee", () => {
    const input = late("reconciliation");
    expect(latePickupJob.templateOnly?.(input)).toBe("pickup_time_unknown");
    expect(latePickupJob.subjects(input)).toEqual([]);
    const drafts = latePickupJob.template(input, "ctr");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      kind: "task",
      platformCall: { op: "task.create", assignedTo: "director" },
    });
    const text = JSON.stringify(drafts[0]);
    expect(text).toContain("checked out by reconciliation at 6:20 PM");
    expect(text).toContain("real pick-up time is unknown");
    expect(text).not.toMatch(/\$\d|minutes after/);
  });
});

describe("incident template", () => {
  it("tells each family about its own child from the structured facts, never the report's words", () => {
    const input = incidentInput({
      center,
      incidentId: "inc1",
      room: { id: "r1", name: "Sunflowers" },
      occurredAt: "2026-11-23T18:15:00Z",
      children: [
        { childId: "c1", name: "Ava Nightingale", familyId: "f1" },
        { childId: "c2", name: "Liam Ortega", familyId: "f2" },
      ],
      reporter: { firstName: "Jo", lastName: "Park" },
      description:
        "Liam bit Ava on the arm during circle time. His mother said he has been biting at home. Ice applied.",
    });
    const drafts = incidentTriageJob.template(input, "ctr");
    expect(drafts).toHaveLength(2);
    const ava = JSON.stringify((drafts[0]!.draft as { familyNote: unknown }).familyNote);
    expect(ava).toContain("Ava");
    expect(ava).toContain("10:15 AM");
    expect(ava).not.toMatch(/Liam|mother|biting at home|circle time/);
    const liam = JSON.stringify((drafts[1]!.draft as { familyNote: unknown }).familyNote);
    expect(liam).not.toContain("Ava");
    expect(incidentTriageJob.subjects(input)).toEqual([
      { kind: "family", id: "f1", childIds: ["c1"] },
      { kind: "family", id: "f2", childIds: ["c2"] },
    ]);
  });
});

describe("review summary template", () => {
  it("says an expired credential's date without a negative count, and when the window held no shifts", () => {
    const [draft] = reviewSummaryJob.template(
      {
        centerName: "Maple",
        staffId: "s1",
        staffName: "Jo Park",
        role: "teacher",
        homeRoomId: null,
        hireDate: "2025-11-30",
        dueOn: "2026-11-30",
        daysUntil: 7,
        reviewNumber: 1,
        punctuality: { windowDays: 90, shifts: 0, onTime: 0, late: 0, missing: 0 },
        credentials: [{ type: "cpr", expiresOn: "2026-11-20", daysUntilExpiry: -3 }],
        incidentsReported: 0,
      },
      "ctr",
    );
    const summary = String(draft?.draft.summary);
    expect(summary).toContain("cpr expired November 20, 2026 (3 days ago)");
    expect(summary).toContain("No planned shifts in the last 90 days");
    expect(summary).not.toMatch(/-\d/);
  });
});
