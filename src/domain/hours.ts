/**
 * @module domain/hours
 * A center's opening hours per weekday, local time, and where the ratio core's opening/closing
 * rules need them: the minutes since opening and until closing at an instant. A weekday without
 * hours is closed. Pure: the instant is a parameter.
 */
import { z } from "zod";
import { type Weekday, weekdaySchema } from "./people.js";
import { instantToZoned, zonedDateTimeToInstant } from "./time.js";

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");

export const dayHoursSchema = z
  .object({ opensAt: localTime, closesAt: localTime })
  .refine((d) => d.closesAt > d.opensAt, { message: "closesAt must be after opensAt" });
export type DayHours = z.infer<typeof dayHoursSchema>;

/** Hours per weekday (`mon` … `sun`); a weekday missing or null is closed. */
export const weeklyHoursSchema = z.partialRecord(weekdaySchema, dayHoursSchema.nullable());
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

export const hoursSourceSchema = z.enum(["platform", "director", "sandbox"]);
export type HoursSource = z.infer<typeof hoursSourceSchema>;

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function hoursOn(hours: WeeklyHours, weekday: Weekday): DayHours | null {
  return hours[weekday] ?? null;
}

/**
 * Whole minutes since the day's opening and until its closing at `at`, rounded away from the
 * opening/closing windows (up while open, down outside the hours), so a rule for "the first 45
 * minutes" is never applied a fraction of a minute too long. Empty on a closed day.
 */
export function minutesAroundHours(
  hours: WeeklyHours,
  at: Date,
  timeZone: string,
): { minutesSinceOpening?: number; minutesUntilClosing?: number } {
  const local = instantToZoned(at, timeZone);
  const day = hoursOn(hours, local.weekday);
  if (day === null) return {};
  const open = zonedDateTimeToInstant(local.date, day.opensAt, timeZone).getTime();
  const close = zonedDateTimeToInstant(local.date, day.closesAt, timeZone).getTime();
  const toward = (ms: number) => (ms >= 0 ? Math.ceil(ms / 60_000) : Math.floor(ms / 60_000));
  return {
    minutesSinceOpening: toward(at.getTime() - open),
    minutesUntilClosing: toward(close - at.getTime()),
  };
}

/** The earliest opening and latest closing over `weekdays` (null when all are closed). */
export function spanOf(hours: WeeklyHours, weekdays: readonly Weekday[]): DayHours | null {
  const days = weekdays.flatMap((w) => {
    const d = hoursOn(hours, w);
    return d ? [d] : [];
  });
  if (days.length === 0) return null;
  return {
    opensAt: days.map((d) => d.opensAt).sort()[0] as string,
    closesAt: days
      .map((d) => d.closesAt)
      .sort()
      .at(-1) as string,
  };
}
