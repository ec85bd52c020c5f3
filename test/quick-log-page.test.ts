/**
 * @module
 * The quick-log form on a phone, through real sign-in and form posts: the board links it for the
 * rooms a person may log in, a post becomes one queued job and one pending structured log, and
 * people who may not post get nothing queued.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgentJobs } from "../src/storage/agent-jobs.js";
import { listApprovals } from "../src/storage/approvals.js";
import { listChildren, listRooms } from "../src/storage/directory.js";
import { startTestService, type TestService } from "./support/service.js";
import { createWebHarness, type WebHarness } from "./support/web.js";

let t: TestService;
let web: WebHarness;
let centerId: string;
let leadRoom: string;
let otherRoom: string;
let childId: string;

const page = (room: string) => `/centers/${centerId}/rooms/${room}/quick-log`;
const quickLogJobs = () => listAgentJobs(t.service.ctx.db, { centerId, job: "quick-log" });

beforeAll(async () => {
  t = await startTestService();
  web = createWebHarness(t);
  const db = t.service.ctx.db;
  centerId = t.service.sandbox!.world.centers[0]!.id;
  const lead = t.users.find((u) => u.role === "lead_teacher")!;
  const rooms = listRooms(db, centerId);
  leadRoom = rooms.find((r) => lead.scope.includes(r.name))!.id;
  otherRoom = rooms.find((r) => r.id !== leadRoom)!.id;
  childId = listChildren(db, centerId).find((c) => c.homeRoomId === leadRoom)!.id;
});

afterAll(async () => {
  await t.stop();
});

describe("quick log page", () => {
  it("the board links the form only for rooms the viewer may log in", async () => {
    const asLead = await (await web.get(`/centers/${centerId}`, "lead_teacher")).text();
    expect(asLead).toContain(`href="${page(leadRoom)}"`);
    expect(asLead).not.toContain(`href="${page(otherRoom)}"`);
    const asDirector = await (await web.get(`/centers/${centerId}`, "director")).text();
    expect(asDirector).toContain(`href="${page(otherRoom)}"`);
    const asAuditor = await (await web.get(`/centers/${centerId}`, "auditor")).text();
    expect(asAuditor).not.toContain("/quick-log");
  });

  it("lists the room's own children, and refuses the page to people who may not post", async () => {
    const res = await web.get(page(leadRoom), "lead_teacher");
    expect(res.status).toBe(200);
    const html = await res.text();
    const roomChildren = listChildren(t.service.ctx.db, centerId).filter(
      (c) => c.homeRoomId === leadRoom,
    );
    const picker = html.slice(
      html.indexOf('id="ql-child"'),
      html.indexOf("</select>", html.indexOf('id="ql-child"')),
    );
    expect(picker.match(/<option /g)).toHaveLength(roomChildren.length);
    for (const c of roomChildren) expect(html).toContain(`value="${c.id}"`);
    expect((await web.get(page(otherRoom), "lead_teacher")).status).toBe(403);
    expect((await web.get(page(leadRoom), "auditor")).status).toBe(403);
    expect((await web.get(page("no_such_room"), "director")).status).toBe(404);
  });

  it("a post queues one job and leaves one pending structured log; a resubmit queues nothing more", async () => {
    const text = "napped 12:05-1:35, ate half of lunch";
    const first = await web.post(page(leadRoom), { childId, text }, "lead_teacher");
    expect(first.status).toBe(303);
    const location = first.headers.get("location")!;
    expect(location).toMatch(/\?queued=\d+$/);
    const again = await web.post(page(leadRoom), { childId, text }, "lead_teacher");
    expect(again.headers.get("location")).toBe(location);
    expect(quickLogJobs()).toHaveLength(1);

    await t.service.drafting.whenIdle();
    const logs = listApprovals(t.service.ctx.db, {
      centerIds: [centerId],
      kinds: ["structured_log"],
      states: ["pending"],
    });
    expect(logs).toHaveLength(1);
    expect((logs[0]!.draft as { childId: string }).childId).toBe(childId);
    const shown = await (await web.get(location, "lead_teacher")).text();
    expect(shown).toContain("It will wait in Approvals");
    expect(shown).not.toContain("job #");
  });

  it("refuses a forged post, a child of another room, an empty text and a missing token", async () => {
    const before = quickLogJobs().length;
    const forged = await web.post(page(otherRoom), { childId, text: "napped 1-2" }, "lead_teacher");
    expect(forged.status).toBe(403);
    const auditor = await web.post(page(leadRoom), { childId, text: "napped 1-2" }, "auditor");
    expect(auditor.status).toBe(403);
    const otherChild = listChildren(t.service.ctx.db, centerId).find(
      (c) => c.homeRoomId === otherRoom,
    )!;
    const wrongChild = await web.post(
      page(leadRoom),
      { childId: otherChild.id, text: "napped 1-2" },
      "lead_teacher",
    );
    expect(wrongChild.status).toBe(400);
    expect(await wrongChild.text()).toContain("not in this room");
    const empty = await web.post(page(leadRoom), { childId, text: "   " }, "lead_teacher");
    expect(empty.status).toBe(400);
    const noToken = await web.post(
      page(leadRoom),
      { childId, text: "napped 2-3", _csrf: "" },
      "lead_teacher",
    );
    expect(noToken.status).toBe(403);
    expect(quickLogJobs()).toHaveLength(before);
  });
});
