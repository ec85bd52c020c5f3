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
import {
  centerFor,
  fail,
  handleWrite,
  missingRefs,
  numberedPage,
  requireDate,
  type SandboxApiSource,
} from "./api-common.js";
import {
  kangarootimeCenter,
  kangarootimeChild,
  kangarootimeFamily,
  kangarootimeRoom,
  kangarootimeShift,
  kangarootimeStaff,
  kangarootimeTimecard,
} from "./encode-kangarootime.js";
import { shiftsOn } from "./schedule.js";
import { localDate } from "./script.js";
import { staffDays } from "./timecards.js";
import { type SimRoom, worldIndex } from "./world.js";

export function kangarootimeApi(source: SandboxApiSource): Hono {
  const app = new Hono();
  const { world } = source;
  const center = (c: Parameters<typeof centerFor>[0], id: string | undefined, param?: string) =>
    centerFor(c, source, "kangarootime", id, param);
  const roomOf = (id: string): SimRoom | undefined => {
    const index = worldIndex(world);
    const room = index.rooms.get(id);
    return room && index.centers.get(room.centerId)?.provider === "kangarootime" ? room : undefined;
  };

  app.get("/api/v1/centers", (c) =>
    numberedPage(
      c,
      world.centers.filter((x) => x.provider === "kangarootime").map(kangarootimeCenter),
    ),
  );

  app.get("/api/v1/centers/:id", (c) => {
    const found = center(c, c.req.param("id"), "id");
    return found instanceof Response ? found : c.json(kangarootimeCenter(found));
  });

  app.get("/api/v1/centers/:id/rooms", (c) => {
    const found = center(c, c.req.param("id"), "id");
    return found instanceof Response ? found : numberedPage(c, found.rooms.map(kangarootimeRoom));
  });

  app.get("/api/v1/families", (c) => {
    const found = center(c, c.req.query("center_id"));
    return found instanceof Response
      ? found
      : numberedPage(c, found.families.map(kangarootimeFamily));
  });

  app.get("/api/v1/children", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    return numberedPage(
      c,
      found.children.map((x) => kangarootimeChild(world, x)),
    );
  });

  app.get("/api/v1/staff", (c) => {
    const found = center(c, c.req.query("center_id"));
    return found instanceof Response ? found : numberedPage(c, found.staff.map(kangarootimeStaff));
  });

  app.get("/api/v1/schedules", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    const date = requireDate(c);
    if (date instanceof Response) return date;
    return numberedPage(c, shiftsOn(found, date).map(kangarootimeShift));
  });

  app.get("/api/v1/timecards", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    const today = localDate(found, source.now());
    const days = staffDays(
      found,
      source.played().map((d) => d.event),
    );
    return numberedPage(
      c,
      days.map((d) => kangarootimeTimecard(d, today)),
    );
  });

  app.get("/api/v1/rooms/:id/children", (c) => {
    const room = roomOf(c.req.param("id"));
    if (!room) return fail(c, 404, "not_found", `no kangarootime room ${c.req.param("id")}`);
    const index = worldIndex(world);
    return c.json(
      source.truth
        .children(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => {
          const child = index.children.get(x.childId)!;
          return {
            child_id: child.id,
            first_name: child.firstName,
            last_name: child.lastName,
            checked_in_at: x.checkedInAt,
          };
        }),
    );
  });

  app.get("/api/v1/rooms/:id/staff", (c) => {
    const room = roomOf(c.req.param("id"));
    if (!room) return fail(c, 404, "not_found", `no kangarootime room ${c.req.param("id")}`);
    const index = worldIndex(world);
    return c.json(
      source.truth
        .staff(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => {
          const staff = index.staff.get(x.staffId)!;
          return {
            staff_id: staff.id,
            first_name: staff.firstName,
            last_name: staff.lastName,
            status: x.onBreak ? "break" : "active",
            clocked_in_at: x.clockedInAt,
          };
        }),
    );
  });

  const missingCenter = (centerId: string) =>
    worldIndex(world).centers.get(centerId)?.provider === "kangarootime"
      ? null
      : `no kangarootime center ${centerId}`;

  app.post("/api/v1/checkins", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: (b) => (b.action === "check_in" ? "checkin" : "checkout"),
      schema: checkinRequestWire,
      check: (b) =>
        missingCenter(b.center_id) ??
        missingRefs(world, b.center_id, { childId: b.child_id, roomId: b.room_id }),
    }),
  );

  app.post("/api/v1/tasks", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "task",
      schema: taskRequestWire,
      check: (b) => missingCenter(b.center_id),
    }),
  );

  app.post("/api/v1/notes", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "note",
      schema: noteRequestWire,
      check: (b) =>
        missingCenter(b.center_id) ?? missingRefs(world, b.center_id, { childId: b.child_id }),
    }),
  );

  app.post("/api/v1/messages", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "message",
      schema: messageRequestWire,
      check: (b) =>
        missingCenter(b.center_id) ??
        missingRefs(world, b.center_id, {
          familyId: b.family_id,
          ...(b.child_id === null ? {} : { childId: b.child_id }),
        }),
    }),
  );

  app.post("/api/v1/daily_reports", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "daily_log",
      schema: dailyReportRequestWire,
      check: (b) =>
        missingCenter(b.center_id) ?? missingRefs(world, b.center_id, { childId: b.child_id }),
    }),
  );

  app.post("/api/v1/staff_assignments", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "staff_assignment",
      schema: staffAssignmentRequestWire,
      check: (b) =>
        missingCenter(b.center_id) ??
        missingRefs(world, b.center_id, { staffId: b.staff_id, roomId: b.room_id }),
    }),
  );

  app.post("/api/v1/timecards/:id/corrections", (c) =>
    handleWrite(c, source, {
      provider: "kangarootime",
      kind: "timecard_correction",
      schema: timecardCorrectionRequestWire,
      pathParams: { timecard_id: c.req.param("id") },
      check: (b) =>
        missingCenter(b.center_id) ?? missingRefs(world, b.center_id, { staffId: b.staff_id }),
    }),
  );

  return app;
}
