/**
 * @module sandbox/schedule
 * Which days the simulated centers open, and each staff member's planned shift on a date. Shifts are
 * the plan as the platform lists it (`staff_schedules`, `schedules`); what actually happens, with
 * late clock-ins and the call-out, is the script's business. Centers open Monday to Friday, as most
 * licensed centers do.
 */
import { addDays, weekdayOf } from "../domain/time.js";
import type { SimCenter } from "./world.js";

export interface SimShift {
  id: string;
  centerId: string;
  staffId: string;
  date: string;
  start: string;
  end: string;
  roomId: string | null;
  breaks: { start: string; end: string }[];
}

export function isOpenDay(date: string): boolean {
  const day = weekdayOf(date);
  return day !== "sat" && day !== "sun";
}

/** The first open day after `date`. */
export function nextOpenDay(date: string): string {
  let next = addDays(date, 1);
  while (!isOpenDay(next)) next = addDays(next, 1);
  return next;
}

/** `date` itself when the centers open that day, otherwise the next open day. */
export function firstOpenDay(date: string): string {
  return isOpenDay(date) ? date : nextOpenDay(date);
}

/** Everyone's planned shift at `center` on `date`; none on closed days. */
export function shiftsOn(center: SimCenter, date: string): SimShift[] {
  if (!isOpenDay(date)) return [];
  const compact = date.replaceAll("-", "");
  const prefix = center.provider === "procare" ? "sched" : "SHF";
  return center.staff.map((s) => ({
    id: `${prefix}_${compact}_${s.id}`,
    centerId: center.id,
    staffId: s.id,
    date,
    start: s.duty.start,
    end: s.duty.end,
    roomId: s.duty.roomId,
    breaks: s.duty.breaks.map((b) => ({ ...b })),
  }));
}
