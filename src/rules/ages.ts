/**
 * @module rules/ages
 * Completed months and years of age on a given date, as licensing rules count them: a child born
 * on 2025-03-15 is 11 months old until 2026-03-14 and 12 months on 2026-03-15.
 *
 * Every room evaluation counts the age of everyone in the room, so a `YYYY-MM-DD` date is read
 * straight from its character codes (no split, no arrays): splitting used to be a third of an
 * evaluation's time.
 */

const ZERO = 48;
const DASH = 45;

function digit(date: string, i: number): number {
  const c = date.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * A `YYYY-MM-DD` date as one number, `(year * 12 + month) * 100 + day`, so completed months are
 * an integer division away; NaN for anything not in exactly that shape.
 */
export function dateKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) {
    return Number.NaN;
  }
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  return (y * 12 + m) * 100 + d;
}

/** Completed whole months between two `dateKey`s; never negative. */
export function completedMonthsByKey(birthKey: number, onKey: number): number {
  const months =
    Math.floor(onKey / 100) - Math.floor(birthKey / 100) - (onKey % 100 < birthKey % 100 ? 1 : 0);
  return Math.max(0, months);
}

/** Dates in another shape (a bare year, one-digit months) are read leniently, as they always were. */
function lenientMonths(birthDate: string, onDate: string): number {
  const [by = 0, bm = 1, bd = 1] = birthDate.split("-").map(Number);
  const [y = 0, m = 1, d = 1] = onDate.split("-").map(Number);
  return Math.max(0, (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0));
}

// An evaluation counts everyone's age on the same date: its key is read once, not once a person.
let lastOnDate = "";
let lastOnKey = Number.NaN;

function onDateKey(onDate: string): number {
  if (onDate !== lastOnDate) {
    lastOnKey = dateKey(onDate);
    lastOnDate = onDate;
  }
  return lastOnKey;
}

/** Completed whole months from `birthDate` to `onDate` (both `YYYY-MM-DD`); never negative. */
export function completedMonths(birthDate: string, onDate: string): number {
  const birthKey = dateKey(birthDate);
  const onKey = onDateKey(onDate);
  if (Number.isNaN(birthKey) || Number.isNaN(onKey)) return lenientMonths(birthDate, onDate);
  return completedMonthsByKey(birthKey, onKey);
}

export function completedYears(birthDate: string, onDate: string): number {
  return Math.floor(completedMonths(birthDate, onDate) / 12);
}
