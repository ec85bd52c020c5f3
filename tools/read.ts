/**
 * @module tools/read
 * Tools that only read: the directory and live state (which mirror the platform), attendance
 * history and the ratio core's view of a room. Names appear in results as stored; the agent loop
 * pseudonymizes every result before the model sees it.
 */
import { z } from "zod";
import { centerOutlook, roomsWithRatio } from "../src/compliance/index.js";
import { idSchema } from "../src/domain/index.js";
import { roomStates } from "../src/live/index.js";
import { completedMonths } from "../src/rules/index.js";
import { listEvents } from "../src/storage/attendance.js";
import {
  listChildren,
  listFamilies,
  listRooms,
  listShifts,
  listStaff,
} from "../src/storage/directory.js";
import { listPresence } from "../src/storage/presence.js";
import { centerDay, defineTool, fail, ok } from "./support.js";

const roomInput = z.object({ roomId: idSchema.describe("A room id, e.g. from the job facts") });

const noCenter = () => fail("not_found", "the run's center is not in the directory");
const noRoom = (id: string) => fail("not_found", `no room "${id}" in this center`);

export const getRoomRoster = defineTool({
  name: "get_room_roster",
  description:
    "Children of one room: who is enrolled there (home room) and who is checked in right now, with age in months. Use it to see which children and families a room's situation affects.",
  inputSchema: roomInput,
  effect: "read",
  handler({ roomId }, ctx) {
    const day = centerDay(ctx);
    if (!day) return noCenter();
    const room = listRooms(ctx.db, ctx.centerId).find((r) => r.id === roomId);
    if (!room) return noRoom(roomId);
    const present = new Set(
      (roomStates(ctx.db, ctx.centerId).find((r) => r.id === roomId)?.children ?? []).map(
        (c) => c.id,
      ),
    );
    const enrolled = listChildren(ctx.db, ctx.centerId).filter(
      (c) => c.homeRoomId === roomId || present.has(c.id),
    );
    return ok({
      roomId,
      roomName: room.name,
      ageGroup: room.ageGroup,
      children: enrolled.map((c) => ({
        childId: c.id,
        name: `${c.firstName} ${c.lastName}`,
        ageMonths: completedMonths(c.birthDate, day.date),
        familyId: c.familyId,
        homeRoomId: c.homeRoomId,
        presentNow: present.has(c.id),
      })),
    });
  },
});

export const getRoomStaff = defineTool({
  name: "get_room_staff",
  description:
    "Staff of one room: who is in the room now (and on break), and today's shifts planned there with start and end times.",
  inputSchema: roomInput,
  effect: "read",
  handler({ roomId }, ctx) {
    const day = centerDay(ctx);
    if (!day) return noCenter();
    const state = roomStates(ctx.db, ctx.centerId).find((r) => r.id === roomId);
    if (!state) return noRoom(roomId);
    const shifts = listShifts(ctx.db, ctx.centerId, [day.date]).filter((s) => s.roomId === roomId);
    const names = new Map(
      listStaff(ctx.db, ctx.centerId).map((s) => [s.id, `${s.firstName} ${s.lastName}`]),
    );
    return ok({
      roomId,
      roomName: state.name,
      presentNow: state.staff.map((s) => ({
        staffId: s.id,
        name: `${s.firstName} ${s.lastName}`,
        role: s.role,
        onBreak: s.onBreak,
        since: s.since,
      })),
      shiftsToday: shifts.map((s) => ({
        staffId: s.staffId,
        name: names.get(s.staffId) ?? null,
        start: s.start,
        end: s.end,
        breaks: s.breaks,
      })),
    });
  },
});

export const getChildProfile = defineTool({
  name: "get_child_profile",
  description:
    "One child's profile: age in months, home room, family id, weekly schedule (local arrival and departure times) and whether the child is checked in now.",
  inputSchema: z.object({ childId: idSchema }),
  effect: "read",
  handler({ childId }, ctx) {
    const day = centerDay(ctx);
    if (!day) return noCenter();
    const child = listChildren(ctx.db, ctx.centerId, [childId])[0];
    if (!child) return fail("not_found", `no child "${childId}" in this center`);
    const presence = listPresence(ctx.db, ctx.centerId).find(
      (p) => p.subjectKind === "child" && p.subjectId === childId,
    );
    return ok({
      childId,
      name: `${child.firstName} ${child.lastName}`,
      ageMonths: completedMonths(child.birthDate, day.date),
      homeRoomId: child.homeRoomId,
      familyId: child.familyId,
      schedule: child.schedule,
      presentNow: presence?.present ?? false,
      roomNow: presence?.present ? presence.roomId : null,
    });
  },
});

export const getAttendanceHistory = defineTool({
  name: "get_attendance_history",
  description:
    "Recent attendance events of one child or staff member (check-ins, check-outs, clock-ins, breaks, room moves), oldest first, over the last `days` days up to now.",
  inputSchema: z.object({
    subjectId: idSchema.describe("A child id or a staff id"),
    days: z.number().int().min(1).max(30).default(7),
  }),
  effect: "read",
  handler({ subjectId, days }, ctx) {
    const from = new Date(ctx.now.getTime() - days * 86_400_000).toISOString();
    const events = listEvents(ctx.db, ctx.centerId, from, ctx.now.toISOString()).filter(
      (e) => e.subjectId === subjectId,
    );
    return ok({
      subjectId,
      days,
      events: events.map((e) => ({ type: e.type, at: e.occurredAt, roomId: e.roomId })),
    });
  },
});

export const getFamilyContacts = defineTool({
  name: "get_family_contacts",
  description:
    "A family's guardians and how to reach them. You never need the contact details themselves: messages are addressed by family id.",
  inputSchema: z.object({ familyId: idSchema }),
  effect: "read",
  handler({ familyId }, ctx) {
    const family = listFamilies(ctx.db, ctx.centerId, [familyId])[0];
    if (!family) return fail("not_found", `no family "${familyId}" in this center`);
    return ok({ familyId, name: family.name, guardians: family.guardians });
  },
});

export const getStaffRecord = defineTool({
  name: "get_staff_record",
  description:
    "One staff member's record: role, home room, and credentials (CPR, first aid, background check) with issue and expiry dates and days until expiry.",
  inputSchema: z.object({ staffId: idSchema }),
  effect: "read",
  handler({ staffId }, ctx) {
    const day = centerDay(ctx);
    if (!day) return noCenter();
    const person = listStaff(ctx.db, ctx.centerId, [staffId])[0];
    if (!person) return fail("not_found", `no staff member "${staffId}" in this center`);
    const today = Date.parse(`${day.date}T00:00:00Z`);
    return ok({
      staffId,
      name: `${person.firstName} ${person.lastName}`,
      role: person.role,
      homeRoomId: person.homeRoomId,
      credentials: person.credentials.map((c) => ({
        ...c,
        daysUntilExpiry:
          c.expiresOn === null
            ? null
            : Math.round((Date.parse(`${c.expiresOn}T00:00:00Z`) - today) / 86_400_000),
      })),
    });
  },
});

export const getRoomRatio = defineTool({
  name: "get_room_ratio",
  description:
    "The ratio core's latest evaluation of a room (status, counted and required staff, the rule and its arithmetic) and its 30-minute forecast with any staff moves that would cover it. These are deterministic facts: quote them, never recompute them.",
  inputSchema: roomInput,
  effect: "read",
  handler({ roomId }, ctx) {
    const room = roomsWithRatio(ctx.db, ctx.centerId).find((r) => r.id === roomId);
    if (!room) return noRoom(roomId);
    const outlook = centerOutlook(ctx.db, ctx.centerId, ctx.now).find((o) => o.roomId === roomId);
    return ok({
      roomId,
      roomName: room.name,
      evaluation: room.ratio,
      forecast: outlook
        ? { firstBreach: outlook.forecast.firstBreach, coverage: outlook.coverage }
        : null,
    });
  },
});

export const readTools = [
  getRoomRoster,
  getRoomStaff,
  getChildProfile,
  getAttendanceHistory,
  getFamilyContacts,
  getStaffRecord,
  getRoomRatio,
];
