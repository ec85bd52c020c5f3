/**
 * Every event is evaluated in order: a room out of ratio only between two events that are
 * projected in the same inbox batch still gets its violation record (opened and closed at the
 * events' own business times) and its alert; a batch that never crosses the ratio records none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveWebhook } from "../src/ingest/receive.js";
import { signWebhook } from "../src/ingest/standard-webhooks.js";
import { roomStates } from "../src/live/index.js";
import { listAlerts } from "../src/storage/alerts.js";
import { listChildren, listStaff } from "../src/storage/directory.js";
import { countInbox } from "../src/storage/inbox.js";
import { getRoomStatus, listHistory, listViolations } from "../src/storage/ratio.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService;
const center = "center_001";

beforeAll(async () => {
  t = await startTestService();
  // 06:00 in Los Angeles, before the centers open: rooms stand empty.
  for (const d of t.sandbox.advanceTo(new Date("2026-11-23T14:00:00Z"))) {
    expect((await t.post(d)).status).toBe(200);
  }
  t.settle();
});
afterAll(() => t.stop());

let n = 0;
/** Stores a signed Procare delivery in the inbox the way the route does, without projecting it. */
function receive(body: Record<string, unknown>): void {
  n++;
  const raw = JSON.stringify({ event_id: `evt_every_${n}`, center_id: center, ...body });
  const nowSeconds = Math.floor(Date.now() / 1000);
  const headers = signWebhook(t.secrets.procare, `msg_every_${n}`, nowSeconds, raw);
  const result = receiveWebhook(t.service.ctx.db, {
    provider: "procare",
    headers: {
      id: headers["webhook-id"],
      timestamp: headers["webhook-timestamp"],
      signature: headers["webhook-signature"],
    },
    body: raw,
    secrets: [t.secrets.procare],
    toleranceSeconds: 300,
    now: new Date(nowSeconds * 1000),
  });
  expect(result.ok && result.value.status).toBe("accepted");
}

/** An empty room, a child who is not in, who may collect them, and a teacher who is not in. */
function emptyRoomSetup() {
  const db = t.service.ctx.db;
  const states = roomStates(db, center);
  const room = states.find((r) => r.counts.children === 0 && r.staff.length === 0);
  expect(room).toBeDefined();
  const present = new Set(states.flatMap((r) => [...r.children, ...r.staff].map((p) => p.id)));
  const child = listChildren(db, center).find(
    (c) => !present.has(c.id) && c.authorizedPickups.length > 0,
  );
  const teacher = listStaff(db, center).find(
    (s) => !present.has(s.id) && (s.role === "teacher" || s.role === "lead_teacher"),
  );
  expect(child && teacher).toBeTruthy();
  return { room: room!, child: child!, teacher: teacher! };
}

const childWire = (c: { id: string; firstName: string; lastName: string }, roomId: string) => ({
  id: c.id,
  first_name: c.firstName,
  last_name: c.lastName,
  room_id: roomId,
});

describe("every event evaluated in order", () => {
  it("records a violation that starts and ends inside one batch, with its alert", () => {
    const db = t.service.ctx.db;
    const { room, child } = emptyRoomSetup();
    const before = listViolations(db, center).length;
    const inAt = "2026-11-23T14:00:10.000Z";
    const outAt = "2026-11-23T14:00:12.000Z";
    receive({
      event_type: "attendance.check_in",
      timestamp: inAt,
      child: childWire(child, room.id),
      checked_in_by: { staff_id: null, method: "kiosk" },
    });
    const inId = `procare:evt_every_${n}`;
    receive({
      event_type: "attendance.check_out",
      timestamp: outAt,
      child: childWire(child, room.id),
      checked_out_by: { ...child.authorizedPickups[0]!, method: "pin_pad" },
    });
    const outId = `procare:evt_every_${n}`;
    expect(countInbox(db, "pending")).toBe(2);

    t.settle(); // one drain: both rows in one batch

    expect(countInbox(db, "pending")).toBe(0);
    const violations = listViolations(db, center);
    expect(violations).toHaveLength(before + 1);
    expect(violations.at(-1)).toMatchObject({
      roomId: room.id,
      startedAt: inAt,
      endedAt: outAt,
      startCause: inId,
      endCause: outId,
    });
    const history = listHistory(db, center, room.id, inAt, "2026-11-24");
    expect(history.map((h) => [h.at, h.cause])).toEqual([
      [inAt, inId],
      [outAt, outId],
    ]);
    expect(history[0]?.status).toMatch(/^(violation|critical)$/);
    expect(history[1]?.status).toMatch(/^(ok|approaching)$/);
    // The alert path heard both changes: an out-of-ratio alert for the room, opened at the check-in.
    const alert = listAlerts(db, center).find((a) => a.roomId === room.id);
    expect(alert).toMatchObject({ kind: "out_of_ratio", openedAt: inAt });
    expect(alert?.state).not.toBe("open");
  });

  it("records nothing when no event in the batch takes the room out of ratio", () => {
    const db = t.service.ctx.db;
    const { room, child, teacher } = emptyRoomSetup();
    const before = listViolations(db, center).length;
    const staffWire = {
      id: teacher.id,
      first_name: teacher.firstName,
      last_name: teacher.lastName,
    };
    receive({
      event_type: "staff.clock_in",
      timestamp: "2026-11-23T14:01:00.000Z",
      staff: staffWire,
      room_id: room.id,
    });
    receive({
      event_type: "attendance.check_in",
      timestamp: "2026-11-23T14:01:02.000Z",
      child: childWire(child, room.id),
      checked_in_by: { staff_id: null, method: "kiosk" },
    });
    receive({
      event_type: "attendance.check_out",
      timestamp: "2026-11-23T14:01:04.000Z",
      child: childWire(child, room.id),
      checked_out_by: { ...child.authorizedPickups[0]!, method: "pin_pad" },
    });
    receive({
      event_type: "staff.clock_out",
      timestamp: "2026-11-23T14:01:06.000Z",
      staff: staffWire,
    });
    expect(countInbox(db, "pending")).toBe(4);

    t.settle();

    expect(countInbox(db, "pending")).toBe(0);
    expect(listViolations(db, center)).toHaveLength(before);
    const history = listHistory(db, center, room.id, "2026-11-23T14:01:00.000Z", "2026-11-24");
    expect(history.every((h) => h.status === "ok" || h.status === "approaching")).toBe(true);
    // Evaluated after each event, the last time at the clock-out's business time.
    expect(getRoomStatus(db, center, room.id)?.evaluatedAt).toBe("2026-11-23T14:01:06.000Z");
  });
});
