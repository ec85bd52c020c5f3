/**
 * Drafting on a sandbox day, without a model: the day's late pick-up, absences, incident and a
 * review coming due each become pending approvals drafted from templates, with the core's facts
 * (times, fee, room, severity floor); running the scans again adds nothing; and nothing reaches a
 * platform except the deterministic director notice for a high-severity incident.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/time.js";
import { formatTime } from "../src/drafting/wording.js";
import { latePickupAssessmentSchema, severitySchema } from "../src/rules/index.js";
import { addMonths } from "../src/rules/review-due.js";
import { listAgentJobs } from "../src/storage/agent-jobs.js";
import { type ApprovalRow, listApprovals } from "../src/storage/approvals.js";
import { listOutbox } from "../src/storage/outbox.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  const { startsAt, endsAt } = t.sandbox.plan;
  // Hour by hour with a drafting tick at each: absences are decided after the cut-off, and the
  // same facts seen again on later ticks must not draft twice.
  for (let at = new Date(startsAt).getTime(); ; at += 3_600_000) {
    const until = new Date(Math.min(at, new Date(endsAt).getTime()));
    for (const d of t.sandbox.advanceTo(until)) expect((await t.post(d)).status).toBe(200);
    t.settle();
    await t.service.draftNow();
    if (until.getTime() >= new Date(endsAt).getTime()) break;
  }
}, 120_000);
afterAll(() => t.stop());

const approvals = () => listApprovals(t.service.ctx.db);
const facts = (a: ApprovalRow) => (a.context as { facts: Record<string, unknown> }).facts;
const jobOf = (a: ApprovalRow) => (a.context as { job: string }).job;

describe("drafting on the sandbox day (templates, no model)", () => {
  it("drafts the late pick-up message with the minutes and the fee the policy gives", () => {
    for (const center of t.sandbox.world.centers) {
      const marker = t.sandbox.plan.scenarios.find(
        (s) => s.kind === "late_pickup" && s.centerId === center.id,
      )!;
      const drafts = approvals().filter(
        (a) => a.centerId === center.id && jobOf(a) === "late-pickup",
      );
      const mine = drafts.filter((a) => a.subject === marker.subjectId);
      expect(mine).toHaveLength(1);
      const a = mine[0]!;
      expect(a).toMatchObject({
        kind: "family_message",
        state: "pending",
        draftSource: "template",
      });
      const child = center.children.find((c) => c.id === marker.subjectId)!;
      expect(a.roomId).toBe(child.homeRoomId);
      const assessment = latePickupAssessmentSchema.parse(facts(a).assessment);
      const minutes = Math.ceil(
        (Date.parse(marker.at) - Date.parse(`${marker.at.slice(0, 10)}T00:00:00Z`)) / 60_000,
      );
      expect(assessment.late).toBe(true);
      expect(assessment.closesAt).toBe(center.closesAt);
      // The fee, worked out here from the sandbox policy: $1/minute (even centers) or $15 per
      // started 15 minutes (odd), capped at $60; minutes counted from the close.
      const m = assessment.minutesAfterClose;
      expect(m).toBeGreaterThan(5);
      expect(minutes % (24 * 60)).toBeGreaterThan(0);
      const expected = center.index % 2 === 0 ? m * 100 : Math.ceil(m / 15) * 1500;
      expect(assessment.feeCents).toBe(Math.min(expected, 6000));
      const call = a.platformCall as Record<string, unknown>;
      expect(call).toMatchObject({
        op: "message.send",
        centerId: center.id,
        familyId: child.familyId,
        childId: child.id,
      });
      expect(String(call.body)).toContain(`$${(assessment.feeCents / 100).toFixed(2)}`);
      // Times on the center's (US) 12-hour clock, the minutes counted the way the time is shown.
      const body = String(call.body);
      expect(body).toContain(formatTime(assessment.pickedUpAt, "12h"));
      expect(body).toContain(`${m} minutes after our ${formatTime(center.closesAt, "12h")} close`);
      expect(body).not.toMatch(/Dear The /);
      expect(body).not.toContain("×");
    }
  });

  it("follows up children expected today who never came, and only those", () => {
    const drafts = approvals().filter((a) => jobOf(a) === "absence-follow-up");
    expect(drafts.length).toBeGreaterThan(0);
    const checkedIn = new Set(
      t.sandbox.plan.events.filter((e) => e.kind === "child.checked_in").map((e) => e.childId),
    );
    for (const a of drafts) {
      expect(a).toMatchObject({ kind: "family_message", draftSource: "template" });
      expect(checkedIn.has(a.subject!)).toBe(false);
      expect(facts(a)).toMatchObject({ childId: a.subject, cutoff: expect.any(String) });
    }
    // Every child scheduled today who never checked in got exactly one.
    const weekday = new Date(`${t.sandbox.date}T12:00:00Z`)
      .toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" })
      .toLowerCase()
      .slice(0, 3);
    const absent = t.sandbox.world.centers.flatMap((c) =>
      c.children.filter((k) => k.schedule.some((d) => d.day === weekday) && !checkedIn.has(k.id)),
    );
    expect(drafts.map((a) => a.subject).sort()).toEqual(absent.map((k) => k.id).sort());
  });

  it("triages each incident at its severity floor and pages the director for a high one", () => {
    for (const center of t.sandbox.world.centers) {
      const marker = t.sandbox.plan.scenarios.find(
        (s) => s.kind === "incident" && s.centerId === center.id,
      )!;
      const drafts = approvals().filter(
        (a) => a.centerId === center.id && a.kind === "incident_triage",
      );
      expect(drafts).toHaveLength(1);
      const a = drafts[0]!;
      expect(a.draftSource).toBe("template");
      const floor = severitySchema.parse(facts(a).severityFloor);
      expect((a.draft as { severity: string }).severity).toBe(floor);
      expect(marker.detail).toContain(String(facts(a).description));
      const tasks = listOutbox(t.service.ctx.db).filter(
        (o) =>
          o.centerId === center.id &&
          o.channel === "task" &&
          o.idempotencyKey.startsWith("incident:"),
      );
      expect(tasks).toHaveLength(floor === "high" ? 1 : 0);
      if (floor === "high") {
        expect(tasks[0]!.recipient).toBe("director");
        // The notice carries no name and none of the teacher's text.
        const child = center.children.find(
          (c) => c.id === (facts(a).children as { childId: string }[])[0]!.childId,
        )!;
        expect(JSON.stringify(tasks[0]!.payload)).not.toContain(child.firstName);
      }
    }
  });

  it("drafts the review summary for the staff member whose review comes due", () => {
    const drafts = approvals().filter((a) => a.kind === "review_summary");
    expect(drafts).toHaveLength(t.sandbox.world.centers.length);
    for (const a of drafts) {
      expect(a.platformCall).toBeNull();
      expect(a.draftSource).toBe("template");
      const f = facts(a);
      const due = addDays(t.sandbox.world.referenceDate, 7);
      expect(f.dueOn).toBe(due);
      expect(f.hireDate).toBe(addMonths(due, -12));
    }
  });

  it("runs every job once: a further tick drafts nothing new", async () => {
    const before = approvals().length;
    const jobs = listAgentJobs(t.service.ctx.db);
    expect(jobs.every((j) => j.state === "done")).toBe(true);
    await t.service.draftNow();
    expect(approvals()).toHaveLength(before);
    expect(listAgentJobs(t.service.ctx.db)).toHaveLength(jobs.length);
  });

  it("never writes a draft to a platform: no platform sends, only director task notices", () => {
    const rows = listOutbox(t.service.ctx.db);
    expect(rows.filter((o) => o.channel === "platform")).toEqual([]);
    expect(approvals().every((a) => a.state === "pending")).toBe(true);
  });
});
