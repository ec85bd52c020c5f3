/**
 * Live ratio evaluation through the real service: an event re-evaluates the room it touched, a
 * change of status is stored with the evaluation and the event that caused it, and a violation
 * is one record from its start to its end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHistory, listViolations } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  for (const d of t.sandbox.advanceTo(new Date("2026-11-23T17:30:00Z"))) {
    expect((await t.post(d)).status).toBe(200);
  }
  t.settle();
});
afterAll(() => t.stop());

type RoomBody = {
  id: string;
  name: string;
  counts: { children: number };
  staff: { id: string; firstName: string; lastName: string; onBreak: boolean }[];
  ratio: { status: string; compliant: boolean; countedStaff: number; requiredStaff: number } | null;
};

async function rooms(centerId: string): Promise<RoomBody[]> {
  const res = await t.api(`/api/centers/${centerId}/rooms`);
  return ((await res.json()) as { rooms: RoomBody[] }).rooms;
}

const center = "center_001";
let seq = 0;
function staffEvent(
  type: "staff.break_start" | "staff.break_end",
  s: RoomBody["staff"][number],
  at: Date,
) {
  seq++;
  return JSON.stringify({
    event_type: type,
    event_id: `evt_test_${type}_${seq}`,
    timestamp: at.toISOString(),
    center_id: center,
    staff: { id: s.id, first_name: s.firstName, last_name: s.lastName },
  });
}

describe("live ratio evaluation", () => {
  it("evaluates every room with children, with the rule's arithmetic", async () => {
    const list = await rooms(center);
    const occupied = list.filter((r) => r.counts.children > 0);
    expect(occupied.length).toBeGreaterThan(2);
    for (const r of list) expect(r.ratio?.status).toMatch(/^(ok|approaching|violation|critical)$/);
  });

  it("sends every staff member of a room on break: violation opens, caused by that event; their return closes it", async () => {
    const target = (await rooms(center)).find(
      (r) => r.counts.children > 0 && r.ratio?.compliant && r.staff.every((s) => !s.onBreak),
    );
    expect(target).toBeDefined();
    const room = target as RoomBody;
    const start = new Date(t.sandbox.now().getTime() + 60_000);
    const before = listViolations(t.service.ctx.db, center).length;

    let lastEventId = "";
    for (const s of room.staff) {
      const body = staffEvent("staff.break_start", s, start);
      lastEventId = JSON.parse(body).event_id;
      expect((await t.postRaw("procare", body)).status).toBe(200);
    }
    t.settle();
    const during = (await rooms(center)).find((r) => r.id === room.id);
    expect(during?.ratio).toMatchObject({ compliant: false, status: "critical", countedStaff: 0 });

    const violations = listViolations(t.service.ctx.db, center);
    expect(violations.length).toBe(before + 1);
    const opened = violations.at(-1);
    expect(opened).toMatchObject({ roomId: room.id, endedAt: null, worstStatus: "critical" });

    const history = listHistory(t.service.ctx.db, center, room.id, "2026-01-01", "2027-01-01");
    const change = history.at(-1);
    expect(change).toMatchObject({ status: "critical", cause: `procare:${lastEventId}` });
    // With two staff the first break already breaches; either way the chain starts from compliant.
    expect(change?.previousStatus).toMatch(/^(ok|approaching|violation)$/);
    expect(
      ((change?.evaluation ?? {}) as { explanation?: string[] }).explanation?.join("\n"),
    ).toMatch(/on break/);

    const end = new Date(start.getTime() + 15 * 60_000);
    for (const s of room.staff)
      expect((await t.postRaw("procare", staffEvent("staff.break_end", s, end))).status).toBe(200);
    t.settle();
    const after = (await rooms(center)).find((r) => r.id === room.id);
    expect(after?.ratio?.compliant).toBe(true);
    const closed = listViolations(t.service.ctx.db, center).find((v) => v.id === opened?.id);
    expect(closed?.endedAt).not.toBeNull();
    const later = listHistory(t.service.ctx.db, center, room.id, "2026-01-01", "2027-01-01");
    expect(later.length).toBeGreaterThan(history.length);
    expect(later.at(-1)?.status).toMatch(/^(ok|approaching)$/);
  });

  it("records nothing new when an evaluation does not change the status", async () => {
    const db = t.service.ctx.db;
    const counts = () => listViolations(db, center).length;
    const before = counts();
    t.service.evaluateNow();
    t.service.evaluateNow();
    expect(counts()).toBe(before);
  });
});
