/**
 * @module door/history
 * A center's stored attendance events as one `DayRecord` per child and local day, the input of
 * `attendancePatterns`. A day on which the center recorded nothing at all is a closure (holiday,
 * no feed), not an absence: no child is expected on it. Absence notices are not reported by either
 * platform yet, so none is on record.
 */
import type { Center, Child } from "../domain/index.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import type { DayRecord } from "../rules/attendance/index.js";
import { listEvents } from "../storage/attendance.js";
import type { Store } from "../storage/db.js";

export const eventRef = (e: { provider: string; sourceEventId: string; seq: number }) =>
  `${e.provider}:${e.sourceEventId}:${e.seq}`;

/** Every child's days in [from, to] (local dates, inclusive). */
export function loadDayRecords(
  db: Store,
  center: Center,
  children: readonly Child[],
  from: string,
  to: string,
): Map<string, DayRecord[]> {
  const tz = center.timeZone;
  const events = listEvents(
    db,
    center.id,
    zonedDateTimeToInstant(from, "00:00", tz).toISOString(),
    zonedDateTimeToInstant(addDays(to, 1), "00:00", tz).toISOString(),
  );
  const open = new Set<string>();
  type Day = { arrivedAt: string | null; departedAt: string | null; recordIds: string[] };
  const days = new Map<string, Day>();
  for (const e of events) {
    const local = instantToZoned(new Date(e.occurredAt), tz);
    open.add(local.date);
    if (!e.subjectId) continue;
    if (e.type !== "child.checked_in" && e.type !== "child.checked_out") continue;
    const key = `${e.subjectId}|${local.date}`;
    const day = days.get(key) ?? { arrivedAt: null, departedAt: null, recordIds: [] };
    if (e.type === "child.checked_in") day.arrivedAt ??= local.time;
    else day.departedAt = local.time;
    day.recordIds.push(eventRef(e));
    days.set(key, day);
  }
  const out = new Map<string, DayRecord[]>();
  for (const child of children) {
    const records: DayRecord[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const day = days.get(`${child.id}|${date}`);
      const scheduled = child.schedule.find((s) => s.day === weekdayOf(date));
      const expected =
        open.has(date) && scheduled ? { arrive: scheduled.arrive, depart: scheduled.depart } : null;
      if (!expected && !day) continue;
      records.push({
        date,
        expected,
        arrivedAt: day?.arrivedAt ?? null,
        departedAt: day?.departedAt ?? null,
        absenceNotice: false,
        recordIds: day?.recordIds ?? [],
      });
    }
    out.set(child.id, records);
  }
  return out;
}
