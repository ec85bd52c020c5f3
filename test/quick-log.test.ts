/**
 * @module
 * A teacher's quick log posted over HTTP becomes, after the drafting tick, a pending
 * `structured_log` approval with the parsed entries (template drafter: no model key in tests).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApprovals } from "../src/storage/approvals.js";
import { listChildren, listRooms } from "../src/storage/directory.js";
import { startTestService, type TestService } from "./support/service.js";
import { type TestUser, userWithToken } from "./support/users.js";

let t: TestService;
let centerId: string;
let roomId: string;
let otherRoomId: string;
let childId: string;
let lead: TestUser;
let otherLead: TestUser;

beforeAll(async () => {
  t = await startTestService();
  const db = t.service.ctx.db;
  centerId = t.service.sandbox!.world.centers[0]!.id;
  const rooms = listRooms(db, centerId);
  const child = listChildren(db, centerId).find((c) => c.homeRoomId !== null)!;
  childId = child.id;
  roomId = child.homeRoomId!;
  otherRoomId = rooms.find((r) => r.id !== roomId)!.id;
  lead = await userWithToken(t, {
    email: "lead@quick-log.test",
    role: "lead_teacher",
    centerId,
    roomIds: [roomId],
  });
  otherLead = await userWithToken(t, {
    email: "other@quick-log.test",
    role: "lead_teacher",
    centerId,
    roomIds: [otherRoomId],
  });
});

afterAll(async () => {
  await t.stop();
});

const post = (user: TestUser, room: string, body: unknown) =>
  user.api(`/api/centers/${centerId}/rooms/${room}/quick-logs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /api/centers/{center}/rooms/{room}/quick-logs", () => {
  it("queues the log; the kicked worker leaves a pending structured_log with the parsed entries", async () => {
    const text = "napped 12:10-1:40, ate all lunch, diaper 2pm wet";
    const res = await post(lead, roomId, { text, childId });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: number };
    expect(jobId).toBeGreaterThan(0);
    const again = await post(lead, roomId, { text, childId });
    expect(((await again.json()) as { jobId: number }).jobId).toBe(jobId);

    // The route kicked the worker: no tick is needed.
    await t.service.drafting.whenIdle();
    const logs = listApprovals(t.service.ctx.db, {
      centerIds: [centerId],
      kinds: ["structured_log"],
      states: ["pending"],
    });
    expect(logs).toHaveLength(1);
    const draft = logs[0]!.draft as { childId: string; entries: { type: string }[] };
    expect(draft.childId).toBe(childId);
    expect(draft.entries.map((e) => e.type)).toEqual(["nap", "meal", "diaper"]);
  });

  it("never loses a log: words no pattern places become a pending note in the teacher's words", async () => {
    const text = "Ate all of his lunch… Wet diaper… playing with blocks. Mom says he has a cough";
    expect((await post(lead, roomId, { text, childId })).status).toBe(202);
    const only = "Please call me about the field trip form";
    expect((await post(lead, roomId, { text: only, childId })).status).toBe(202);
    await t.service.drafting.whenIdle();
    const pending = listApprovals(t.service.ctx.db, {
      centerIds: [centerId],
      kinds: ["structured_log", "note"],
      states: ["pending"],
    });
    const log = pending.find(
      (a) => a.kind === "structured_log" && (a.draft as { text: string }).text === text,
    );
    const entries = (log?.draft as { entries: { type: string; detail: string }[] } | undefined)
      ?.entries;
    expect(entries?.map((e) => e.type)).toEqual(["meal", "diaper", "activity"]);
    const notes = pending.filter((a) => a.kind === "note").map((a) => a.draft.body as string);
    expect(notes.some((b) => b.startsWith("Mom says he has a cough"))).toBe(true);
    expect(notes.some((b) => b.startsWith(only))).toBe(true);
    const noteCall = pending.find((a) => a.kind === "note")?.platformCall as { op: string };
    expect(noteCall.op).toBe("note.create");
  });

  it("refuses a lead teacher of another room, a child of another room and a bad body", async () => {
    expect((await post(otherLead, roomId, { text: "napped 1-2", childId })).status).toBe(403);
    expect((await post(otherLead, otherRoomId, { text: "napped 1-2", childId })).status).toBe(404);
    expect((await post(lead, roomId, { text: "", childId })).status).toBe(400);
    expect((await post(lead, roomId, { text: "napped 1-2" })).status).toBe(400);
  });
});
