/**
 * @module staff/staffing
 * Attendance history for the staffing plan: children present in a room per 15-minute slot of a
 * day (the most present at any moment in the slot), from check-in, move and check-out events; and
 * today's slots as the live monitor recorded them and the live forecast sees them.
 * Pure: events, points, the room, the day, the center's hours and "now" are inputs.
 */
import { instantToZoned, type ZonedParts, zonedDateTimeToInstant } from "../domain/time.js";
import { staff as staffRules } from "../rules/index.js";

export interface RoomEvent {
  at: string;
  kind: "in" | "out";
  childId: string;
  roomId: string;
}

/** A room event with the center's local date and time it happened at. */
export interface LocalRoomEvent extends RoomEvent {
  date: string;
  time: string;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const HOUR_MS = 3_600_000;
const QUARTER_HOUR_MS = 900_000;
const byUtcDay: ZonedParts["weekday"][] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The zone's offset at `epochMs`, to the minute, read from the wall clock `Intl` gives. */
function offsetAt(epochMs: number, timeZone: string): number {
  const local = instantToZoned(new Date(epochMs), timeZone);
  const [y, m, d] = local.date.split("-").map(Number);
  const [h, mi] = local.time.split(":").map(Number);
  const minute = Math.floor(epochMs / 60_000) * 60_000;
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0) - minute;
}

/**
 * Instants read on the center's wall clock. A plan reads weeks of events and `Intl` costs a few
 * microseconds a call, so the zone's offset is read once per UTC hour and each instant is shifted
 * by it. An hour whose offset differs at its two ends (a daylight-saving change), or is not a
 * whole quarter hour (historic local mean time), is read instant by instant instead.
 */
export function zonedReader(timeZone: string): (at: string) => ZonedParts {
  const seen = new Map<string, ZonedParts>();
  const hourOffsets = new Map<number, number | null>();
  const hourOffset = (hour: number): number | null => {
    let offset = hourOffsets.get(hour);
    if (offset === undefined) {
      const start = offsetAt(hour, timeZone);
      const end = offsetAt(hour + HOUR_MS - 1, timeZone);
      offset = start === end && start % QUARTER_HOUR_MS === 0 ? start : null;
      hourOffsets.set(hour, offset);
    }
    return offset;
  };
  return (at) => {
    const known = seen.get(at);
    if (known) return known;
    const t = Date.parse(at);
    const offset = Number.isNaN(t) ? null : hourOffset(Math.floor(t / HOUR_MS) * HOUR_MS);
    let local: ZonedParts;
    if (offset === null) local = instantToZoned(new Date(at), timeZone);
    else {
      const w = new Date(t + offset);
      local = {
        date: `${String(w.getUTCFullYear()).padStart(4, "0")}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
        time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`,
        weekday: byUtcDay[w.getUTCDay()] as ZonedParts["weekday"],
      };
    }
    seen.set(at, local);
    return local;
  };
}

/**
 * Events by the local date they happened on, each day in time order: sorted and converted once,
 * however many days and rooms are then counted from them.
 */
export function eventsByLocalDate(
  events: readonly RoomEvent[],
  zoned: (at: string) => ZonedParts,
): Map<string, LocalRoomEvent[]> {
  const byDate = new Map<string, LocalRoomEvent[]>();
  // Code-unit order, as storage returns them (a locale-aware compare cost a tenth of a plan).
  for (const e of [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const local = zoned(e.at);
    const day = byDate.get(local.date);
    const entry = { ...e, date: local.date, time: local.time };
    if (day) day.push(entry);
    else byDate.set(local.date, [entry]);
  }
  return byDate;
}

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
  const day = eventsByLocalDate(events, zonedReader(timeZone)).get(date) ?? [];
  return daySlotCounts(day, roomId, date, window);
}

/** `roomSlotCounts` over one local day's events, already in time order (`eventsByLocalDate`). */
export function daySlotCounts(
  day: readonly LocalRoomEvent[],
  roomId: string,
  date: string,
  window: { opensAt: string; closesAt: string },
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
  for (const e of day) {
    if (e.date !== date || e.roomId !== roomId) continue;
    const slot = Math.floor((toMinutes(e.time) - open) / staffRules.SLOT_MINUTES);
    mark(slot);
    slotOf = Math.max(slotOf, Math.max(0, slot));
    if (e.kind === "in") present.add(e.childId);
    else present.delete(e.childId);
    if (slot >= 0 && slot < slots) counts[slot] = Math.max(counts[slot] ?? 0, present.size);
  }
  mark(slots - 1);
  return { date, counts };
}

/** The room's ratio at one moment, as the live monitor recorded it or the live forecast sees it;
 * it holds until the next point. */
export interface RatioPoint {
  at: string;
  compliant: boolean;
  children: number;
  countedStaff: number;
  requiredStaff: number;
  reasons: string[];
}

/**
 * A `ratio_history` row as a point: violation and critical are out of ratio; the counts come from
 * the evaluation stored with it (zero where it lacks them).
 */
export function recordedPoint(row: {
  at: string;
  status: string;
  evaluation: unknown;
}): RatioPoint {
  const e = (row.evaluation ?? {}) as Record<string, unknown>;
  const n = (k: string) => (typeof e[k] === "number" ? (e[k] as number) : 0);
  return {
    at: row.at,
    compliant: row.status !== "violation" && row.status !== "critical",
    children: n("children"),
    countedStaff: n("countedStaff"),
    requiredStaff: n("requiredStaff"),
    reasons: Array.isArray(e.reasons) ? e.reasons.filter((r) => typeof r === "string") : [],
  };
}

/** The points in force at some moment of [from, to): those in it, after the last one before it
 * unless one starts exactly at `from` (a change and its undoing can share one instant). */
function inForce(points: readonly RatioPoint[], from: number, to: number): RatioPoint[] {
  if (!(to > from)) return [];
  const within = points.filter((p) => Date.parse(p.at) >= from && Date.parse(p.at) < to);
  const opening = points.filter((p) => Date.parse(p.at) < from).at(-1);
  return opening && Date.parse(within[0]?.at ?? "") !== from ? [opening, ...within] : within;
}

/**
 * Today's slots as live state saw them: a slot already over from the recorded points, the slot now
 * and those starting within the live forecast from the recorded points up to `now` and the live
 * ones after. A slot is out of ratio if the room was (or will be) at any moment of it; its counts
 * are the worst moment's. A slot nothing covers is left out, so the plan keeps its own judgement.
 * Pure: `now` and the points are inputs.
 */
export function observedSlots(input: {
  date: string;
  window: { opensAt: string; closesAt: string };
  timeZone: string;
  now: Date;
  /** Status changes up to `now`, oldest first, starting with the one in force at opening. */
  recorded: readonly RatioPoint[];
  /** The live forecast: the room now, then after each change, up to `horizonEnd`. */
  live: { points: readonly RatioPoint[]; horizonEnd: string } | null;
}): staffRules.ObservedSlot[] {
  const now = input.now.getTime();
  const horizonEnd = input.live ? Date.parse(input.live.horizonEnd) : now;
  const open = toMinutes(input.window.opensAt);
  const slots = Math.max(0, (toMinutes(input.window.closesAt) - open) / staffRules.SLOT_MINUTES);
  const out: staffRules.ObservedSlot[] = [];
  for (let i = 0; i < slots; i++) {
    const minutes = open + i * staffRules.SLOT_MINUTES;
    const start = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    const from = zonedDateTimeToInstant(input.date, start, input.timeZone).getTime();
    const to = from + staffRules.SLOT_MINUTES * 60_000;
    if (from >= Math.max(now, horizonEnd)) break;
    const points = [
      ...inForce(input.recorded, from, Math.min(to, now)),
      ...inForce(input.live?.points ?? [], Math.max(from, now), Math.min(to, horizonEnd)),
    ];
    if (points.length === 0) continue;
    const breaches = points.filter((p) => !p.compliant);
    const short = (p: RatioPoint) => Math.max(p.requiredStaff - p.countedStaff, 0);
    const worst =
      breaches.length > 0
        ? breaches.reduce((a, b) => (short(b) > short(a) ? b : a))
        : points.reduce((a, b) => (b.children > a.children ? b : a));
    out.push({
      date: input.date,
      start,
      source: to <= now ? "recorded" : "live",
      compliant: breaches.length === 0,
      children: Math.max(...points.map((p) => p.children)),
      countedStaff: worst.countedStaff,
      requiredStaff: worst.requiredStaff,
      staffShort: short(worst),
      reasons: [...new Set(breaches.flatMap((p) => p.reasons))],
    });
  }
  return out;
}
