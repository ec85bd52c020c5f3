/**
 * @module staff/staffing
 * Attendance history for the staffing plan: children present in a room per 15-minute slot of a
 * day (the most present at any moment in the slot), from check-in, move and check-out events.
 * Pure: events, the room, the day and the center's hours are inputs.
 */
import { instantToZoned } from "../domain/time.js";
import { staff as staffRules } from "../rules/index.js";

export interface RoomEvent {
  at: string;
  kind: "in" | "out";
  childId: string;
  roomId: string;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Children in `roomId` per slot on `date` between `opensAt` and `closesAt` (local), from that
 * day's events in time order. A move is an `out` of one room and an `in` to the other.
 */
export function roomSlotCounts(
  events: readonly RoomEvent[],
  roomId: string,
  date: string,
  window: { opensAt: string; closesAt: string },
  timeZone: string,
): staffRules.AttendanceDay {
  const open = toMinutes(window.opensAt);
  const slots = Math.max(0, (toMinutes(window.closesAt) - open) / staffRules.SLOT_MINUTES);
  const counts = new Array<number>(slots).fill(0);
  const present = new Set<string>();
  let slotOf = 0;
  const mark = (upTo: number) => {
    // Every slot from the last event up to this one held at least the children present before it.
    for (let s = slotOf; s <= Math.min(upTo, slots - 1); s++) {
      counts[s] = Math.max(counts[s] ?? 0, present.size);
    }
  };
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const local = instantToZoned(new Date(e.at), timeZone);
    if (local.date !== date || e.roomId !== roomId) continue;
    const slot = Math.floor((toMinutes(local.time) - open) / staffRules.SLOT_MINUTES);
    mark(slot);
    slotOf = Math.max(slotOf, Math.max(0, slot));
    if (e.kind === "in") present.add(e.childId);
    else present.delete(e.childId);
    if (slot >= 0 && slot < slots) counts[slot] = Math.max(counts[slot] ?? 0, present.size);
  }
  mark(slots - 1);
  return { date, counts };
}
