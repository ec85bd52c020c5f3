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
  centerFor,
  cursorPage,
  fail,
  handleWrite,
  missingRefs,
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
import { shiftsOn } from "./schedule.js";
import { staffDays } from "./timecards.js";
import { worldIndex } from "./world.js";

export function procareApi(source: SandboxApiSource): Hono {
  const app = new Hono();
  const { world } = source;
  const center = (c: Parameters<typeof centerFor>[0], id: string | undefined, param?: string) =>
    centerFor(c, source, "procare", id, param);

  app.get("/api/v1/centers", (c) =>
    cursorPage(c, world.centers.filter((x) => x.provider === "procare").map(procareCenter)),
  );

  app.get("/api/v1/centers/:id", (c) => {
    const found = center(c, c.req.param("id"), "id");
    return found instanceof Response ? found : c.json(procareCenter(found));
  });

  app.get("/api/v1/centers/:id/classrooms", (c) => {
    const found = center(c, c.req.param("id"), "id");
    return found instanceof Response ? found : cursorPage(c, found.rooms.map(procareClassroom));
  });

  app.get("/api/v1/families", (c) => {
    const found = center(c, c.req.query("center_id"));
    return found instanceof Response ? found : cursorPage(c, found.families.map(procareFamily));
  });

  app.get("/api/v1/children", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    return cursorPage(
      c,
      found.children.map((x) => procareChild(world, x)),
    );
  });

  app.get("/api/v1/employees", (c) => {
    const found = center(c, c.req.query("center_id"));
    return found instanceof Response ? found : cursorPage(c, found.staff.map(procareEmployee));
  });

  app.get("/api/v1/staff_schedules", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    const date = requireDate(c);
    if (date instanceof Response) return date;
    return cursorPage(c, shiftsOn(found, date).map(procareSchedule));
  });

  app.get("/api/v1/timecards", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    const date = requireDate(c);
    if (date instanceof Response) return date;
    const days = staffDays(
      found,
      source.played().map((d) => d.event),
    ).filter((d) => d.date === date);
    return cursorPage(c, days.map(procareTimecard));
  });

  app.get("/api/v1/attendance/current", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
    return c.json({
      center_id: found.id,
      as_of: source.now().toISOString(),
      data: source.truth.children(found.id).map((x) => ({
        child_id: x.childId,
        room_id: x.roomId,
        checked_in_at: x.checkedInAt,
      })),
    });
  });

  app.get("/api/v1/attendance/events", (c) => {
    const found = center(c, c.req.query("center_id"));
    if (found instanceof Response) return found;
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
  });

  app.get("/api/v1/rooms/:roomId/roster", (c) => {
    const roomId = c.req.param("roomId");
    const index = worldIndex(world);
    const room = index.rooms.get(roomId);
    if (!room || index.centers.get(room.centerId)?.provider !== "procare") {
      return fail(c, 404, "not_found", `no procare room ${roomId}`);
    }
    return c.json({
      room_id: room.id,
      as_of: source.now().toISOString(),
      children: source.truth
        .children(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => {
          const child = index.children.get(x.childId)!;
          return {
            id: child.id,
            first_name: child.firstName,
            last_name: child.lastName,
            checked_in_at: x.checkedInAt,
          };
        }),
      staff: source.truth
        .staff(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => {
          const staff = index.staff.get(x.staffId)!;
          return {
            id: staff.id,
            first_name: staff.firstName,
            last_name: staff.lastName,
            status: x.onBreak ? "on_break" : "in_room",
            clocked_in_at: x.clockedInAt,
          };
        }),
    });
  });

  app.post("/api/v1/attendance/checkin", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "checkin",
      schema: checkInRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ??
        missingRefs(world, b.center_id, {
          childId: b.child_id,
          roomId: b.room_id,
        }),
    }),
  );

  app.post("/api/v1/attendance/checkout", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "checkout",
      schema: checkOutRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ?? missingRefs(world, b.center_id, { childId: b.child_id }),
    }),
  );

  app.post("/api/v1/tasks", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "task",
      schema: taskRequestWire,
      check: (b) => missingProcare(b.center_id),
    }),
  );

  app.post("/api/v1/notes", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "note",
      schema: noteRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ?? missingRefs(world, b.center_id, { childId: b.child_id }),
    }),
  );

  app.post("/api/v1/messages", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "message",
      schema: messageRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ??
        missingRefs(world, b.center_id, {
          familyId: b.family_id,
          ...(b.child_id === null ? {} : { childId: b.child_id }),
        }),
    }),
  );

  app.post("/api/v1/daily_logs", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "daily_log",
      schema: dailyLogRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ?? missingRefs(world, b.center_id, { childId: b.child_id }),
    }),
  );

  app.post("/api/v1/staff_assignments", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "staff_assignment",
      schema: staffAssignmentRequestWire,
      check: (b) =>
        missingProcare(b.center_id) ??
        missingRefs(world, b.center_id, { staffId: b.staff_id, roomId: b.classroom_id }),
    }),
  );

  app.post("/api/v1/timecards/:id/corrections", (c) =>
    handleWrite(c, source, {
      provider: "procare",
      kind: "timecard_correction",
      schema: timecardCorrectionRequestWire,
      pathParams: { timecard_id: c.req.param("id") },
      check: (b) =>
        missingProcare(b.center_id) ?? missingRefs(world, b.center_id, { staffId: b.staff_id }),
    }),
  );

  function missingProcare(centerId: string): string | null {
    return worldIndex(world).centers.get(centerId)?.provider === "procare"
      ? null
      : `no procare center ${centerId}`;
  }

  return app;
}
