/**
 * @module platforms/procare/client
 * Procare over HTTP: cursor-paged lists, per-room rosters for staff presence, and the write
 * endpoints for check-ins, tasks, notes and the writes approved actions make (messages, daily
 * logs, staff assignments, timecard corrections). Everything returned is mapped to the domain except the
 * extras (timecards) that have no domain shape yet.
 */
import type { z } from "zod";
import { createPlatformApi, fetchDirectoryRecords } from "../http/index.js";
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

export function createProcareClient(options: ClientOptions): ProcareClient {
  const api = createPlatformApi(options, { style: "cursor", page }, createdWire);
  const { http, list, create } = api;

  return {
    provider: "procare",

    async listCenters() {
      return (await list("/api/v1/centers", centerWire)).map(mapCenter);
    },

    async fetchDirectory(centerId): Promise<Directory> {
      const { center, rooms, families, children, staff } = await fetchDirectoryRecords(
        api,
        centerId,
        {
          center: centerWire,
          rooms: { path: "classrooms", item: classroomWire },
          families: { path: "/api/v1/families", item: familyWire },
          children: { path: "/api/v1/children", item: childWire },
          staff: { path: "/api/v1/employees", item: employeeWire },
        },
      );
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
      return (await list("/api/v1/staff_schedules", staffScheduleWire, query)).map(mapShift);
    },

    fetchTimecards: (centerId, date) =>
      list("/api/v1/timecards", timecardWire, { center_id: centerId, date }),

    async fetchAttendanceEvents(centerId, since) {
      const query = { center_id: centerId, since };
      return (await list("/api/v1/attendance/events", webhookWire, query)).map(mapWebhookPayload);
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
