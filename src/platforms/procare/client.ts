/**
 * @module platforms/procare/client
 * Procare over HTTP: cursor-paged lists, per-room rosters for staff presence, and the write
 * endpoints for check-ins, tasks, notes and the writes approved actions make (messages, daily
 * logs, staff assignments, timecard corrections). Everything returned is mapped to the domain except the
 * extras (timecards) that have no domain shape yet.
 */
import type { z } from "zod";
import {
  collectCursorPages,
  createHttpClient,
  createRecord,
  type HttpClient,
} from "../http/index.js";
import type { ClientOptions, Directory, MappedWebhook, PlatformClient } from "../types.js";
import {
  mapCenter,
  mapChild,
  mapFamily,
  mapPresence,
  mapRoom,
  mapShift,
  mapStaff,
  mapWebhookPayload,
} from "./mapper.js";
import {
  centerWire,
  checkInRequestWire,
  checkOutRequestWire,
  childWire,
  classroomWire,
  createdWire,
  currentAttendanceWire,
  dailyLogRequestWire,
  employeeWire,
  familyWire,
  messageRequestWire,
  noteRequestWire,
  page,
  roomRosterWire,
  staffAssignmentRequestWire,
  staffScheduleWire,
  taskRequestWire,
  timecardCorrectionRequestWire,
  timecardWire,
  webhookWire,
} from "./wire.js";

export interface ProcareCheckIn {
  centerId: string;
  childId: string;
  roomId: string;
  method?: z.input<typeof checkInRequestWire>["method"];
}

export interface ProcareCheckOut {
  centerId: string;
  childId: string;
  pickedUpBy?: string | null;
}

export interface ProcareClient extends PlatformClient {
  readonly provider: "procare";
  fetchTimecards(centerId: string, date: string): Promise<z.infer<typeof timecardWire>[]>;
  /** Attendance events since an instant, mapped as their webhooks would be: for catching up. */
  fetchAttendanceEvents(centerId: string, since: string): Promise<MappedWebhook[]>;
  checkIn(input: ProcareCheckIn): Promise<{ id: string }>;
  checkOut(input: ProcareCheckOut): Promise<{ id: string }>;
}

const pages = {
  centers: page(centerWire),
  classrooms: page(classroomWire),
  families: page(familyWire),
  children: page(childWire),
  employees: page(employeeWire),
  schedules: page(staffScheduleWire),
  timecards: page(timecardWire),
  events: page(webhookWire),
};

export function createProcareClient(options: ClientOptions): ProcareClient {
  const http: HttpClient = createHttpClient(options);
  const create = <S extends z.ZodType>(
    path: string,
    schema: S,
    value: z.input<S>,
    idempotencyKey?: string,
  ) => createRecord(http, path, { schema, value }, createdWire, idempotencyKey);

  return {
    provider: "procare",

    async listCenters() {
      return (await collectCursorPages(http, "/api/v1/centers", pages.centers)).map(mapCenter);
    },

    async fetchDirectory(centerId): Promise<Directory> {
      const byCenter = { center_id: centerId };
      const [center, rooms, families, children, staff] = await Promise.all([
        http.get(`/api/v1/centers/${encodeURIComponent(centerId)}`, centerWire),
        collectCursorPages(
          http,
          `/api/v1/centers/${encodeURIComponent(centerId)}/classrooms`,
          pages.classrooms,
        ),
        collectCursorPages(http, "/api/v1/families", pages.families, byCenter),
        collectCursorPages(http, "/api/v1/children", pages.children, byCenter),
        collectCursorPages(http, "/api/v1/employees", pages.employees, byCenter),
      ]);
      return {
        center: mapCenter(center),
        rooms: rooms.map(mapRoom),
        families: families.map(mapFamily),
        children: children.map(mapChild),
        staff: staff.map(mapStaff),
      };
    },

    async fetchShifts(centerId, date) {
      const query = { center_id: centerId, date };
      return (
        await collectCursorPages(http, "/api/v1/staff_schedules", pages.schedules, query)
      ).map(mapShift);
    },

    fetchTimecards: (centerId, date) =>
      collectCursorPages(http, "/api/v1/timecards", pages.timecards, {
        center_id: centerId,
        date,
      }),

    async fetchAttendanceEvents(centerId, since) {
      const query = { center_id: centerId, since };
      return (await collectCursorPages(http, "/api/v1/attendance/events", pages.events, query)).map(
        mapWebhookPayload,
      );
    },

    async fetchPresence(centerId, roomIds) {
      const [current, rosters] = await Promise.all([
        http.get("/api/v1/attendance/current", currentAttendanceWire, { center_id: centerId }),
        Promise.all(
          roomIds.map((roomId) =>
            http.get(`/api/v1/rooms/${encodeURIComponent(roomId)}/roster`, roomRosterWire),
          ),
        ),
      ]);
      return mapPresence(centerId, current, rosters);
    },

    checkIn: (input) =>
      create("/api/v1/attendance/checkin", checkInRequestWire, {
        center_id: input.centerId,
        child_id: input.childId,
        room_id: input.roomId,
        method: input.method,
      }),

    checkOut: (input) =>
      create("/api/v1/attendance/checkout", checkOutRequestWire, {
        center_id: input.centerId,
        child_id: input.childId,
        picked_up_by: input.pickedUpBy,
      }),

    createTask: (input) =>
      create(
        "/api/v1/tasks",
        taskRequestWire,
        {
          center_id: input.centerId,
          title: input.title,
          description: input.description,
          assigned_to: input.assignedTo,
          due_date: input.dueDate,
        },
        input.idempotencyKey,
      ),

    createNote: (input) =>
      create(
        "/api/v1/notes",
        noteRequestWire,
        {
          center_id: input.centerId,
          child_id: input.childId,
          body: input.body,
        },
        input.idempotencyKey,
      ),

    sendFamilyMessage: (input) =>
      create(
        "/api/v1/messages",
        messageRequestWire,
        {
          center_id: input.centerId,
          family_id: input.familyId,
          child_id: input.childId,
          subject: input.subject,
          body: input.body,
        },
        input.idempotencyKey,
      ),

    createDailyLog: (input) =>
      create(
        "/api/v1/daily_logs",
        dailyLogRequestWire,
        {
          center_id: input.centerId,
          child_id: input.childId,
          entries: input.entries.map((e) => ({ ...e })),
        },
        input.idempotencyKey,
      ),

    assignStaff: (input) =>
      create(
        "/api/v1/staff_assignments",
        staffAssignmentRequestWire,
        {
          center_id: input.centerId,
          staff_id: input.staffId,
          classroom_id: input.roomId,
          effective_at: input.at,
          reason: input.reason,
        },
        input.idempotencyKey,
      ),

    correctTimecard: (input) =>
      create(
        `/api/v1/timecards/${encodeURIComponent(input.timecardId)}/corrections`,
        timecardCorrectionRequestWire,
        {
          center_id: input.centerId,
          staff_id: input.staffId,
          clock_in: input.clockIn,
          clock_out: input.clockOut,
          reason: input.reason,
        },
        input.idempotencyKey,
      ),
  };
}
