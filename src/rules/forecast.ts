/**
 * @module rules/forecast
 * The known future of a room, replayed: scheduled arrivals and pick-ups, shift starts and ends,
 * planned breaks, a staff member past the end of a shift and still clocked in. `forecastRoom`
 * applies them in time order to the room as it is now, evaluates after each one, and reports the
 * first moment the room would be out of ratio and why. `plannedEvents` builds those events for a
 * center from its children's weekly schedules and its shifts.
 *
 * Pure: no clock, no I/O; `now` is a parameter. Where the future is uncertain the forecast errs
 * towards warning: at one instant, staff leave and go on break before anyone arrives and children
 * arrive before any child leaves; a pick-up that is late or a break that is overdue is not assumed
 * to have happened; a staff member still clocked in after a shift ended is assumed to leave soon.
 */
import { z } from "zod";
import { idSchema, instantSchema } from "../domain/ids.js";
import type { Child, Shift } from "../domain/people.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import { evaluateRoom } from "./evaluate.js";
import {
  type Evaluation,
  type RatioStatus,
  type Room,
  type RoomInput,
  roomChildSchema,
  roomInputSchema,
  roomStaffSchema,
} from "./evaluation.js";
import type { CenterPolicy, RulePack } from "./pack.js";

/** Plain words about where an event comes from, e.g. "shift ends 15:00"; never a child's name. */
const note = z.string().optional();

export const futureEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("child.arrives"),
    at: instantSchema,
    childId: idSchema,
    /** The room the child is expected in (the home room, for a scheduled arrival). */
    roomId: idSchema,
    /** What the ratio core needs to place the child: age in months or birth date. */
    child: roomChildSchema,
    note,
  }),
  z.object({ type: z.literal("child.departs"), at: instantSchema, childId: idSchema, note }),
  z.object({
    type: z.literal("staff.arrives"),
    at: instantSchema,
    staffId: idSchema,
    /** The room of the shift that starts; null for a shift with no room. A staff member already
     * in another room moves: for that room this is a departure. */
    roomId: idSchema.nullable(),
    /** The staff member as the ratio core sees them (role, age, qualification, credentials). */
    staff: roomStaffSchema,
    note,
  }),
  z.object({ type: z.literal("staff.leaves"), at: instantSchema, staffId: idSchema, note }),
  z.object({ type: z.literal("staff.break_starts"), at: instantSchema, staffId: idSchema, note }),
  z.object({ type: z.literal("staff.break_ends"), at: instantSchema, staffId: idSchema, note }),
]);
export type FutureEvent = z.output<typeof futureEventSchema>;
export type FutureEventInput = z.input<typeof futureEventSchema>;
export type FutureEventType = FutureEvent["type"];

/** The default look-ahead, in minutes. */
export const DEFAULT_HORIZON_MINUTES = 30;
/** How soon a staff member past the end of a shift, or a planned break not yet taken, is assumed
 * to happen. */
export const OVERDUE_LEAD_MS = 60_000;

/**
 * The room's minutes since opening and until closing moved on from `now` to `at`, rounded so the
 * first/last-minutes windows end early rather than late: a count still inside the day moves by the
 * whole minutes that favour leaving the window, one outside it by the fewest.
 */
function laterInDay(state: Room, now: Date, at: Date): Room {
  const d = (at.getTime() - now.getTime()) / 60_000;
  const since = state.minutesSinceOpening;
  const until = state.minutesUntilClosing;
  return {
    ...state,
    ...(since === undefined
      ? {}
      : { minutesSinceOpening: since + (since >= 0 ? Math.ceil(d) : Math.floor(d)) }),
    ...(until === undefined ? {} : { minutesUntilClosing: until - Math.floor(d) }),
  };
}

export interface ForecastOptions {
  /** The room forecast: arrivals name their room, so this picks the ones that come here. */
  roomId: string;
  /** The center's local date at `now` (ages are counted in local dates). */
  localDate: string;
  /** The center's time zone; when given, each moment is evaluated on its own local date (a
   * forecast across midnight), otherwise every moment uses `localDate`. */
  timeZone?: string;
  /** How far ahead to look, in minutes (default 30). Events in (now, now + horizon] are used. */
  horizonMinutes?: number;
  policy?: CenterPolicy;
}

/** One moment of the replay: the room after `cause` (the room as it is now when `cause` is null). */
export interface ForecastStep {
  at: string;
  status: RatioStatus;
  compliant: boolean;
  children: number;
  countedStaff: number;
  requiredStaff: number;
  reasons: string[];
  cause: FutureEvent | null;
}

export interface ForecastBreach {
  /** The first moment out of ratio (`now` when the room is out of ratio already). */
  at: string;
  status: RatioStatus;
  reasons: string[];
  /** The event that tips the room over; null when it is out of ratio now. */
  cause: FutureEvent | null;
  /** One line, e.g. "at 2026-…: staff t2 leaves (shift ends 15:00): short by 1 counted staff…". */
  summary: string;
  evaluation: Evaluation;
}

export interface Forecast {
  roomId: string;
  now: string;
  horizonEnd: string;
  firstBreach: ForecastBreach | null;
  /** The room now, then after every event that changed it, in the order applied. */
  timeline: ForecastStep[];
}

/**
 * Tie order at one instant, pessimistic: whoever leaves the room or goes on break goes first, then
 * children arrive, then staff arrive or come back, and children leave last. So the worst state the
 * instant could pass through is evaluated.
 */
function tieRank(event: FutureEvent, roomId: string): number {
  switch (event.type) {
    case "staff.leaves":
      return 0;
    case "staff.arrives":
      return event.roomId === roomId ? 3 : 0;
    case "staff.break_starts":
      return 1;
    case "child.arrives":
      return 2;
    case "staff.break_ends":
      return 4;
    case "child.departs":
      return 5;
  }
}

function subjectOf(event: FutureEvent): string {
  return "childId" in event ? event.childId : event.staffId;
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The event in plain words, with ids only (no names). */
export function describeEvent(event: FutureEvent): string {
  const why = event.note ? ` (${event.note})` : "";
  switch (event.type) {
    case "child.arrives":
      return `a child arrives${why}`;
    case "child.departs":
      return `a child leaves${why}`;
    case "staff.arrives":
      return `staff ${event.staffId} arrives${event.roomId ? ` in room ${event.roomId}` : ""}${why}`;
    case "staff.leaves":
      return `staff ${event.staffId} leaves${why}`;
    case "staff.break_starts":
      return `staff ${event.staffId} goes on break${why}`;
    case "staff.break_ends":
      return `staff ${event.staffId} comes back from break${why}`;
  }
}

/** Orders events as `forecastRoom` applies them to `roomId`: by time, then pessimistically. */
export function orderEvents(events: readonly FutureEvent[], roomId: string): FutureEvent[] {
  return events
    .map((event, index) => ({ event, index, t: Date.parse(event.at) }))
    .sort(
      (a, b) =>
        a.t - b.t ||
        tieRank(a.event, roomId) - tieRank(b.event, roomId) ||
        compareIds(subjectOf(a.event), subjectOf(b.event)) ||
        a.index - b.index,
    )
    .map((x) => x.event);
}

/**
 * The room after `event`, or null when the event does not change it (someone not here leaves, an
 * arrival into another room of someone not here, a break of someone already on one). A child
 * expected elsewhere who is here stays here (the pessimistic reading); a staff member expected
 * elsewhere who is here moves out.
 */
export function applyEvent(room: Room, event: FutureEvent, roomId: string): Room | null {
  switch (event.type) {
    case "child.arrives": {
      if (event.roomId !== roomId || room.children.some((c) => c.id === event.childId)) return null;
      return { ...room, children: [...room.children, { ...event.child, id: event.childId }] };
    }
    case "child.departs": {
      if (!room.children.some((c) => c.id === event.childId)) return null;
      return { ...room, children: room.children.filter((c) => c.id !== event.childId) };
    }
    case "staff.arrives": {
      const here = room.staff.some((s) => s.id === event.staffId);
      if (event.roomId === roomId) {
        if (here) return null;
        return { ...room, staff: [...room.staff, { ...event.staff, id: event.staffId }] };
      }
      if (!here) return null;
      return { ...room, staff: room.staff.filter((s) => s.id !== event.staffId) };
    }
    case "staff.leaves": {
      if (!room.staff.some((s) => s.id === event.staffId)) return null;
      return { ...room, staff: room.staff.filter((s) => s.id !== event.staffId) };
    }
    case "staff.break_starts":
    case "staff.break_ends": {
      const onBreak = event.type === "staff.break_starts";
      if (!room.staff.some((s) => s.id === event.staffId && s.onBreak !== onBreak)) return null;
      return {
        ...room,
        staff: room.staff.map((s) => (s.id === event.staffId ? { ...s, onBreak } : s)),
      };
    }
  }
}

function horizonMs(minutes: number | undefined): Result<number> {
  const m = minutes ?? DEFAULT_HORIZON_MINUTES;
  if (!Number.isFinite(m) || m <= 0 || m > 24 * 60) {
    return err(
      new AppError(
        "bad_request",
        `horizonMinutes: expected more than 0 and at most 1440, got ${m}`,
        {
          field: "horizonMinutes",
        },
      ),
    );
  }
  return ok(m * 60_000);
}

function validNow(now: Date): Result<Date> {
  if (Number.isNaN(now.getTime())) {
    return err(new AppError("bad_request", "now: not a valid instant", { field: "now" }));
  }
  return ok(now);
}

function step(at: Date, evaluation: Evaluation, cause: FutureEvent | null): ForecastStep {
  return {
    at: at.toISOString(),
    status: evaluation.status,
    compliant: evaluation.compliant,
    children: evaluation.children,
    countedStaff: evaluation.countedStaff,
    requiredStaff: evaluation.requiredStaff,
    reasons: evaluation.reasons,
    cause,
  };
}

/**
 * Replays `future` onto `current` (one room, as it is at `now`) and finds the first moment in
 * (now, now + horizon] the room would be out of ratio. Events outside the window are ignored: the
 * present state is the truth for anything already due. If the room is out of ratio now, the breach
 * is now. Fails only on malformed input or a room the evaluator rejects.
 */
export function forecastRoom(
  pack: RulePack,
  now: Date,
  current: RoomInput,
  future: readonly FutureEventInput[],
  options: ForecastOptions,
): Result<Forecast> {
  const checkedNow = validNow(now);
  if (!checkedNow.ok) return checkedNow;
  const horizon = horizonMs(options.horizonMinutes);
  if (!horizon.ok) return horizon;
  const room = roomInputSchema.safeParse(current);
  if (!room.success) return err(fromZodError(room.error, "bad_request", "current"));
  const events = z.array(futureEventSchema).safeParse(future);
  if (!events.success) return err(fromZodError(events.error, "bad_request", "future"));

  const start = now.getTime();
  const end = start + horizon.value;
  const inWindow = events.data.filter((e) => {
    const t = Date.parse(e.at);
    return t > start && t <= end;
  });
  const ordered = orderEvents(inWindow, options.roomId);

  const { timeZone } = options;
  if (timeZone !== undefined) {
    try {
      instantToZoned(now, timeZone);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return err(
        new AppError("bad_request", `timeZone: unknown time zone "${timeZone}"`, {
          field: "timeZone",
        }),
      );
    }
  }
  const localDateAt = (at: Date) =>
    timeZone === undefined ? options.localDate : instantToZoned(at, timeZone).date;
  // The open violation, carried forward so a long breach turns critical as it would live.
  let violationSince = room.data.violationSince;
  const evaluate = (state: Room, at: Date): Result<Evaluation> =>
    evaluateRoom(
      pack,
      { ...laterInDay(state, now, at), violationSince },
      { at, localDate: localDateAt(at), policy: options.policy },
    );

  let state: Room = room.data;
  const first = evaluate(state, now);
  if (!first.ok) return first;
  const timeline: ForecastStep[] = [step(now, first.value, null)];
  let firstBreach: ForecastBreach | null = null;
  const track = (at: Date, evaluation: Evaluation, cause: FutureEvent | null) => {
    if (evaluation.compliant) {
      violationSince = undefined;
      return;
    }
    violationSince ??= at.toISOString();
    if (firstBreach === null) {
      const what = cause === null ? "out of ratio now" : describeEvent(cause);
      firstBreach = {
        at: at.toISOString(),
        status: evaluation.status,
        reasons: evaluation.reasons,
        cause,
        summary: `at ${at.toISOString()}: ${what}: ${evaluation.reasons.join("; ")}`,
        evaluation,
      };
    }
  };
  track(now, first.value, null);

  for (const event of ordered) {
    const next = applyEvent(state, event, options.roomId);
    if (next === null) continue;
    state = next;
    const at = new Date(event.at);
    const evaluation = evaluate(state, at);
    if (!evaluation.ok) return evaluation;
    timeline.push(step(at, evaluation.value, event));
    track(at, evaluation.value, event);
  }

  return ok({
    roomId: options.roomId,
    now: now.toISOString(),
    horizonEnd: new Date(end).toISOString(),
    firstBreach,
    timeline,
  });
}

/** A staff member as the ratio core sees them (see `compliance/room-input.ts`). */
export type StaffRoomInput = RoomInput["staff"][number];

export interface PlannedEventsInput {
  now: Date;
  /** The center's IANA time zone; schedules and shifts are in its local time. */
  timeZone: string;
  /** Default 30. */
  horizonMinutes?: number;
  /** The center's children: ids, birth dates, home rooms and weekly schedules. */
  children: readonly Pick<Child, "id" | "birthDate" | "homeRoomId" | "schedule">[];
  /** Children checked in now: child id → the room they are in. */
  childrenPresent: ReadonlyMap<string, string>;
  /** The center's shifts; any dates may be passed (those touching the window are used). A shift
   * whose end is not after its start ends the next day. */
  shifts: readonly Pick<Shift, "staffId" | "date" | "start" | "end" | "roomId" | "breaks">[];
  /** Staff clocked in now: staff id → their room (null: at the center, in no room) and break. */
  staffPresent: ReadonlyMap<string, { roomId: string | null; onBreak: boolean }>;
  /** Each staff member as the ratio core sees them, for arrivals; a staff member missing here
   * (for example a cook or an admin) never arrives in a room. */
  staffInputs: ReadonlyMap<string, StaffRoomInput>;
}

interface Span {
  start: number;
  end: number;
}

interface TimedShift extends Span {
  roomId: string | null;
  startText: string;
  endText: string;
  breaks: (Span & { text: string })[];
}

/**
 * The instant `time` on the day of `date`, or on the day after when it falls before `after` (or at
 * it, with `orAt`): how a shift's end or break after midnight is written.
 */
function localInstant(
  date: string,
  time: string,
  timeZone: string,
  after?: string,
  orAt = false,
  cache?: LocalTimes,
): number {
  const nextDay = after !== undefined && (time < after || (orAt && time === after));
  const day = nextDay ? addDays(date, 1) : date;
  if (cache === undefined) return zonedDateTimeToInstant(day, time, timeZone).getTime();
  return cache.instant(day, time);
}

/**
 * Local date and time → instant for one zone, converting each date once: on a date with no
 * change of offset between its first and last minute, every time of it is the local time minus
 * that offset; only a date with a change goes through the full conversion for each time.
 */
class LocalTimes {
  readonly #offsets = new Map<string, number | null>();
  constructor(readonly timeZone: string) {}

  instant(date: string, time: string): number {
    let offset = this.#offsets.get(date);
    if (offset === undefined) {
      const first = Date.parse(`${date}T00:01:00Z`);
      const last = Date.parse(`${date}T23:59:00Z`);
      const a = first - zonedDateTimeToInstant(date, "00:01", this.timeZone).getTime();
      const b = last - zonedDateTimeToInstant(date, "23:59", this.timeZone).getTime();
      offset = a === b ? a : null;
      this.#offsets.set(date, offset);
    }
    if (offset === null || time === "00:00") {
      return zonedDateTimeToInstant(date, time, this.timeZone).getTime();
    }
    return Date.parse(`${date}T${time}:00Z`) - offset;
  }
}

function timeShift(
  shift: PlannedEventsInput["shifts"][number],
  timeZone: string,
  cache: LocalTimes,
): TimedShift {
  const start = localInstant(shift.date, shift.start, timeZone, undefined, false, cache);
  // An end not after the start is the next day (an overnight shift).
  const end = localInstant(shift.date, shift.end, timeZone, shift.start, true, cache);
  const breaks = shift.breaks.map((b) => {
    const bs = localInstant(shift.date, b.start, timeZone, shift.start, false, cache);
    const be = localInstant(shift.date, b.end, timeZone, shift.start, false, cache);
    // A break that does not end after it starts is malformed: it is kept as a start with no end
    // (the staff member stays on break in the forecast, the pessimistic reading).
    return { start: bs, end: be > bs ? be : Number.POSITIVE_INFINITY, text: `${b.start}–${b.end}` };
  });
  return {
    start,
    end,
    roomId: shift.roomId,
    startText: shift.start,
    endText: shift.end,
    breaks,
  };
}

const eventOrder: Record<FutureEventType, number> = {
  "staff.leaves": 0,
  "staff.break_starts": 1,
  "child.arrives": 2,
  "staff.arrives": 3,
  "staff.break_ends": 4,
  "child.departs": 5,
};

/**
 * The known future of one center in (now, now + horizon], as events for `forecastRoom`:
 * - a child here now leaves at the scheduled pick-up of the day (a pick-up already past is not
 *   assumed: the child stays); a child not here arrives in the home room at the scheduled time
 *   (a child with no home room, or whose arrival time has passed, is not forecast);
 * - a shift starting brings its staff member into the shift's room; a shift ending takes them out
 *   (back-to-back shifts in one room are one stretch; into another room, a move);
 * - planned breaks start and end; a planned break that should have started but has not is assumed
 *   to start in a minute and to last its planned length;
 * - a staff member still clocked in after their last shift ended, with no shift starting in the
 *   window, is assumed to leave in a minute.
 */
export function plannedEvents(input: PlannedEventsInput): Result<FutureEvent[]> {
  const checkedNow = validNow(input.now);
  if (!checkedNow.ok) return checkedNow;
  const horizon = horizonMs(input.horizonMinutes);
  if (!horizon.ok) return horizon;
  const now = input.now.getTime();
  const end = now + horizon.value;
  const inWindow = (t: number) => t > now && t <= end;
  const iso = (t: number) => new Date(t).toISOString();
  const soon = Math.min(now + OVERDUE_LEAD_MS, end);
  const { timeZone } = input;
  const events: FutureEvent[] = [];
  const cache = new LocalTimes(timeZone);

  try {
    // Children: the schedule of each local date the window touches.
    const firstDate = instantToZoned(input.now, timeZone).date;
    const lastDate = instantToZoned(new Date(end), timeZone).date;
    const dates = [firstDate];
    for (let d = firstDate; d < lastDate; ) {
      d = addDays(d, 1);
      dates.push(d);
    }
    for (const child of input.children) {
      const sessions = dates
        .flatMap((date) =>
          child.schedule
            .filter((s) => s.day === weekdayOf(date))
            .map((s) => ({
              arrive: localInstant(date, s.arrive, timeZone, undefined, false, cache),
              // A pick-up not after the arrival is malformed: no departure is assumed.
              depart:
                s.depart > s.arrive
                  ? localInstant(date, s.depart, timeZone, undefined, false, cache)
                  : Number.POSITIVE_INFINITY,
              arriveText: s.arrive,
              departText: s.depart,
            })),
        )
        .sort((a, b) => a.arrive - b.arrive);
      let here = input.childrenPresent.has(child.id);
      for (const s of sessions) {
        if (!here && inWindow(s.arrive) && child.homeRoomId !== null) {
          events.push({
            type: "child.arrives",
            at: iso(s.arrive),
            childId: child.id,
            roomId: child.homeRoomId,
            child: { id: child.id, birthDate: child.birthDate },
            note: `scheduled arrival ${s.arriveText}`,
          });
          here = true;
        }
        if (here && inWindow(s.depart)) {
          events.push({
            type: "child.departs",
            at: iso(s.depart),
            childId: child.id,
            note: `scheduled pick-up ${s.departText}`,
          });
          here = false;
        }
      }
    }

    // Staff: shifts, their ends, and planned breaks.
    const shiftsByStaff = new Map<string, TimedShift[]>();
    for (const shift of input.shifts) {
      const list = shiftsByStaff.get(shift.staffId) ?? [];
      list.push(timeShift(shift, timeZone, cache));
      shiftsByStaff.set(shift.staffId, list);
    }
    const staffIds = [...new Set([...shiftsByStaff.keys(), ...input.staffPresent.keys()])].sort();
    for (const staffId of staffIds) {
      const shifts = (shiftsByStaff.get(staffId) ?? []).sort(
        (a, b) => a.start - b.start || a.end - b.end,
      );
      const presence = input.staffPresent.get(staffId);
      const person = input.staffInputs.get(staffId);
      for (const shift of shifts) {
        // Arriving: unless another shift in the same room already covers that instant.
        const continues = shifts.some(
          (o) =>
            o !== shift &&
            o.roomId === shift.roomId &&
            o.start < shift.start &&
            o.end >= shift.start,
        );
        if (inWindow(shift.start) && !continues && person) {
          const staff = roomStaffSchema.safeParse({ ...person, id: staffId, onBreak: false });
          if (!staff.success) {
            return err(fromZodError(staff.error, "bad_request", `staffInputs.${staffId}`));
          }
          events.push({
            type: "staff.arrives",
            at: iso(shift.start),
            staffId,
            roomId: shift.roomId,
            staff: staff.data,
            note: `shift starts ${shift.startText}`,
          });
        }
        // Leaving: unless another shift of theirs goes on from that instant.
        const goesOn = shifts.some((o) => o !== shift && o.start <= shift.end && o.end > shift.end);
        if (inWindow(shift.end) && !goesOn) {
          events.push({
            type: "staff.leaves",
            at: iso(shift.end),
            staffId,
            note: `shift ends ${shift.endText}`,
          });
        }
        for (const b of shift.breaks) {
          const overdue =
            presence !== undefined && !presence.onBreak && b.start <= now && b.end > now;
          const startAt = overdue ? soon : b.start;
          const endAt = overdue ? soon + (b.end - b.start) : b.end;
          if (overdue || inWindow(b.start)) {
            events.push({
              type: "staff.break_starts",
              at: iso(startAt),
              staffId,
              note: overdue ? `planned break ${b.text} not yet taken` : `planned break ${b.text}`,
            });
          }
          if (inWindow(endAt) && endAt > startAt) {
            events.push({
              type: "staff.break_ends",
              at: iso(endAt),
              staffId,
              note: `planned break ${b.text}${overdue ? ", taken late" : ""}`,
            });
          }
        }
      }
      // Still clocked in after the last shift ended, and nothing starting soon: about to leave.
      if (presence !== undefined && shifts.length > 0) {
        const covering = shifts.some((s) => s.start <= now && s.end > now);
        const ended = shifts.filter((s) => s.end <= now).sort((a, b) => b.end - a.end)[0];
        const startingSoon = shifts.some((s) => inWindow(s.start));
        if (!covering && ended && !startingSoon) {
          events.push({
            type: "staff.leaves",
            at: iso(soon),
            staffId,
            note: `shift ended ${ended.endText}, still clocked in`,
          });
        }
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return err(new AppError("bad_request", error.message));
    throw error;
  }

  events.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      eventOrder[a.type] - eventOrder[b.type] ||
      compareIds(subjectOf(a), subjectOf(b)),
  );
  return ok(events);
}
