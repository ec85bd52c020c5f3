import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createKangarootimeClient } from "./client.js";

const base = "http://kt.test/sandbox/kangarootime";
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fallbackNow = new Date("2026-11-23T12:00:00Z");
const client = () =>
  createKangarootimeClient({
    baseUrl: base,
    apiKey: "kk",
    sleep: async () => {},
    random: () => 0,
    now: () => fallbackNow,
  });

/** Serves `items` one per page (`?page=` from 1), checking the center filter when given. */
function numberedPages(items: unknown[], centerId?: string) {
  return ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (centerId !== undefined && url.searchParams.get("center_id") !== centerId) {
      return HttpResponse.json({ error: "center_id" }, { status: 400 });
    }
    const pageNumber = Number(url.searchParams.get("page"));
    return HttpResponse.json({
      items: items.slice(pageNumber - 1, pageNumber),
      page: pageNumber,
      total_pages: items.length,
    });
  };
}

const center = { center_id: "k_ctr", name: "Oak", state_code: "TX", timezone: "America/Chicago" };
const family = {
  family_id: "k_fam",
  center_id: "k_ctr",
  display_name: "The Parks",
  contacts: [
    {
      full_name: "Jin Park",
      phone: null,
      email: null,
      relationship: "father",
      can_pick_up: true,
    },
  ],
};
const child = {
  child_id: "k_chd",
  center_id: "k_ctr",
  first_name: "Min",
  last_name: "Park",
  birthday: "2023-06-10",
  room_id: "k_rm",
  family_id: "k_fam",
  approved_pickups: [{ full_name: "Grandma Park", relationship: "grandmother" }],
  schedule: [],
};
const staff = {
  staff_id: "k_stf",
  center_id: "k_ctr",
  first_name: "Lu",
  last_name: "Chen",
  birthday: "1995-01-01",
  title: "assistant",
  room_id: "k_rm",
  credentials: [],
};

describe("Kangarootime client", () => {
  it("lists centers across numbered pages", async () => {
    server.use(
      http.get(
        `${base}/api/v1/centers`,
        numberedPages([center, { ...center, center_id: "k_2" }, { ...center, center_id: "k_3" }]),
      ),
    );
    const centers = await client().listCenters();
    expect(centers.map((c) => [c.id, c.provider, c.jurisdiction])).toEqual([
      ["k_ctr", "kangarootime", "US-TX"],
      ["k_2", "kangarootime", "US-TX"],
      ["k_3", "kangarootime", "US-TX"],
    ]);
  });

  it("fetches a directory and joins each child's family for pick-up rights", async () => {
    server.use(
      http.get(`${base}/api/v1/centers/k_ctr`, () => HttpResponse.json(center)),
      http.get(
        `${base}/api/v1/centers/k_ctr/rooms`,
        numberedPages([
          {
            room_id: "k_rm",
            center_id: "k_ctr",
            name: "Koalas",
            age_range: "toddlers",
            capacity: null,
          },
        ]),
      ),
      http.get(`${base}/api/v1/families`, numberedPages([family], "k_ctr")),
      http.get(`${base}/api/v1/children`, numberedPages([child], "k_ctr")),
      http.get(`${base}/api/v1/staff`, numberedPages([staff], "k_ctr")),
    );
    const directory = await client().fetchDirectory("k_ctr");
    expect(directory.center.id).toBe("k_ctr");
    expect(directory.rooms).toEqual([
      {
        id: "k_rm",
        centerId: "k_ctr",
        externalId: "k_rm",
        name: "Koalas",
        ageGroup: "toddler",
        capacity: null,
        platformRatio: null,
      },
    ]);
    expect(directory.families[0]?.name).toBe("The Parks");
    expect(directory.children[0]?.authorizedPickups).toEqual([
      { name: "Jin Park", relationship: "father" },
      { name: "Grandma Park", relationship: "grandmother" },
    ]);
    expect(directory.staff[0]?.role).toBe("assistant_teacher");
  });

  it("fetches shifts for a date and timecards for a center", async () => {
    let date: string | null = null;
    server.use(
      http.get(`${base}/api/v1/schedules`, (info) => {
        date = new URL(info.request.url).searchParams.get("date");
        return numberedPages(
          [
            {
              shift_id: "k_sh",
              staff_id: "k_stf",
              center_id: "k_ctr",
              date: "2026-11-23",
              start: "07:00",
              end: "15:00",
              room_id: null,
              breaks: [],
            },
          ],
          "k_ctr",
        )(info);
      }),
      http.get(
        `${base}/api/v1/timecards`,
        numberedPages(
          [
            {
              timecard_id: "k_tc",
              staff_id: "k_stf",
              center_id: "k_ctr",
              pay_week: "2026-11-23",
              clock_in: "2026-11-23T07:00:00-06:00",
              clock_out: null,
              pay_code: "REG",
              locked: false,
            },
          ],
          "k_ctr",
        ),
      ),
    );
    const api = client();
    const shifts = await api.fetchShifts("k_ctr", "2026-11-23");
    expect(date).toBe("2026-11-23");
    expect(shifts).toMatchObject([{ id: "k_sh", staffId: "k_stf", start: "07:00", roomId: null }]);
    const timecards = await api.fetchTimecards("k_ctr");
    expect(timecards).toMatchObject([{ timecard_id: "k_tc", pay_code: "REG" }]);
  });

  describe("fetchPresence", () => {
    const kid = (id: string) => ({
      child_id: id,
      first_name: "K",
      last_name: "Id",
      checked_in_at: "2026-11-23T14:00:00Z",
    });
    const adult = (id: string, status: "active" | "break") => ({
      staff_id: id,
      first_name: "A",
      last_name: "Dult",
      status,
      clocked_in_at: "2026-11-23T13:00:00Z",
    });

    it("reads each room and takes asOf from the earliest Date header", async () => {
      const dates: Record<string, string> = {
        "k_r1/children": "Mon, 23 Nov 2026 15:00:04 GMT",
        "k_r1/staff": "Mon, 23 Nov 2026 15:00:02 GMT",
        "k_r2/children": "Mon, 23 Nov 2026 15:00:05 GMT",
        "k_r2/staff": "Mon, 23 Nov 2026 15:00:03 GMT",
      };
      server.use(
        http.get(`${base}/api/v1/rooms/:roomId/children`, ({ params }) =>
          HttpResponse.json([kid(`c_${String(params.roomId)}`)], {
            headers: { Date: dates[`${String(params.roomId)}/children`]! },
          }),
        ),
        http.get(`${base}/api/v1/rooms/:roomId/staff`, ({ params }) => {
          const roomId = String(params.roomId);
          return HttpResponse.json([adult(`s_${roomId}`, roomId === "k_r2" ? "break" : "active")], {
            headers: { Date: dates[`${roomId}/staff`]! },
          });
        }),
      );
      const snapshot = await client().fetchPresence("k_ctr", ["k_r1", "k_r2"]);
      expect(snapshot).toEqual({
        centerId: "k_ctr",
        asOf: "2026-11-23T15:00:02.000Z",
        children: [
          { childId: "c_k_r1", roomId: "k_r1" },
          { childId: "c_k_r2", roomId: "k_r2" },
        ],
        staff: [
          { staffId: "s_k_r1", roomId: "k_r1", onBreak: false },
          { staffId: "s_k_r2", roomId: "k_r2", onBreak: true },
        ],
      });
    });

    it("falls back to now() when no response has a usable Date header", async () => {
      server.use(
        http.get(`${base}/api/v1/rooms/:roomId/children`, () =>
          HttpResponse.json([], { headers: { Date: "not a date" } }),
        ),
        http.get(`${base}/api/v1/rooms/:roomId/staff`, () => HttpResponse.json([])),
      );
      const snapshot = await client().fetchPresence("k_ctr", ["k_r1"]);
      expect(snapshot.asOf).toBe(fallbackNow.toISOString());
    });

    it("uses now() when there are no rooms to ask about", async () => {
      const snapshot = await client().fetchPresence("k_ctr", []);
      expect(snapshot).toEqual({
        centerId: "k_ctr",
        asOf: fallbackNow.toISOString(),
        children: [],
        staff: [],
      });
    });
  });

  describe("writes", () => {
    const created = { id: "k_new", created_at: "2026-11-23T16:00:00Z" };

    it("posts check-ins and check-outs to /checkins with an action", async () => {
      const bodies: unknown[] = [];
      server.use(
        http.post(`${base}/api/v1/checkins`, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(created, { status: 201 });
        }),
      );
      const api = client();
      await expect(
        api.checkIn({ centerId: "k_ctr", childId: "k_chd", roomId: "k_rm" }),
      ).resolves.toEqual({ id: "k_new" });
      await api.checkOut({
        centerId: "k_ctr",
        childId: "k_chd",
        roomId: "k_rm",
        pickedUpBy: "Jin",
      });
      expect(bodies).toEqual([
        { center_id: "k_ctr", child_id: "k_chd", room_id: "k_rm", action: "check_in", by: null },
        { center_id: "k_ctr", child_id: "k_chd", room_id: "k_rm", action: "check_out", by: "Jin" },
      ]);
    });

    it("maps task and note inputs to Kangarootime's field names", async () => {
      const bodies: Record<string, unknown> = {};
      server.use(
        http.post(`${base}/api/v1/:kind`, async ({ request, params }) => {
          bodies[String(params.kind)] = await request.json();
          return HttpResponse.json(created, { status: 201 });
        }),
      );
      const api = client();
      await api.createTask({
        centerId: "k_ctr",
        title: "Restock gloves",
        description: "Koalas room is out",
        assignedTo: "director",
        dueDate: null,
      });
      await api.createNote({ centerId: "k_ctr", childId: "k_chd", body: "Ate all lunch" });
      expect(bodies).toEqual({
        tasks: {
          center_id: "k_ctr",
          title: "Restock gloves",
          body: "Koalas room is out",
          assignee_role: "director",
          due_on: null,
        },
        notes: { center_id: "k_ctr", child_id: "k_chd", text: "Ate all lunch" },
      });
    });
  });

  it("names the field when a room's staff list is malformed", async () => {
    server.use(
      http.get(`${base}/api/v1/rooms/:roomId/children`, () => HttpResponse.json([])),
      http.get(`${base}/api/v1/rooms/:roomId/staff`, () =>
        HttpResponse.json([
          {
            staff_id: "s",
            first_name: "A",
            last_name: "B",
            status: "napping",
            clocked_in_at: "2026-11-23T13:00:00Z",
          },
        ]),
      ),
    );
    await expect(client().fetchPresence("k_ctr", ["k_rm"])).rejects.toMatchObject({
      code: "platform_error",
      details: { field: "0.status", url: `${base}/api/v1/rooms/k_rm/staff` },
    });
  });
});
