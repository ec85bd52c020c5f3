/**
 * @module drafting/wording
 * How a center writes to a family: the salutation, times on the center's clock (12-hour in the
 * US), dates in words, money. Pure; the templates and the prompts' instructions follow the same
 * rules, and the drafting eval checks drafts against them.
 */
import { z } from "zod";

export const clockSchema = z.enum(["12h", "24h"]);
export type Clock = z.infer<typeof clockSchema>;

/**
 * The clock a center's families read: 12-hour for US jurisdictions (a state such as `US-CA` or
 * `CA`, and the national `NAEYC`/`CFOC` standards), 24-hour for a code of another country.
 */
export function clockFor(jurisdiction: string | undefined): Clock {
  if (!jurisdiction) return "12h";
  const country = /^([A-Z]{2})-/.exec(jurisdiction)?.[1];
  return country === undefined || country === "US" ? "12h" : "24h";
}

/** `18:20` → `6:20 PM` on a 12-hour clock, unchanged on a 24-hour one. */
export function formatTime(hhmm: string, clock: Clock): string {
  if (clock === "24h") return hhmm;
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** `2026-11-23` → `Monday, November 23` (with the year: `November 23, 2026`). */
export function formatDate(iso: string, o: { weekday?: boolean; year?: boolean } = {}): string {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const day = `${MONTHS[m - 1]} ${d}${o.year ? `, ${y}` : ""}`;
  return o.weekday === false ? day : `${weekday}, ${day}`;
}

/** "Dear Nightingale Family," whether the platform calls the family "The Nightingale Family" or not. */
export function salutation(familyName: string): string {
  const name = familyName.trim().replace(/^the\s+/i, "");
  return `Dear ${name},`;
}

export const minutes = (n: number): string => (n === 1 ? "1 minute" : `${n} minutes`);

/** Whole days in words, never negative: "in 12 days", "today", "3 days ago". */
export function daysFromNow(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
