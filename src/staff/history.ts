/**
 * @module staff/history
 * Generated attendance history from the sandbox: plays `days` open days and keeps, per room, the
 * children present per 15-minute slot, so the staffing plan's forecast can be measured against
 * days it did not see. Used by the backtest bench and its test; the sandbox is synthetic data.
 */

import type { staff as staffRules } from "../rules/index.js";
import { createSandbox, type SandboxEvent } from "../sandbox/index.js";
import type { SimCenter } from "../sandbox/world.js";
import { daySlotCounts, eventsByLocalDate, type RoomEvent, zonedReader } from "./staffing.js";

export interface RoomHistory {
  center: SimCenter;
  roomId: string;
  history: staffRules.AttendanceDay[];
}

function roomEvents(events: readonly SandboxEvent[], centerId: string): RoomEvent[] {
  return events.flatMap((e): RoomEvent[] => {
    if (e.centerId !== centerId) return [];
    if (e.kind === "child.checked_in")
      return [{ at: e.at, kind: "in", childId: e.childId, roomId: e.roomId }];
    if (e.kind === "child.checked_out")
      return [{ at: e.at, kind: "out", childId: e.childId, roomId: e.roomId }];
    if (e.kind === "child.moved") {
      return [
        { at: e.at, kind: "out", childId: e.childId, roomId: e.fromRoomId },
        { at: e.at, kind: "in", childId: e.childId, roomId: e.toRoomId },
      ];
    }
    return [];
  });
}

/** `days` open days of sandbox history from `date`, per room of every center. */
export function sandboxHistory(options: {
  seed: number;
  date: string;
  days: number;
  centers?: number;
}): RoomHistory[] {
  const sandbox = createSandbox({
    seed: options.seed,
    date: options.date,
    centers: options.centers ?? 2,
  });
  const rooms: RoomHistory[] = sandbox.world.centers.flatMap((center) =>
    center.rooms.map((room) => ({ center, roomId: room.id, history: [] })),
  );
  const readers = new Map(
    sandbox.world.centers.map((c) => [c.id, zonedReader(c.timeZone)] as const),
  );
  for (let d = 0; d < options.days; d++) {
    const date = sandbox.date;
    const events = sandbox.plan.events;
    // Each center's day is sorted and converted once, then counted for each of its rooms.
    const days = new Map(
      sandbox.world.centers.map((c) => {
        const read = readers.get(c.id) ?? zonedReader(c.timeZone);
        return [c.id, eventsByLocalDate(roomEvents(events, c.id), read).get(date) ?? []] as const;
      }),
    );
    for (const r of rooms) {
      r.history.push(daySlotCounts(days.get(r.center.id) ?? [], r.roomId, date, r.center));
    }
    sandbox.nextDay();
  }
  return rooms;
}

/** The room's enrolled children as the forecast reads them. */
export function plannedChildren(center: SimCenter, roomId: string) {
  return center.children
    .filter((c) => c.homeRoomId === roomId)
    .map((c) => ({
      id: c.id,
      birthDate: c.birthDate,
      schedule: c.schedule.map((s) => ({ day: s.day, arrive: s.arrive, depart: s.depart })),
      enrolledFrom: null,
    }));
}
