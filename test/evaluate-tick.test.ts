/**
 * The periodic re-evaluation touches only rooms whose status time alone can change, and still
 * misses none: a child who ages out of the infant program at local midnight, and a violation that
 * turns critical after the policy's minutes, are both caught by the tick with no event at all.
 * The tick here never evaluates a center whole (the safety net is switched off), so what catches
 * them is each room's own "look again at" time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvaluateTick, evaluateCenter, type StatusChange } from "../src/compliance/index.js";
import type { Evaluation } from "../src/rules/index.js";
import {
  getCenter,
  listChildren,
  listShifts,
  replaceShifts,
  upsertDirectory,
} from "../src/storage/directory.js";
import { listRoomStatus } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  for (const d of t.sandbox.advanceTo(new Date("2026-11-23T17:30:00Z"))) {
    expect((await t.post(d)).status).toBe(200);
  }
  t.settle();
}, 60_000);
afterAll(() => t?.stop());

function ticker() {
  const changes: StatusChange[] = [];
  const tick = createEvaluateTick(t.service.ctx.db, (_, list) => changes.push(...list), {
    fullEvery: 1_000_000,
  });
  return { changes, run: (at: string) => tick.run(() => new Date(at)) };
}

function statusOf(centerId: string, roomId: string) {
  const row = listRoomStatus(t.service.ctx.db, centerId).find((r) => r.roomId === roomId);
  return { status: row?.status, evaluation: row?.evaluation as Evaluation | undefined };
}

describe("the periodic re-evaluation", () => {
  it("turns an open violation critical after the policy's minutes, on the tick alone", async () => {
    const db = t.service.ctx.db;
    const centerId = "center_001";
    // A room needing two or more staff: breaks until it is one short make a violation, not yet
    // critical (still staffed, short by one).
    const target = listRoomStatus(db, centerId).find((r) => {
      const e = r.evaluation as Evaluation;
      return e.compliant && e.requiredStaff >= 2 && e.countedStaff >= e.requiredStaff;
    });
    expect(target).toBeDefined();
    const roomId = target?.roomId as string;
    const res = await t.api(`/api/centers/${centerId}/rooms`);
    const body = (await res.json()) as {
      rooms: { id: string; staff: { id: string; firstName: string; lastName: string }[] }[];
    };
    const staff = body.rooms.find((r) => r.id === roomId)?.staff ?? [];
    const start = t.sandbox.now();
    for (const [i, s] of staff.entries()) {
      const event = JSON.stringify({
        event_type: "staff.break_start",
        event_id: `evt_tick_break_${i}`,
        timestamp: start.toISOString(),
        center_id: centerId,
        staff: { id: s.id, first_name: s.firstName, last_name: s.lastName },
      });
      expect((await t.postRaw("procare", event)).status).toBe(200);
      t.settle();
      if (
        statusOf(centerId, roomId).status !== "ok" &&
        !statusOf(centerId, roomId).evaluation?.compliant
      )
        break;
    }
    expect(statusOf(centerId, roomId).status).toBe("violation");

    const { changes, run } = ticker();
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
    await run(at(4.9));
    expect(changes.filter((c) => c.roomId === roomId)).toEqual([]);
    await run(at(5));
    expect(changes.filter((c) => c.roomId === roomId)).toMatchObject([
      { from: "violation", to: "critical", cause: "timer" },
    ]);
  });

  it("catches a child ageing out of the infant program at local midnight, on the tick alone", async () => {
    const db = t.service.ctx.db;
    const centerId = "center_001";
    const center = getCenter(db, centerId);
    expect(center?.jurisdiction).toBe("US-CA");
    // A room with children and staff enough for them all at the infant ratio, 1 : 4.
    const room = listRoomStatus(db, centerId)
      .map((r) => ({ roomId: r.roomId, e: r.evaluation as Evaluation }))
      .find((r) => r.e.compliant && r.e.children >= 2 && r.e.countedStaff * 4 >= r.e.children);
    expect(room).toBeDefined();
    const roomId = room?.roomId as string;
    const res = await t.api(`/api/centers/${centerId}/rooms`);
    const rooms = (await res.json()) as {
      rooms: { id: string; children: { id: string }[]; staff: { id: string }[] }[];
    };
    const here = rooms.rooms.find((r) => r.id === roomId)?.children.map((c) => c.id) ?? [];
    expect(here.length).toBeGreaterThanOrEqual(2);
    // Its staff work through the night, so no shift end or break is in sight at midnight: the
    // only reason left to look at the room again then is the new date.
    const staffHere = new Set(rooms.rooms.find((r) => r.id === roomId)?.staff.map((s) => s.id));
    const today = listShifts(db, centerId, ["2026-11-23"]);
    replaceShifts(db, centerId, "2026-11-23", [
      ...today.filter((s) => !staffHere.has(s.staffId)),
      ...[...staffHere].map((staffId) => ({
        id: `night_${staffId}`,
        centerId,
        staffId,
        date: "2026-11-23",
        start: "06:00",
        end: "06:00",
        roomId,
        breaks: [],
      })),
    ]);

    // One child turns 24 months on 2026-11-24; the others are 17 months. Until midnight the
    // infant program (0–23 months) covers the whole room; from midnight no program covers both.
    const all = listChildren(db, centerId).filter((c) => here.includes(c.id));
    upsertDirectory(db, {
      center: center as NonNullable<typeof center>,
      rooms: [],
      families: [],
      staff: [],
      children: all.map((c, i) => ({
        ...c,
        birthDate: i === 0 ? "2024-11-24" : "2025-06-01",
      })),
    });
    // The directory change arrives with the next event in life; here, evaluate the room once.
    const now = t.sandbox.now();
    evaluateCenter(db, centerId, now, new Map([[roomId, "test:directory"]]));
    expect(statusOf(centerId, roomId).evaluation?.compliant).toBe(true);

    const { changes, run } = ticker();
    // 23:59 in Los Angeles: still 23 months.
    await run("2026-11-24T07:59:00Z");
    expect(statusOf(centerId, roomId).evaluation?.compliant).toBe(true);
    // 00:00:30 on the 24th: 24 months, outside the infant program's only band.
    const report = await run("2026-11-24T08:00:30Z");
    const change = changes.find((c) => c.roomId === roomId && !c.evaluation.compliant);
    expect(change, JSON.stringify(report)).toMatchObject({ to: "violation", cause: "timer" });
    expect(change?.evaluation.reasons.join()).toMatch(/24 months old, outside every age band/);
    // Only the rooms due were evaluated, never a center whole.
    expect(report?.wholeCenters).toBe(0);
  });
});
