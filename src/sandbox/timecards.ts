/**
 * @module sandbox/timecards
 * Timecards as the platforms derive them: one per staff member per working day, from the clock and
 * break events that have actually been played (a shift still running has no clock-out yet).
 */
import type { SandboxEvent } from "./events.js";
import { localDate } from "./script.js";
import type { SimCenter } from "./world.js";

export interface StaffDay {
  staffId: string;
  centerId: string;
  /** The center's local date of the clock-in. */
  date: string;
  clockIn: string;
  clockOut: string | null;
  breaks: { start: string; end: string | null }[];
}

/** The center's staff days from played events, in clock-in order. */
export function staffDays(center: SimCenter, events: readonly SandboxEvent[]): StaffDay[] {
  const days: StaffDay[] = [];
  const open = new Map<string, StaffDay>();
  for (const e of events) {
    if (e.centerId !== center.id) continue;
    if (e.kind === "staff.clocked_in") {
      const day: StaffDay = {
        staffId: e.staffId,
        centerId: center.id,
        date: localDate(center, new Date(e.at)),
        clockIn: e.at,
        clockOut: null,
        breaks: [],
      };
      days.push(day);
      open.set(e.staffId, day);
    } else if (e.kind === "staff.clocked_out") {
      const day = open.get(e.staffId);
      if (day) day.clockOut = e.at;
      open.delete(e.staffId);
    } else if (e.kind === "staff.break_started") {
      open.get(e.staffId)?.breaks.push({ start: e.at, end: null });
    } else if (e.kind === "staff.break_ended") {
      const last = open.get(e.staffId)?.breaks.at(-1);
      if (last && last.end === null) last.end = e.at;
    }
  }
  return days;
}
