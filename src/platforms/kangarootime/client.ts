/**
 * @module platforms/kangarootime/client
 * Kangarootime over HTTP: page-numbered lists, bare-array per-room presence whose only clock is
 * the HTTP `Date` header, and the write endpoints for check-ins, tasks, notes and the writes
 * approved actions make (messages, daily reports, staff assignments, timecard corrections). Everything
 * returned is mapped to the domain except the extras (timecards) that have no domain shape yet.
 */
import type { z } from "zod";
import { createPlatformApi, fetchDirectoryRecords } from "../http/index.js";
import type { ClientOptions, Directory, PlatformClient } from "../types.js";
import {
  mapCenter,
  mapChild,
  mapFamily,
  mapPresence,
  mapRoom,
  mapShift,
  mapStaff,
} from "./mapper.js";
import {
  centerWire,
  checkinRequestWire,
  childWire,
  classWire,
  createdWire,
  dailyReportRequestWire,
  familyWire,
  messageRequestWire,
  noteRequestWire,
  page,
  roomChildrenWire,
  roomStaffWire,
  shiftWire,
  staffAssignmentRequestWire,
  staffWire,
  taskRequestWire,
  timecardCorrectionRequestWire,
  timecardWire,
} from "./wire.js";

export interface KangarootimeClientOptions extends ClientOptions {
  /** The snapshot time when no response carried a readable `Date` header. */
  now?: () => Date;
}

export interface KangarootimeCheckIn {
  centerId: string;
  childId: string;
  roomId: string;
}

export interface KangarootimeCheckOut extends KangarootimeCheckIn {
  pickedUpBy?: string | null;
}

export interface KangarootimeClient extends PlatformClient {
  readonly provider: "kangarootime";
  fetchTimecards(centerId: string): Promise<z.infer<typeof timecardWire>[]>;
  checkIn(input: KangarootimeCheckIn): Promise<{ id: string }>;
  checkOut(input: KangarootimeCheckOut): Promise<{ id: string }>;
}

export function createKangarootimeClient(options: KangarootimeClientOptions): KangarootimeClient {
  const api = createPlatformApi(options, { style: "numbered", page }, createdWire);
  const { http, list, create } = api;
  const now = options.now ?? (() => new Date());

  const roomPath = (roomId: string, what: "children" | "staff") =>
    `/api/v1/rooms/${encodeURIComponent(roomId)}/${what}`;

  return {
    provider: "kangarootime",

    async listCenters() {
      return (await list("/api/v1/centers", centerWire)).map(mapCenter);
    },

    async fetchDirectory(centerId): Promise<Directory> {
      const { center, rooms, families, children, staff } = await fetchDirectoryRecords(
        api,
        centerId,
        {
          center: centerWire,
          rooms: { path: "rooms", item: classWire },
          families: { path: "/api/v1/families", item: familyWire },
          children: { path: "/api/v1/children", item: childWire },
          staff: { path: "/api/v1/staff", item: staffWire },
        },
      );
      const familiesById = new Map(families.map((f) => [f.family_id, f]));
      return {
        center: mapCenter(center),
        rooms: rooms.map(mapRoom),
        families: families.map(mapFamily),
        children: children.map((c) =>
          mapChild(c, c.family_id === null ? undefined : familiesById.get(c.family_id)),
        ),
        staff: staff.map(mapStaff),
      };
    },

    async fetchShifts(centerId, date) {
      const query = { center_id: centerId, date };
      return (await list("/api/v1/schedules", shiftWire, query)).map(mapShift);
    },

    fetchTimecards: (centerId) => list("/api/v1/timecards", timecardWire, { center_id: centerId }),

    /**
     * The snapshot is only as fresh as its oldest response, so `asOf` is the earliest `Date`
     * header among the calls, falling back to `now()` when none had one.
     */
    async fetchPresence(centerId, roomIds) {
      const rooms = await Promise.all(
        roomIds.map(async (roomId) => {
          const [children, staff] = await Promise.all([
            http.getWithMeta(roomPath(roomId, "children"), roomChildrenWire),
            http.getWithMeta(roomPath(roomId, "staff"), roomStaffWire),
          ]);
          return { roomId, children, staff };
        }),
      );
      const dates = rooms
        .flatMap((room) => [room.children.date, room.staff.date])
        .filter((date): date is Date => date !== null)
        .map((date) => date.getTime());
      const asOf = dates.length > 0 ? new Date(Math.min(...dates)) : now();
      return mapPresence(
        centerId,
        rooms.map((room) => ({
          roomId: room.roomId,
          children: room.children.data,
          staff: room.staff.data,
        })),
        asOf,
      );
    },

    checkIn: (input) =>
      create("/api/v1/checkins", checkinRequestWire, {
        center_id: input.centerId,
        child_id: input.childId,
        room_id: input.roomId,
        action: "check_in",
      }),

    checkOut: (input) =>
      create("/api/v1/checkins", checkinRequestWire, {
        center_id: input.centerId,
        child_id: input.childId,
        room_id: input.roomId,
        action: "check_out",
        by: input.pickedUpBy,
      }),

    createTask: (input) =>
      create(
        "/api/v1/tasks",
        taskRequestWire,
        {
          center_id: input.centerId,
          title: input.title,
          body: input.description,
          assignee_role: input.assignedTo,
          due_on: input.dueDate,
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
          text: input.body,
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
          title: input.subject,
          text: input.body,
        },
        input.idempotencyKey,
      ),

    createDailyLog: (input) =>
      create(
        "/api/v1/daily_reports",
        dailyReportRequestWire,
        {
          center_id: input.centerId,
          child_id: input.childId,
          activities: input.entries.map((e) => ({
            kind: e.type,
            started_at: e.start,
            ended_at: e.end,
            note: e.detail,
          })),
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
          room_id: input.roomId,
          starts_at: input.at,
          note: input.reason,
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
          note: input.reason,
        },
        input.idempotencyKey,
      ),
  };
}
