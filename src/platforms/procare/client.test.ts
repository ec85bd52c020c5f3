import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProcareClient } from "./client.js";

const base = "http://procare.test/sandbox/procare";
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  createProcareClient({ baseUrl: base, apiKey: "pk", sleep: async () => {}, random: () => 0 });

/** Serves `items` one per page, chaining cursors, and checks the center filter when given. */
function cursorPages(items: unknown[], centerId?: string) {
  return ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (centerId !== undefined && url.searchParams.get("center_id") !== centerId) {
      return HttpResponse.json({ error: "center_id" }, { status: 400 });
    }
    const index = Number(url.searchParams.get("cursor") ?? "0");
    const next = index + 1 < items.length ? String(index + 1) : null;
    return HttpResponse.json({ data: items.slice(index, index + 1), next_cursor: next });
  };
}

const center = { id: "ctr_1", name: "Maple", state: "CA", time_zone: "America/Los_Angeles" };
const classroom = {
  id: "rm_1",
  center_id: "ctr_1",
  name: "Bunnies",
  age_group: "infant",
  ratio: 4.0,
  max_children: 8,
};
const family = {
  id: "fam_1",
  center_id: "ctr_1",
  name: "Lee",
  guardians: [{ name: "Mia Lee", phone: "555-0100", email: null }],
};
const child = {
  id: "chd_1",
  center_id: "ctr_1",
  first_name: "Ava",
  last_name: "Lee",
  date_of_birth: "2025-02-01",
  primary_classroom_id: "rm_1",
  family_id: "fam_1",
  authorized_pickups: [{ name: "Mia Lee", relationship: "mother", allowed_to_pick_up: true }],
  schedule: [{ weekday: 2, in_minute: 480, out_minute: 1020 }],
};
const employee = {
  id: "emp_1",
  center_id: "ctr_1",
  first_name: "Sam",
  last_name: "Ortiz",
  date_of_birth: "1990-05-05",
  position: "Lead Teacher",
  classroom_id: "rm_1",
  certifications: [{ name: "CPR", issued_date: null, expiration_date: "2027-03-01" }],
};

describe("Procare client", () => {
  it("lists centers across cursor pages", async () => {
    server.use(
      http.get(
        `${base}/api/v1/centers`,
        cursorPages([
          center,
          { ...center, id: "ctr_2", state: "or" },
          { ...center, id: "ctr_3", state: "WA" },
        ]),
      ),
    );
    const centers = await client().listCenters();
    expect(centers.map((c) => [c.id, c.jurisdiction, c.provider])).toEqual([
      ["ctr_1", "US-CA", "procare"],
      ["ctr_2", "US-OR", "procare"],
      ["ctr_3", "US-WA", "procare"],
    ]);
  });

  it("fetches and maps a center's directory", async () => {
    server.use(
      http.get(`${base}/api/v1/centers/ctr_1`, () => HttpResponse.json(center)),
      http.get(`${base}/api/v1/centers/ctr_1/classrooms`, cursorPages([classroom])),
      http.get(`${base}/api/v1/families`, cursorPages([family], "ctr_1")),
      http.get(`${base}/api/v1/children`, cursorPages([child, { ...child, id: "chd_2" }], "ctr_1")),
      http.get(`${base}/api/v1/employees`, cursorPages([employee], "ctr_1")),
    );
    const directory = await client().fetchDirectory("ctr_1");
    expect(directory.center).toMatchObject({ id: "ctr_1", jurisdiction: "US-CA" });
    expect(directory.rooms).toEqual([
      {
        id: "rm_1",
        centerId: "ctr_1",
        externalId: "rm_1",
        name: "Bunnies",
        ageGroup: "infant",
        capacity: 8,
        platformRatio: 4,
      },
    ]);
    expect(directory.families[0]?.guardians).toEqual([
      { name: "Mia Lee", phone: "555-0100", email: null },
    ]);
    expect(directory.children.map((c) => c.id)).toEqual(["chd_1", "chd_2"]);
    expect(directory.children[0]?.schedule).toEqual([
      { day: "tue", arrive: "08:00", depart: "17:00" },
    ]);
    expect(directory.staff[0]).toMatchObject({
      role: "lead_teacher",
      homeRoomId: "rm_1",
      credentials: [{ type: "cpr", issuedOn: null, expiresOn: "2027-03-01" }],
    });
  });

  it("fetches shifts and timecards for a date", async () => {
    const dates: (string | null)[] = [];
    server.use(
      http.get(`${base}/api/v1/staff_schedules`, (info) => {
        dates.push(new URL(info.request.url).searchParams.get("date"));
        return cursorPages([
          {
            id: "sch_1",
            employee_id: "emp_1",
            center_id: "ctr_1",
            date: "2026-11-23",
            in_minute: 420,
            out_minute: 930,
            classroom_id: null,
            breaks: [],
          },
        ])(info);
      }),
      http.get(`${base}/api/v1/timecards`, (info) => {
        dates.push(new URL(info.request.url).searchParams.get("date"));
        return cursorPages([
          {
            id: "tc_1",
            employee_id: "emp_1",
            center_id: "ctr_1",
            date: "2026-11-23",
            clock_in: "2026-11-23T07:01:00-08:00",
            clock_out: null,
            breaks: [{ start: "2026-11-23T12:00:00-08:00", end: null }],
          },
        ])(info);
      }),
    );
    const api = client();
    const shifts = await api.fetchShifts("ctr_1", "2026-11-23");
    expect(shifts).toEqual([
      {
        id: "sch_1",
        centerId: "ctr_1",
        staffId: "emp_1",
        date: "2026-11-23",
        start: "07:00",
        end: "15:30",
        roomId: null,
        breaks: [],
      },
    ]);
    const timecards = await api.fetchTimecards("ctr_1", "2026-11-23");
    expect(timecards[0]).toMatchObject({ id: "tc_1", clock_out: null });
    expect(dates).toEqual(["2026-11-23", "2026-11-23"]);
  });

  it("fetches attendance events since an instant, mapped like webhooks", async () => {
    let since: string | null = null;
    server.use(
      http.get(`${base}/api/v1/attendance/events`, (info) => {
        since = new URL(info.request.url).searchParams.get("since");
        return cursorPages([
          {
            event_id: "evt_9",
            timestamp: "2026-11-23T16:00:00Z",
            center_id: "ctr_1",
            event_type: "staff.break_start",
            staff: { id: "emp_1", first_name: "Sam", last_name: "Ortiz" },
          },
        ])(info);
      }),
    );
    const events = await client().fetchAttendanceEvents("ctr_1", "2026-11-23T00:00:00Z");
    expect(since).toBe("2026-11-23T00:00:00Z");
    expect(events).toEqual([
      expect.objectContaining({
        eventId: "evt_9",
        events: [expect.objectContaining({ type: "staff.break_started", staffId: "emp_1" })],
      }),
    ]);
  });

  describe("fetchPresence", () => {
    const roster = (roomId: string, asOf: string, status: "in_room" | "on_break") => ({
      room_id: roomId,
      as_of: asOf,
      children: [],
      staff: [
        {
          id: `emp_${roomId}`,
          first_name: "S",
          last_name: "T",
          status,
          clocked_in_at: "2026-11-23T15:00:00Z",
        },
      ],
    });

    it("takes children from current attendance and staff from each room's roster", async () => {
      server.use(
        http.get(`${base}/api/v1/attendance/current`, () =>
          HttpResponse.json({
            center_id: "ctr_1",
            as_of: "2026-11-23T16:00:05Z",
            data: [{ child_id: "chd_1", room_id: "rm_1", checked_in_at: "2026-11-23T15:30:00Z" }],
          }),
        ),
        http.get(`${base}/api/v1/rooms/:roomId/roster`, ({ params }) => {
          const roomId = String(params.roomId);
          return roomId === "rm_1"
            ? HttpResponse.json(roster("rm_1", "2026-11-23T16:00:03Z", "in_room"))
            : HttpResponse.json(roster("rm_2", "2026-11-23T08:00:01-08:00", "on_break"));
        }),
      );
      const snapshot = await client().fetchPresence("ctr_1", ["rm_1", "rm_2"]);
      expect(snapshot).toEqual({
        centerId: "ctr_1",
        // rm_2's roster is the oldest part, once its offset is taken into account.
        asOf: "2026-11-23T16:00:01.000Z",
        children: [{ childId: "chd_1", roomId: "rm_1" }],
        staff: [
          { staffId: "emp_rm_1", roomId: "rm_1", onBreak: false },
          { staffId: "emp_rm_2", roomId: "rm_2", onBreak: true },
        ],
      });
    });

    it("uses the attendance list's as_of when there are no rooms", async () => {
      server.use(
        http.get(`${base}/api/v1/attendance/current`, () =>
          HttpResponse.json({ center_id: "ctr_1", as_of: "2026-11-23T15:59:00Z", data: [] }),
        ),
      );
      const snapshot = await client().fetchPresence("ctr_1", []);
      expect(snapshot.asOf).toBe("2026-11-23T15:59:00.000Z");
      expect(snapshot.staff).toEqual([]);
    });
  });

  describe("writes", () => {
    const created = { id: "new_1", created_at: "2026-11-23T16:00:00Z" };

    it("posts check-in and check-out with their wire bodies", async () => {
      const bodies: Record<string, unknown> = {};
      server.use(
        http.post(`${base}/api/v1/attendance/:action`, async ({ request, params }) => {
          bodies[String(params.action)] = await request.json();
          return HttpResponse.json(created, { status: 201 });
        }),
      );
      const api = client();
      await expect(
        api.checkIn({ centerId: "ctr_1", childId: "chd_1", roomId: "rm_1" }),
      ).resolves.toEqual({ id: "new_1" });
      await api.checkOut({ centerId: "ctr_1", childId: "chd_1", pickedUpBy: "Mia Lee" });
      expect(bodies).toEqual({
        checkin: { center_id: "ctr_1", child_id: "chd_1", room_id: "rm_1", method: "staff" },
        checkout: { center_id: "ctr_1", child_id: "chd_1", picked_up_by: "Mia Lee" },
      });
    });

    it("posts tasks and notes with an idempotency key", async () => {
      const seen: { path: string; body: unknown; key: string | null }[] = [];
      const record = async ({ request }: { request: Request }) => {
        seen.push({
          path: new URL(request.url).pathname,
          body: await request.json(),
          key: request.headers.get("idempotency-key"),
        });
        return HttpResponse.json(created, { status: 201 });
      };
      server.use(
        http.post(`${base}/api/v1/tasks`, record),
        http.post(`${base}/api/v1/notes`, record),
      );
      const api = client();
      await api.createTask({
        centerId: "ctr_1",
        title: "Renew CPR",
        description: "Expires in 30 days",
        assignedTo: "director",
        dueDate: "2026-12-01",
        idempotencyKey: "alert:1:opened:task:director",
      });
      await api.createNote({ centerId: "ctr_1", childId: "chd_1", body: "Napped 2h" });
      expect(seen[0]?.key).toBe("alert:1:opened:task:director");
      expect(seen.map(({ path, body }) => ({ path, body }))).toEqual([
        {
          path: "/sandbox/procare/api/v1/tasks",
          body: {
            center_id: "ctr_1",
            title: "Renew CPR",
            description: "Expires in 30 days",
            assigned_to: "director",
            due_date: "2026-12-01",
          },
        },
        {
          path: "/sandbox/procare/api/v1/notes",
          body: { center_id: "ctr_1", child_id: "chd_1", body: "Napped 2h" },
        },
      ]);
      expect(seen.every((s) => typeof s.key === "string" && s.key.length > 0)).toBe(true);
    });

    it("rejects a task the wire schema refuses without calling Procare", async () => {
      // No handler: a request would fail with onUnhandledRequest "error" and a platform_error.
      await expect(
        client().createTask({
          centerId: "ctr_1",
          title: "",
          description: "",
          assignedTo: "director",
          dueDate: null,
        }),
      ).rejects.toMatchObject({ code: "bad_request", details: { field: "title" } });
    });
  });

  it("turns a malformed page into a platform_error naming the field", async () => {
    server.use(
      http.get(`${base}/api/v1/centers`, () =>
        HttpResponse.json({ data: [{ ...center, state: "California" }], next_cursor: null }),
      ),
    );
    await expect(client().listCenters()).rejects.toMatchObject({
      code: "platform_error",
      details: { field: "data.0.state", status: 200 },
    });
  });
});
