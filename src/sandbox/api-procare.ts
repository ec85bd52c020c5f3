/**
 * @module sandbox/api-procare
 * The fake Procare API (mounted at `/sandbox/procare`): directory lists with cursor pages,
 * schedules and timecards, current attendance and room rosters from the sandbox's truth, the
 * attendance event feed for catching up, and the write endpoints. Shapes are
 * `platforms/procare/wire.ts`; errors are `{ error: { code, message } }`.
 */
import { Hono } from "hono";
import {
  checkInRequestWire,
  checkOutRequestWire,
  dailyLogRequestWire,
  messageRequestWire,
  noteRequestWire,
  staffAssignmentRequestWire,
  taskRequestWire,
  timecardCorrectionRequestWire,
} from "../platforms/procare/wire.js";
import {
  cursorPage,
  fail,
  platformRoutes,
  requireDate,
  type SandboxApiSource,
} from "./api-common.js";
import {
  procareCenter,
  procareChild,
  procareClassroom,
  procareEmployee,
  procareFamily,
  procareSchedule,
  procareTimecard,
} from "./encode-procare.js";
import { staffDays } from "./timecards.js";

export function procareApi(source: SandboxApiSource): Hono {
  const app = new Hono();
  const api = platformRoutes(source, "procare");

  api.directory(app, {
    page: cursorPage,
    paths: {
      centers: "/api/v1/centers",
      rooms: "/api/v1/centers/:id/classrooms",
      families: "/api/v1/families",
      children: "/api/v1/children",
      staff: "/api/v1/employees",
      schedules: "/api/v1/staff_schedules",
    },
    center: procareCenter,
    room: procareClassroom,
    family: procareFamily,
    child: procareChild,
    staff: procareEmployee,
    shift: procareSchedule,
  });

  app.get(
    "/api/v1/timecards",
    api.queryCenter((found, c) => {
      const date = requireDate(c);
      if (date instanceof Response) return date;
      const days = staffDays(
        found,
        source.played().map((d) => d.event),
      ).filter((d) => d.date === date);
      return cursorPage(c, days.map(procareTimecard));
    }),
  );

  app.get(
    "/api/v1/attendance/current",
    api.queryCenter((found, c) =>
      c.json({
        center_id: found.id,
        as_of: source.now().toISOString(),
        data: source.truth.children(found.id).map((x) => ({
          child_id: x.childId,
          room_id: x.roomId,
          checked_in_at: x.checkedInAt,
        })),
      }),
    ),
  );

  app.get(
    "/api/v1/attendance/events",
    api.queryCenter((found, c) => {
      const since = c.req.query("since");
      const sinceMs = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
      if (Number.isNaN(sinceMs)) {
        return fail(c, 400, "bad_request", "since must be an ISO 8601 instant");
      }
      // Inclusive: several events share a second, and the event ids make repeats harmless.
      const events = source
        .played()
        .filter((d) => d.centerId === found.id && Date.parse(d.occurredAt) >= sinceMs)
        .map((d) => JSON.parse(d.body) as unknown);
      return cursorPage(c, events);
    }),
  );

  app.get("/api/v1/rooms/:roomId/roster", (c) => {
    const room = api.room(c, c.req.param("roomId"));
    if (room instanceof Response) return room;
    return c.json({
      room_id: room.id,
      as_of: source.now().toISOString(),
      children: api.childrenIn(room).map(({ child, checkedInAt }) => ({
        id: child.id,
        first_name: child.firstName,
        last_name: child.lastName,
        checked_in_at: checkedInAt,
      })),
      staff: api.staffIn(room).map(({ staff, onBreak, clockedInAt }) => ({
        id: staff.id,
        first_name: staff.firstName,
        last_name: staff.lastName,
        status: onBreak ? "on_break" : "in_room",
        clocked_in_at: clockedInAt,
      })),
    });
  });

  app.post(
    "/api/v1/attendance/checkin",
    api.write({
      kind: "checkin",
      schema: checkInRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id, roomId: b.room_id }),
    }),
  );

  app.post(
    "/api/v1/attendance/checkout",
    api.write({
      kind: "checkout",
      schema: checkOutRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id }),
    }),
  );

  app.post(
    "/api/v1/tasks",
    api.write({ kind: "task", schema: taskRequestWire, refs: (b) => ({ centerId: b.center_id }) }),
  );

  app.post(
    "/api/v1/notes",
    api.write({
      kind: "note",
      schema: noteRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id }),
    }),
  );

  app.post(
    "/api/v1/messages",
    api.write({
      kind: "message",
      schema: messageRequestWire,
      refs: (b) => ({
        centerId: b.center_id,
        familyId: b.family_id,
        ...(b.child_id === null ? {} : { childId: b.child_id }),
      }),
    }),
  );

  app.post(
    "/api/v1/daily_logs",
    api.write({
      kind: "daily_log",
      schema: dailyLogRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id }),
    }),
  );

  app.post(
    "/api/v1/staff_assignments",
    api.write({
      kind: "staff_assignment",
      schema: staffAssignmentRequestWire,
      refs: (b) => ({ centerId: b.center_id, staffId: b.staff_id, roomId: b.classroom_id }),
    }),
  );

  app.post("/api/v1/timecards/:id/corrections", (c) =>
    api.write({
      kind: "timecard_correction",
      schema: timecardCorrectionRequestWire,
      pathParams: { timecard_id: c.req.param("id") },
      refs: (b) => ({ centerId: b.center_id, staffId: b.staff_id }),
    })(c),
  );

  return app;
}
