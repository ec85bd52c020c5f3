/**
 * @module storage/center-hours
 * A center's opening hours per weekday. Read as null when none are stored, so callers fall back
 * to not applying opening/closing rules (never to a guessed day).
 */
import { eq } from "drizzle-orm";
import { type HoursSource, type WeeklyHours, weeklyHoursSchema } from "../domain/hours.js";
import type { Store } from "./db.js";
import { centerHours } from "./schema.js";

export interface StoredHours {
  hours: WeeklyHours;
  source: HoursSource;
  updatedAt: string;
}

/** The center's hours with its time zone, as the ratio input's builder takes them. */
export function centerHoursFor(
  db: Store,
  center: { id: string; timeZone: string },
): { weekly: WeeklyHours; timeZone: string } | null {
  const stored = getCenterHours(db, center.id);
  return stored ? { weekly: stored.hours, timeZone: center.timeZone } : null;
}

export function getCenterHours(db: Store, centerId: string): StoredHours | null {
  const row = db.select().from(centerHours).where(eq(centerHours.centerId, centerId)).get();
  if (!row) return null;
  const hours = weeklyHoursSchema.safeParse(row.hours);
  return hours.success ? { hours: hours.data, source: row.source, updatedAt: row.updatedAt } : null;
}

export function putCenterHours(
  db: Store,
  centerId: string,
  hours: WeeklyHours,
  source: HoursSource,
  at: string,
): void {
  db.insert(centerHours)
    .values({ centerId, hours, source, updatedAt: at })
    .onConflictDoUpdate({
      target: centerHours.centerId,
      set: { hours, source, updatedAt: at },
    })
    .run();
}
