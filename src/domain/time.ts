/**
 * @module domain/time
 * Wall-clock time in a center's own time zone, computed with `Intl` only (no dependency). Schedules,
 * shifts and "opens at 06:30" are local; events are instants. These helpers convert between the two
 * and stay correct on daylight-saving days, which is exactly when a naive `offset * 60_000` breaks.
 * Pure: the clock is always a parameter.
 */
import type { Weekday } from "./people.js";

export interface ZonedParts {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:MM` in the zone (24-hour). */
  time: string;
  weekday: Weekday;
}

const weekdays: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

// Building a DateTimeFormat is far slower than using one; schedules convert thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const weekday = weekdays[parts.weekday ?? ""];
  if (!weekday) throw new RangeError(`cannot read a weekday for ${timeZone}`);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some ICU versions still print midnight as "24" even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. -7h for PDT). */
function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`expected a YYYY-MM-DD date, got "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(time: string): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`expected an HH:MM time, got "${time}"`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`.
 * On a spring-forward day a time inside the gap (02:30) moves forward by the gap (to 03:30); on a
 * fall-back day an ambiguous time (01:30) resolves to its first occurrence. Both follow Temporal's
 * "compatible" disambiguation, so a 02:30 shift start is never silently dropped.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = parseDate(date);
  const [h, mi] = parseTime(time);
  const local = Date.UTC(y, mo - 1, d, h, mi);
  // Offsets a day either side bracket any single transition (no zone has two within 48 hours).
  const before = offsetMs(local - 86_400_000, timeZone);
  const after = offsetMs(local + 86_400_000, timeZone);
  const candidates = [local - before, local - after].filter(
    (t) => offsetMs(t, timeZone) === local - t,
  );
  if (candidates.length === 0) return new Date(local - before);
  return new Date(Math.min(...candidates));
}

/** The date, `HH:MM` and weekday the wall clock in `timeZone` shows at `instant`. */
export function instantToZoned(instant: Date, timeZone: string): ZonedParts {
  const w = wallClock(instant.getTime(), timeZone);
  return {
    date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
    weekday: w.weekday,
  };
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const byUtcDay: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The weekday of a calendar date (independent of any zone). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = parseDate(date);
  return byUtcDay[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}
