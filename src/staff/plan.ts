/**
 * @module staff/plan
 * The staffing plan of one room for the coming week, from what is stored: the room's attendance
 * history per 15-minute slot (the center's attendance events of the weeks before), its enrolled
 * children, the stored shifts and staff directory, judged by the center's rule pack and policy.
 * Made at an instant (`at`), today's slots take what the live monitor recorded in `ratio_history`
 * and what the live forecast (`compliance/outlook.ts`) sees next, so the plan agrees with the board.
 * A day with no shift at the center and no attendance on its weekday in the history is closed.
 * Nothing is changed here; the suggestions wait for a director to propose them.
 */
import { z } from "zod";
import { centerOutlook } from "../compliance/outlook.js";
import { toStaffInput } from "../compliance/room-input.js";
import { hoursOn, spanOf, type WeeklyHours } from "../domain/hours.js";
import type { Center, Shift } from "../domain/index.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import { AppError, err, type Result } from "../errors/index.js";
import { centerPolicySchema, getRulePack, staff as staffRules } from "../rules/index.js";
import { listEvents } from "../storage/attendance.js";
import { getCenterHours } from "../storage/center-hours.js";
import type { Store } from "../storage/db.js";
import { listChildren, listShifts, listStaff } from "../storage/directory.js";
import { getPolicy, lastHistoryBefore, listHistory } from "../storage/ratio.js";
import {
  daySlotCounts,
  eventsByLocalDate,
  observedSlots,
  type RoomEvent,
  recordedPoint,
  zonedReader,
} from "./staffing.js";

/** A local time moved onto the planning grid (down for an opening, up for a closing). */
function onGrid(time: string, way: "down" | "up"): string {
  const m = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const step = staffRules.SLOT_MINUTES;
  const g = Math.min(24 * 60 - step, (way === "down" ? Math.floor : Math.ceil)(m / step) * step);
  return `${String(Math.floor(g / 60)).padStart(2, "0")}:${String(g % 60).padStart(2, "0")}`;
}

/** Weeks of history read: as many as the forecast weighs. */
export const HISTORY_WEEKS = staffRules.HISTORY_WEIGHTS.length;

/** The day planned when the caller names no hours and the center has none stored. */
export const DEFAULT_WINDOW = { opensAt: "06:00", closesAt: "19:00" } as const;

export const planRequestSchema = z.object({
  roomId: z.string().min(1),
  weekStart: z.iso.date(),
  days: z.number().int().min(1).max(14).default(7),
  /** Default: the earliest opening and latest closing of the center's hours on the planned
   * weekdays (on the 15-minute grid), else `DEFAULT_WINDOW`. */
  opensAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  closesAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  /** The instant the plan is made at (the center's business clock). When today is planned, its
   * slots up to this instant are judged by what the live monitor recorded, and the next ones by
   * the live forecast; without it every slot is judged by the plan alone. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type PlanRequest = z.input<typeof planRequestSchema>;

/**
 * Stored events as room entries and exits: a check-out and a move leave the room the child was
 * last seen in (check-out events carry no room), a move enters the new one.
 */
export function storedRoomEvents(
  rows: readonly {
    type: string;
    subjectId: string | null;
    roomId: string | null;
    occurredAt: string;
    payload: unknown;
  }[],
): RoomEvent[] {
  const current = new Map<string, string>();
  const out: RoomEvent[] = [];
  for (const e of rows) {
    if (!e.subjectId) continue;
    const childId = e.subjectId;
    const toRoom =
      e.roomId ??
      ((e.payload as { toRoomId?: unknown; roomId?: unknown } | null)?.toRoomId as
        | string
        | undefined) ??
      null;
    const was = current.get(childId);
    if (e.type === "child.checked_out" || e.type === "child.moved") {
      if (was) out.push({ at: e.occurredAt, kind: "out", childId, roomId: was });
      current.delete(childId);
    }
    if ((e.type === "child.checked_in" || e.type === "child.moved") && toRoom) {
      if (e.type === "child.checked_in" && was && was !== toRoom) {
        out.push({ at: e.occurredAt, kind: "out", childId, roomId: was });
      }
      out.push({ at: e.occurredAt, kind: "in", childId, roomId: toRoom });
      current.set(childId, toRoom);
    }
  }
  return out;
}

/** The room's history per slot for each of the `HISTORY_WEEKS` weeks before `weekStart`; a day
 * on which the center recorded nothing is a closure and left out. */
export function roomHistory(
  db: Store,
  center: Center,
  roomId: string,
  weekStart: string,
  window: { opensAt: string; closesAt: string },
): staffRules.AttendanceDay[] {
  const from = addDays(weekStart, -7 * HISTORY_WEEKS);
  const rows = listEvents(
    db,
    center.id,
    zonedDateTimeToInstant(from, "00:00", center.timeZone).toISOString(),
    zonedDateTimeToInstant(weekStart, "00:00", center.timeZone).toISOString(),
  );
  // Each event is converted to local time once and filed under its day, not once per day planned.
  const zoned = zonedReader(center.timeZone);
  const openDays = new Set(rows.map((r) => zoned(r.occurredAt).date));
  const byDate = eventsByLocalDate(storedRoomEvents(rows), zoned);
  const out: staffRules.AttendanceDay[] = [];
  for (let date = from; date < weekStart; date = addDays(date, 1)) {
    if (!openDays.has(date)) continue;
    out.push(daySlotCounts(byDate.get(date) ?? [], roomId, date, window));
  }
  return out;
}

/**
 * Today's slots of the room as live state saw them at `at`: the monitor's recorded status changes
 * since opening, and the live forecast (`compliance/outlook.ts`) for the next minutes. Empty when
 * today is not among `dates`.
 */
export function todayObserved(
  db: Store,
  center: Center,
  roomId: string,
  window: { opensAt: string; closesAt: string },
  dates: readonly string[],
  at: Date,
): staffRules.ObservedSlot[] {
  const today = instantToZoned(at, center.timeZone).date;
  if (!dates.includes(today)) return [];
  const opening = zonedDateTimeToInstant(today, window.opensAt, center.timeZone).toISOString();
  const before = lastHistoryBefore(db, center.id, roomId, opening);
  const rows = listHistory(db, center.id, roomId, opening, at.toISOString());
  const outlook = centerOutlook(db, center.id, at).find((o) => o.roomId === roomId);
  return observedSlots({
    date: today,
    window,
    timeZone: center.timeZone,
    now: at,
    recorded: [...(before ? [before] : []), ...rows].map(recordedPoint),
    live: outlook
      ? {
          horizonEnd: outlook.forecast.horizonEnd,
          points: outlook.forecast.timeline.map((s) => ({
            at: s.at,
            compliant: s.compliant,
            children: s.children,
            countedStaff: s.countedStaff,
            requiredStaff: s.requiredStaff,
            reasons: s.reasons,
          })),
        }
      : null,
  });
}

/**
 * The plan of one room for `days` days from `weekStart`, from stored history and shifts.
 * `adjustShifts` rewrites the center's stored shifts first, to test a change before proposing it.
 */
export function roomStaffingPlan(
  db: Store,
  center: Center,
  request: PlanRequest,
  adjustShifts: (shifts: Shift[]) => Shift[] = (shifts) => shifts,
  hours: WeeklyHours | null = getCenterHours(db, center.id)?.hours ?? null,
): Result<staffRules.StaffingPlan> {
  const parsed = planRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "request");
    return err(new AppError("bad_request", `${field}: ${issue?.message ?? "invalid"}`, { field }));
  }
  const r = parsed.data;
  const pack = getRulePack(center.jurisdiction);
  if (!pack) {
    return err(
      new AppError("bad_request", `center: no rule pack for ${center.jurisdiction}`, {
        field: "center",
      }),
    );
  }
  const dates = Array.from({ length: r.days }, (_, i) => addDays(r.weekStart, i));
  const span = hours ? spanOf(hours, dates.map(weekdayOf)) : null;
  const window = {
    opensAt: r.opensAt ?? (span ? onGrid(span.opensAt, "down") : DEFAULT_WINDOW.opensAt),
    closesAt: r.closesAt ?? (span ? onGrid(span.closesAt, "up") : DEFAULT_WINDOW.closesAt),
  };
  const hoursByDate = Object.fromEntries(
    dates.flatMap((d) => {
      const day = hours ? hoursOn(hours, weekdayOf(d)) : null;
      return day ? [[d, day]] : [];
    }),
  );
  // Every shift of the center: the room's staff it, any at all says the center opens that day.
  const shifts = adjustShifts(listShifts(db, center.id, dates));
  const directory = listStaff(
    db,
    center.id,
    shifts.filter((s) => s.roomId === r.roomId).map((s) => s.staffId),
  );
  const staff: Record<string, z.input<typeof staffRules.staffingPlanInputSchema>["staff"][string]> =
    {};
  for (const s of directory) {
    const input = toStaffInput(s, false, r.weekStart, pack);
    if (input) staff[s.id] = input;
  }
  const children = listChildren(db, center.id)
    .filter((c) => c.homeRoomId === r.roomId)
    .map((c) => ({
      id: c.id,
      birthDate: c.birthDate,
      schedule: c.schedule,
      enrolledFrom: null,
    }));
  const stored = getPolicy(db, center.id);
  const policy = stored === undefined ? undefined : centerPolicySchema.safeParse(stored).data;
  return staffRules.planStaffing(pack, {
    ...window,
    roomId: r.roomId,
    weekStart: r.weekStart,
    days: r.days,
    children,
    history: roomHistory(db, center, r.roomId, r.weekStart, window),
    shifts,
    staff,
    policy,
    observed:
      r.at === undefined ? [] : todayObserved(db, center, r.roomId, window, dates, new Date(r.at)),
    hoursByDate,
  });
}
