/**
 * @module
 * Timecards through the whole service: the sandbox's Procare timecards (played up to the moment
 * before the day's last clock-out, so that person's card is still open past the end of their
 * shift), the missed punch found with its evidence, its fix proposed as a payroll correction,
 * approved by a director and written back to the platform exactly once, and the pay period's
 * payroll CSV listing it as resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantToZoned } from "../src/domain/time.js";
import { startTestService, type TestService } from "./support/service.js";
import { type TestUser, userWithToken } from "./support/users.js";

let t: TestService;
let centerId: string;
let director: TestUser;
let assistant: TestUser;
let closer: string;
let date: string;

beforeAll(async () => {
  t = await startTestService();
  // The sandbox's staff always punch out; here the day's last person to leave has their shift
  // re-scheduled (as a director might) to end an hour before they leave, and the clock stops just
  // before their clock-out: an open timecard well past its shift's end.
  const center = t.sandbox.world.centers.find((c) => c.provider === "procare")!;
  centerId = center.id;
  date = t.sandbox.date;
  const last = t.sandbox.plan.events
    .filter((e) => e.centerId === centerId && e.kind === "staff.clocked_out")
    .reduce((a, e) => (e.at > a.at ? e : a));
  if (last.kind !== "staff.clocked_out") throw new Error("no clock-out");
  closer = last.staffId;
  const person = center.staff.find((s) => s.id === closer)!;
  person.duty.end = instantToZoned(
    new Date(Date.parse(last.at) - 60 * 60_000),
    center.timeZone,
  ).time;
  director = await userWithToken(t, { email: "d@tc.example", role: "director", centerId });
  assistant = await userWithToken(t, {
    email: "ad@tc.example",
    role: "assistant_director",
    centerId,
  });
  t.sandbox.advanceTo(new Date(Date.parse(last.at) - 1000));
});

afterAll(async () => {
  await t?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
async function json(user: TestUser, path: string, init?: RequestInit): Promise<any> {
  const res = await user.api(path, init);
  expect(res.status, path).toBe(200);
  return res.json();
}

const range = () => `from=${date}&to=${date}`;
const corrections = () =>
  t.sandbox.outbox().filter((e) => e.kind === "timecard_correction" && e.body.staff_id === closer);

describe("timecard exceptions and payroll corrections", () => {
  let approvalId: number;

  it("finds the open timecard past its shift as a missed clock-out, with evidence and a fix", async () => {
    const body = await json(director, `/api/centers/${centerId}/timecards/exceptions?${range()}`);
    const missed = body.exceptions.filter(
      (e: { kind: string; staffId: string }) =>
        e.kind === "missing_clock_out" && e.staffId === closer,
    );
    expect(missed).toHaveLength(1);
    expect(missed[0].evidence.timecardIds).toHaveLength(1);
    expect(missed[0].evidence.shiftId).not.toBeNull();
    expect(missed[0].correction).toMatchObject({ field: "clockOut", requiresApproval: true });
    expect(missed[0].approvals).toEqual([]);
    const bad = await director.api(
      `/api/centers/${centerId}/timecards/exceptions?from=${date}&to=2020-01-01`,
    );
    expect(bad.status).toBe(400);
  });

  it("proposes the fix once, lets only a director approve it, and writes it back exactly once", async () => {
    const path = `/api/centers/${centerId}/timecards/corrections?${range()}`;
    const first = await json(director, path, { method: "POST" });
    const mine = first.proposals.filter(
      (p: { exception: { staffId: string; kind: string } }) =>
        p.exception.staffId === closer && p.exception.kind === "missing_clock_out",
    );
    expect(mine).toHaveLength(1);
    approvalId = mine[0].approvalId;
    const again = await json(director, path, { method: "POST" });
    expect(again.proposals.map((p: { approvalId: number }) => p.approvalId)).toEqual(
      first.proposals.map((p: { approvalId: number }) => p.approvalId),
    );

    const shown = await json(director, `/api/approvals/${approvalId}`);
    expect(shown).toMatchObject({ kind: "payroll_correction", state: "pending" });
    const decide = (user: TestUser) =>
      user.api(`/api/approvals/${approvalId}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contentHash: shown.contentHash, action: "approve" }),
      });
    expect((await decide(assistant)).status).toBe(403);
    expect((await decide(director)).status).toBe(200);
    expect((await decide(director)).status).toBe(409);

    const end = Date.now() + 5_000;
    while ((await json(director, `/api/approvals/${approvalId}`)).state !== "executed") {
      if (Date.now() > end) throw new Error("correction never executed");
      await t.service.alerting.tick();
      await new Promise((r) => setTimeout(r, 20));
    }
    // More ticks and a re-proposal change nothing: one correction on the platform.
    await t.service.alerting.tick();
    await t.service.alerting.tick();
    await json(director, path, { method: "POST" });
    expect(corrections()).toHaveLength(1);
    expect(corrections()[0]!.body).toMatchObject({
      timecard_id: shown.platformCall.timecardId,
    });
  });

  it("lists the exception as resolved in the payroll CSV once written back", async () => {
    const res = await director.api(
      `/api/centers/${centerId}/timecards/payroll?${range()}&format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = (await res.text()).trimEnd().split("\r\n");
    expect(rows[0]).toMatch(/^staff_id,staff,date,timecards,worked_hours/);
    const row = rows.find((r) => r.startsWith(`${closer},`));
    expect(row).toContain("missing_clock_out");
    expect(row).toContain("corrected on the platform");
    const sheet = await json(director, `/api/centers/${centerId}/timecards/payroll?${range()}`);
    expect(sheet.lines.length).toBeGreaterThan(1);
  });
});
