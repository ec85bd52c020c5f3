import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as kt from "../platforms/kangarootime/wire.js";
import * as pc from "../platforms/procare/wire.js";
import { PAGE_SIZE } from "./api-common.js";
import { createSandbox } from "./sandbox.js";

const DATE = "2026-11-23";
// 10:00 in Los Angeles, 12:00 in Chicago, 13:00 in New York: everyone busy.
const MID_MORNING = new Date("2026-11-23T18:00:00Z");
const sb = createSandbox({ date: DATE, centers: 3, apiKey: "test-key" });
const auth = { authorization: "Bearer test-key" };
const P = "/sandbox/procare/api/v1";
const K = "/sandbox/kangarootime/api/v1";

beforeAll(() => {
  sb.advanceTo(MID_MORNING);
});

async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await sb.api.request(path, { headers: auth });
  expect(res.status, path).toBe(200);
  const parsed = schema.safeParse(await res.json());
  expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
  return parsed.data as z.infer<S>;
}

const withQuery = (path: string, query: Record<string, string>) => {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}${path.includes("?") ? "&" : "?"}${qs}` : path;
};

/** Follows `next_cursor` to the end; returns the items and how many pages it took. */
async function allCursor<T extends z.ZodType>(path: string, item: T) {
  const items: z.infer<T>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { data: z.infer<T>[]; next_cursor: string | null } = await getJson(
      withQuery(path, cursor ? { cursor } : {}),
      pc.page(item),
    );
    expect(page.data.length).toBeLessThanOrEqual(PAGE_SIZE);
    items.push(...page.data);
    cursor = page.next_cursor;
    pages++;
  } while (cursor !== null && pages < 50);
  return { items, pages };
}

async function allNumbered<T extends z.ZodType>(path: string, item: T) {
  const first = await getJson(withQuery(path, { page: "1" }), kt.page(item));
  const items = [...first.items];
  for (let p = 2; p <= first.total_pages; p++) {
    const page = await getJson(withQuery(path, { page: String(p) }), kt.page(item));
    expect(page.page).toBe(p);
    items.push(...page.items);
  }
  return { items, pages: first.total_pages };
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return sb.api.request(path, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("sandbox API authentication", () => {
  it.each([`${P}/centers`, `${K}/centers`, `${P}/attendance/current?center_id=center_001`])(
    "answers 401 without the bearer token (%s)",
    async (path) => {
      const none = await sb.api.request(path);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
      const wrong = await sb.api.request(path, { headers: { authorization: "Bearer nope" } });
      expect(wrong.status).toBe(401);
      const basic = await sb.api.request(path, { headers: { authorization: "Basic test-key" } });
      expect(basic.status).toBe(401);
    },
  );
});

describe("fake Procare API", () => {
  it("lists only Procare centers and serves each by id", async () => {
    const { items } = await allCursor(`${P}/centers`, pc.centerWire);
    expect(items.map((c) => c.id)).toEqual(["center_001", "center_003"]);
    const one = await getJson(`${P}/centers/center_003`, pc.centerWire);
    expect(one).toMatchObject({ state: "NY", time_zone: "America/New_York" });
    expect((await sb.api.request(`${P}/centers/CTR_002`, { headers: auth })).status).toBe(404);
  });

  it("pages the directory: all 60 children over 3 pages, staff, families, classrooms", async () => {
    const children = await allCursor(`${P}/children?center_id=center_001`, pc.childWire);
    expect(children.pages).toBe(3);
    expect(children.items).toHaveLength(60);
    expect(new Set(children.items.map((c) => c.id)).size).toBe(60);
    const staff = await allCursor(`${P}/employees?center_id=center_001`, pc.employeeWire);
    // The roster is sized for the state's ratios (more than two pages' worth at most).
    expect(staff.items).toHaveLength(sb.world.centers[0]!.staff.length);
    expect(staff.items.length).toBeGreaterThan(14);
    expect(staff.items.flatMap((s) => s.certifications.map((c) => c.name))).toContain(
      "Pediatric First Aid",
    );
    const families = await allCursor(`${P}/families?center_id=center_001`, pc.familyWire);
    expect(families.pages).toBe(2);
    expect(families.items.length).toBe(sb.world.centers[0]!.families.length);
    const rooms = await allCursor(`${P}/centers/center_001/classrooms`, pc.classroomWire);
    expect(rooms.items.map((r) => r.age_group)).toEqual([
      "infant",
      "toddler",
      "twos",
      "preschool",
      "school_age",
    ]);
  });

  it("serves schedules for a date and timecards from the clock events so far", async () => {
    const schedules = await allCursor(
      `${P}/staff_schedules?center_id=center_001&date=${DATE}`,
      pc.staffScheduleWire,
    );
    expect(schedules.items).toHaveLength(sb.world.centers[0]!.staff.length);
    const cards = await allCursor(
      `${P}/timecards?center_id=center_001&date=${DATE}`,
      pc.timecardWire,
    );
    const present = sb.truth("center_001").staff.length;
    expect(cards.items.filter((c) => c.clock_out === null)).toHaveLength(present);
    expect(cards.items.length).toBeGreaterThanOrEqual(present);
    const missingDate = await sb.api.request(`${P}/staff_schedules?center_id=center_001`, {
      headers: auth,
    });
    expect(missingDate.status).toBe(400);
    expect(await missingDate.json()).toMatchObject({ error: { message: /date is required/ } });
  });

  it("serves current attendance and room rosters that match the truth", async () => {
    const current = await getJson(
      `${P}/attendance/current?center_id=center_001`,
      pc.currentAttendanceWire,
    );
    const truth = sb.truth("center_001");
    expect(current.as_of).toBe(MID_MORNING.toISOString());
    expect(current.data.map((d) => [d.child_id, d.room_id])).toEqual(
      truth.children.map((c) => [c.childId, c.roomId]),
    );
    let children = 0;
    let staff = 0;
    for (const room of sb.world.centers[0]!.rooms) {
      const roster = await getJson(`${P}/rooms/${room.id}/roster`, pc.roomRosterWire);
      expect(roster.room_id).toBe(room.id);
      children += roster.children.length;
      staff += roster.staff.length;
    }
    expect(children).toBe(truth.children.length);
    expect(staff).toBe(truth.staff.filter((s) => s.roomId !== null).length);
    expect((await sb.api.request(`${P}/rooms/ROOM_201/roster`, { headers: auth })).status).toBe(
      404,
    );
  });

  it("replays played events, withheld ones included, as webhook payloads since an instant", async () => {
    const all = await allCursor(`${P}/attendance/events?center_id=center_001`, pc.webhookWire);
    const played = sb.played().filter((d) => d.centerId === "center_001");
    expect(all.pages).toBeGreaterThan(1);
    expect(all.items.map((e) => e.event_id)).toEqual(played.map((d) => d.eventId));
    const since = played[played.length - 10]!.occurredAt;
    const recent = await allCursor(
      `${P}/attendance/events?center_id=center_001&since=${encodeURIComponent(since)}`,
      pc.webhookWire,
    );
    expect(recent.items.length).toBeGreaterThanOrEqual(10);
    expect(recent.items.length).toBeLessThan(all.items.length);
    const bad = await sb.api.request(
      `${P}/attendance/events?center_id=center_001&since=yesterday`,
      {
        headers: auth,
      },
    );
    expect(bad.status).toBe(400);
  });

  it("accepts writes, records them once per idempotency key, and rejects bad input with a reason", async () => {
    const before = sb.outbox().length;
    const checkin = await post(`${P}/attendance/checkin`, {
      center_id: "center_001",
      child_id: "child_1001",
      room_id: "room_101",
    });
    expect(checkin.status).toBe(201);
    pc.createdWire.parse(await checkin.json());
    const checkout = await post(`${P}/attendance/checkout`, {
      center_id: "center_001",
      child_id: "child_1001",
    });
    expect(checkout.status).toBe(201);
    const task = {
      center_id: "center_001",
      title: "Cover",
      description: "x",
      assigned_to: "director",
    };
    const t1 = pc.createdWire.parse(
      await (await post(`${P}/tasks`, task, { "idempotency-key": "k1" })).json(),
    );
    const again = await post(`${P}/tasks`, task, { "idempotency-key": "k1" });
    expect(again.status).toBe(200);
    expect(pc.createdWire.parse(await again.json()).id).toBe(t1.id);
    const conflict = await post(
      `${P}/tasks`,
      { ...task, title: "Other" },
      { "idempotency-key": "k1" },
    );
    expect(conflict.status).toBe(409);
    const note = await post(`${P}/notes`, {
      center_id: "center_001",
      child_id: "child_1002",
      body: "Napped well",
    });
    expect(note.status).toBe(201);
    const entries = sb.outbox().slice(before);
    expect(entries.map((e) => e.kind)).toEqual(["checkin", "checkout", "task", "note"]);
    expect(entries[0]!.body).toMatchObject({ method: "staff" });

    const badShape = await post(`${P}/attendance/checkin`, { center_id: "center_001" });
    expect(badShape.status).toBe(400);
    expect(await badShape.json()).toMatchObject({ error: { message: /child_id/ } });
    expect((await post(`${P}/notes`, "{not json")).status).toBe(400);
    const wrongChild = await post(`${P}/notes`, {
      center_id: "center_001",
      child_id: "CHLD_2001",
      body: "x",
    });
    expect(wrongChild.status).toBe(404);
    expect(sb.outbox().length).toBe(before + 4);
  });

  it("rejects a cursor it did not issue and requires center_id", async () => {
    expect(
      (await sb.api.request(`${P}/children?center_id=center_001&cursor=zzz`, { headers: auth }))
        .status,
    ).toBe(400);
    expect((await sb.api.request(`${P}/children`, { headers: auth })).status).toBe(400);
    expect((await sb.api.request(`${P}/children?center_id=nope`, { headers: auth })).status).toBe(
      404,
    );
  });
});

describe("fake Kangarootime API", () => {
  it("lists only Kangarootime centers, page-numbered, and serves one by id", async () => {
    const { items, pages } = await allNumbered(`${K}/centers`, kt.centerWire);
    expect(pages).toBe(1);
    expect(items.map((c) => c.center_id)).toEqual(["CTR_002"]);
    expect(await getJson(`${K}/centers/CTR_002`, kt.centerWire)).toMatchObject({
      state_code: "TX",
      timezone: "America/Chicago",
    });
    expect((await sb.api.request(`${K}/centers/center_001`, { headers: auth })).status).toBe(404);
  });

  it("pages the directory: all 60 children over 3 pages, staff, families, rooms", async () => {
    const children = await allNumbered(`${K}/children?center_id=CTR_002`, kt.childWire);
    expect(children.pages).toBe(3);
    expect(children.items).toHaveLength(60);
    expect(new Set(children.items.map((c) => c.child_id)).size).toBe(60);
    const staff = await allNumbered(`${K}/staff?center_id=CTR_002`, kt.staffWire);
    expect(staff.items).toHaveLength(sb.world.centers[1]!.staff.length);
    expect(staff.items.length).toBeGreaterThan(14);
    expect(staff.items.filter((s) => s.title === "assistant").length).toBeGreaterThan(0);
    const families = await allNumbered(`${K}/families?center_id=CTR_002`, kt.familyWire);
    expect(families.items.length).toBe(sb.world.centers[1]!.families.length);
    const rooms = await allNumbered(`${K}/centers/CTR_002/rooms`, kt.classWire);
    expect(rooms.items).toHaveLength(5);
    const beyond = await getJson(`${K}/children?center_id=CTR_002&page=9`, kt.page(kt.childWire));
    expect(beyond.items).toEqual([]);
    expect(
      (await sb.api.request(`${K}/children?center_id=CTR_002&page=0`, { headers: auth })).status,
    ).toBe(400);
  });

  it("serves schedules and timecards", async () => {
    const shifts = await allNumbered(`${K}/schedules?center_id=CTR_002&date=${DATE}`, kt.shiftWire);
    expect(shifts.items).toHaveLength(sb.world.centers[1]!.staff.length);
    const cards = await allNumbered(`${K}/timecards?center_id=CTR_002`, kt.timecardWire);
    expect(cards.items.length).toBeGreaterThan(0);
    expect(cards.items.every((c) => c.pay_week === DATE && !c.locked)).toBe(true);
  });

  it("serves per-room presence as bare arrays, dated by the sim clock in the Date header", async () => {
    const truth = sb.truth("CTR_002");
    let children = 0;
    let staff = 0;
    for (const room of sb.world.centers[1]!.rooms) {
      const res = await sb.api.request(`${K}/rooms/${room.id}/children`, { headers: auth });
      expect(res.headers.get("date")).toBe(MID_MORNING.toUTCString());
      children += kt.roomChildrenWire.parse(await res.json()).length;
      staff += (await getJson(`${K}/rooms/${room.id}/staff`, kt.roomStaffWire)).length;
    }
    expect(children).toBe(truth.children.length);
    expect(children).toBeGreaterThan(30);
    expect(staff).toBe(truth.staff.filter((s) => s.roomId !== null).length);
    const unauthorized = await sb.api.request(`${K}/rooms/ROOM_201/children`);
    expect(unauthorized.headers.get("date")).toBe(MID_MORNING.toUTCString());
  });

  it("accepts check-ins, tasks and notes and rejects bad input with a reason", async () => {
    const before = sb.outbox().length;
    const checkout = await post(`${K}/checkins`, {
      center_id: "CTR_002",
      child_id: "CHLD_2001",
      room_id: "ROOM_201",
      action: "check_out",
      by: "Grandma",
    });
    expect(checkout.status).toBe(201);
    kt.createdWire.parse(await checkout.json());
    const task = await post(`${K}/tasks`, {
      center_id: "CTR_002",
      title: "Call family",
      body: "Re: late pick-up",
      assignee_role: "director",
    });
    expect(task.status).toBe(201);
    const note = await post(`${K}/notes`, {
      center_id: "CTR_002",
      child_id: "CHLD_2002",
      text: "Ate all lunch",
    });
    expect(note.status).toBe(201);
    expect(
      sb
        .outbox()
        .slice(before)
        .map((e) => [e.provider, e.kind]),
    ).toEqual([
      ["kangarootime", "checkout"],
      ["kangarootime", "task"],
      ["kangarootime", "note"],
    ]);
    const bad = await post(`${K}/checkins`, {
      center_id: "CTR_002",
      child_id: "CHLD_2001",
      room_id: "ROOM_201",
      action: "teleport",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: /action/ } });
    const wrongCenter = await post(`${K}/tasks`, {
      center_id: "center_001",
      title: "x",
      body: "y",
      assignee_role: "director",
    });
    expect(wrongCenter.status).toBe(404);
  });
});
