/**
 * @module sandbox/api-kangarootime
 * The fake Kangarootime API (mounted at `/sandbox/kangarootime`): page-numbered directory lists,
 * schedules and timecards, and bare-array per-room presence. Kangarootime's presence carries no
 * timestamp, so the app sets the HTTP `Date` header to the sim clock (see `api.ts`) and clients take
 * their snapshot time from it. Shapes are `platforms/kangarootime/wire.ts`.
 */
import { Hono } from "hono";
import {
  checkinRequestWire,
  dailyReportRequestWire,
  messageRequestWire,
  noteRequestWire,
  staffAssignmentRequestWire,
  taskRequestWire,
  timecardCorrectionRequestWire,
} from "../platforms/kangarootime/wire.js";
import { numberedPage, platformRoutes, type SandboxApiSource } from "./api-common.js";
import {
  kangarootimeCenter,
  kangarootimeChild,
  kangarootimeFamily,
  kangarootimeRoom,
  kangarootimeShift,
  kangarootimeStaff,
  kangarootimeTimecard,
} from "./encode-kangarootime.js";
import { localDate } from "./script.js";
import { staffDays } from "./timecards.js";

export function kangarootimeApi(source: SandboxApiSource): Hono {
  const app = new Hono();
  const api = platformRoutes(source, "kangarootime");

  api.directory(app, {
    page: numberedPage,
    paths: {
      centers: "/api/v1/centers",
      rooms: "/api/v1/centers/:id/rooms",
      families: "/api/v1/families",
      children: "/api/v1/children",
      staff: "/api/v1/staff",
      schedules: "/api/v1/schedules",
    },
    center: kangarootimeCenter,
    room: kangarootimeRoom,
    family: kangarootimeFamily,
    child: kangarootimeChild,
    staff: kangarootimeStaff,
    shift: kangarootimeShift,
  });

  app.get(
    "/api/v1/timecards",
    api.queryCenter((found, c) => {
      const today = localDate(found, source.now());
      const days = staffDays(
        found,
        source.played().map((d) => d.event),
      );
      return numberedPage(
        c,
        days.map((d) => kangarootimeTimecard(d, today)),
      );
    }),
  );

  app.get("/api/v1/rooms/:id/children", (c) => {
    const room = api.room(c, c.req.param("id"));
    if (room instanceof Response) return room;
    return c.json(
      api.childrenIn(room).map(({ child, checkedInAt }) => ({
        child_id: child.id,
        first_name: child.firstName,
        last_name: child.lastName,
        checked_in_at: checkedInAt,
      })),
    );
  });

  app.get("/api/v1/rooms/:id/staff", (c) => {
    const room = api.room(c, c.req.param("id"));
    if (room instanceof Response) return room;
    return c.json(
      api.staffIn(room).map(({ staff, onBreak, clockedInAt }) => ({
        staff_id: staff.id,
        first_name: staff.firstName,
        last_name: staff.lastName,
        status: onBreak ? "break" : "active",
        clocked_in_at: clockedInAt,
      })),
    );
  });

  app.post(
    "/api/v1/checkins",
    api.write({
      kind: (b) => (b.action === "check_in" ? "checkin" : "checkout"),
      schema: checkinRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id, roomId: b.room_id }),
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
    "/api/v1/daily_reports",
    api.write({
      kind: "daily_log",
      schema: dailyReportRequestWire,
      refs: (b) => ({ centerId: b.center_id, childId: b.child_id }),
    }),
  );

  app.post(
    "/api/v1/staff_assignments",
    api.write({
      kind: "staff_assignment",
      schema: staffAssignmentRequestWire,
      refs: (b) => ({ centerId: b.center_id, staffId: b.staff_id, roomId: b.room_id }),
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
