/**
 * @module rules/staff/staffing-plan
 * The coming week for one room, 15 minutes at a time: how many children to expect, whether the
 * scheduled staff keep the room in ratio under its rule pack, and what a director could change.
 *
 * Expected children per slot. For each date planned, the same weekday's slots in the most recent
 * `HISTORY_WEIGHTS.length` weeks of history are averaged with weights 0.4, 0.3, 0.2, 0.1 (most
 * recent first, renormalized when fewer weeks exist), so a trend shows up sooner than in a plain
 * mean. Children enrolled after that history (`enrolledFrom` later than the newest week used) are
 * added where their schedule puts them. A weekday with no history at all falls back to the enrolled
 * schedules. Planning staffs for the expected count rounded up.
 *
 * Staff per slot, pessimistically: a staff member counts in a slot only if their shift covers all of
 * it and no planned break touches it; the children planned are the room's youngest enrolled, so the
 * youngest band governs as it would on the day. Each slot is judged by the real `evaluateRoom`.
 *
 * Spare staff. A counted staff member can be spared in a slot only if, without them, the room is in
 * ratio there (with room for one more child, when any are expected), and through every planned break in that
 * stretch (the slots the same people are on shift): a third teacher who covers two colleagues'
 * breaks is not spare between them. A slot is `over` only when someone is spare.
 *
 * Today as it happened. `observed` slots carry what the live monitor recorded (slots already over)
 * and what the live forecast says (the next minutes); they replace the plan's judgement of those
 * slots, so a room that was out of ratio shows under-staffed there. Past slots get no suggestion.
 *
 * Closed days. A date with no shift at the center and no attendance on its weekday in the weeks of
 * history is a day the center is closed: it is listed in `days` with why, and not planned.
 *
 * Pure: dates, times and history are inputs; nothing reads a clock.
 */
import { z } from "zod";
import { dateSchema, idSchema, localTimeSchema } from "../../domain/ids.js";
import { expectedDaySchema, shiftSchema } from "../../domain/people.js";
import { addDays, weekdayOf } from "../../domain/time.js";
import { AppError, err, fromZodError, ok, type Result } from "../../errors/index.js";
import { evaluateRoom } from "../evaluate.js";
import { type Evaluation, type Room, roomInputSchema, roomStaffSchema } from "../evaluation.js";
import { centerPolicySchema, type RulePack } from "../pack.js";

export const SLOT_MINUTES = 15;
/** Weight of each past week, most recent first. */
export const HISTORY_WEIGHTS = [0.4, 0.3, 0.2, 0.1] as const;

/** Children in the room per slot on one past date: slot i starts at `opensAt` + 15·i minutes and
 * holds the most children present at any moment in it. */
export const attendanceDaySchema = z.object({
  date: dateSchema,
  counts: z.array(z.number().int().min(0)),
});
export type AttendanceDay = z.infer<typeof attendanceDaySchema>;

export const plannedChildSchema = z.object({
  id: idSchema,
  birthDate: dateSchema,
  schedule: z.array(expectedDaySchema),
  /** First day in this room; null: enrolled before the history began. */
  enrolledFrom: dateSchema.nullable().default(null),
});

const windowSchema = z.object({ opensAt: localTimeSchema, closesAt: localTimeSchema });

export const forecastInputSchema = windowSchema.extend({
  dates: z.array(dateSchema).min(1).max(31),
  children: z.array(plannedChildSchema),
  history: z.array(attendanceDaySchema).default([]),
});
export type ForecastInput = z.input<typeof forecastInputSchema>;

export const forecastSlotSchema = z.object({
  date: dateSchema,
  slot: z.number().int().min(0),
  start: localTimeSchema,
  end: localTimeSchema,
  /** Expected children (two decimals). */
  expected: z.number(),
  /** Children scheduled by enrolment in the slot. */
  scheduled: z.number().int(),
  basis: z.enum(["history", "schedule"]),
  /** The past dates averaged, most recent first. */
  historyDates: z.array(dateSchema),
});
export type ForecastSlot = z.infer<typeof forecastSlotSchema>;

/** What today's live state says about one slot of the plan (see `staff/staffing.ts`). */
export const observedSlotSchema = z.object({
  date: dateSchema,
  start: localTimeSchema,
  /** `recorded`: the slot is over and the monitor's recorded status is used; `live`: the slot is
   * now or within the live forecast's horizon. */
  source: z.enum(["recorded", "live"]),
  /** False when the room was (or is forecast to be) out of ratio at any moment of the slot. */
  compliant: z.boolean(),
  children: z.number().int().min(0),
  countedStaff: z.number().int().min(0),
  requiredStaff: z.number().int().min(0),
  staffShort: z.number().int().min(0),
  reasons: z.array(z.string()),
});
export type ObservedSlot = z.infer<typeof observedSlotSchema>;

export const staffingPlanInputSchema = forecastInputSchema.omit({ dates: true }).extend({
  roomId: idSchema,
  /** The room's licensed program, when the center names one. */
  program: z.string().optional(),
  weekStart: dateSchema,
  days: z.number().int().min(1).max(14).default(7),
  /** All shifts of the center on the dates planned; those with this `roomId` staff the room, any
   * shift at all says the center opens that day. */
  shifts: z.array(shiftSchema),
  /** How the ratio core sees each staff member (role, age or birth date, qualification). */
  staff: z.record(idSchema, roomStaffSchema),
  policy: centerPolicySchema.optional(),
  /** Today's slots as the live monitor recorded them and the live forecast sees them. */
  observed: z.array(observedSlotSchema).default([]),
  /** The center's hours on each planned date, for the pack's opening/closing rules (a date
   * without them: the rules are not applied). */
  hoursByDate: z.record(dateSchema, windowSchema).default({}),
});
export type StaffingPlanInput = z.input<typeof staffingPlanInputSchema>;

export const planSlotSchema = forecastSlotSchema.extend({
  planningChildren: z.number().int(),
  staffIds: z.array(idSchema),
  /** Staff on a planned break in the slot. */
  onBreak: z.array(idSchema),
  countedStaff: z.number().int(),
  requiredStaff: z.number().int(),
  /** `under`: out of ratio as planned (or as recorded / forecast live today); `over`: a counted
   * staff member could be spared (see `spare`); `ok`: neither. */
  status: z.enum(["under", "ok", "over"]),
  staffShort: z.number().int(),
  reasons: z.array(z.string()),
  /** Staff who could be spared: the room stays in ratio without them, with room for one more
   * child, here and through every planned break in the stretch. */
  spare: z.array(idSchema).default([]),
  /** Why nobody is spare although more staff count than the ratio requires: the breaks they cover. */
  breakCover: z.string().nullable().default(null),
  /** Where today's live state replaced the plan: `recorded` (already happened) or `live`. */
  observed: z.enum(["recorded", "live"]).nullable().default(null),
});
export type PlanSlot = z.infer<typeof planSlotSchema>;

const span = z.object({ start: localTimeSchema, end: localTimeSchema });
export const staffingSuggestionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("floater"),
    date: dateSchema,
    ...span.shape,
    staff: z.number().int().positive(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal("shift_break"),
    date: dateSchema,
    staffId: idSchema,
    shiftId: idSchema,
    from: span,
    to: span,
    reason: z.string(),
  }),
]);
export type StaffingSuggestion = z.infer<typeof staffingSuggestionSchema>;

/** Whether the center opens on a date, from what is stored, and why. */
export const planDaySchema = z.object({
  date: dateSchema,
  open: z.boolean(),
  /** e.g. "open: 5 shifts scheduled" or "closed: no staff scheduled and no attendance on the
   * last 4 Saturdays". */
  why: z.string(),
  /** From the first shift's start to the last shift's end at the center that day; null when no
   * shift is stored for it. */
  staffedFrom: localTimeSchema.nullable(),
  staffedUntil: localTimeSchema.nullable(),
});
export type PlanDay = z.infer<typeof planDaySchema>;

export const staffingPlanSchema = z.object({
  roomId: idSchema,
  weekStart: dateSchema,
  /** Every date asked for; closed ones have no slots. */
  days: z.array(planDaySchema),
  slots: z.array(planSlotSchema),
  /** For the director to approve; nothing here is applied. */
  suggestions: z.array(staffingSuggestionSchema),
  weights: z.array(z.number()),
});
export type StaffingPlan = z.infer<typeof staffingPlanSchema>;

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

function slotCount(window: z.infer<typeof windowSchema>): Result<number> {
  const length = toMinutes(window.closesAt) - toMinutes(window.opensAt);
  if (length <= 0 || length % SLOT_MINUTES !== 0) {
    return err(
      new AppError(
        "bad_request",
        `closesAt: must be after opensAt by a whole number of ${SLOT_MINUTES}-minute slots`,
        { field: "closesAt" },
      ),
    );
  }
  return ok(length / SLOT_MINUTES);
}

/** Expected children per slot for each date, from weighted history and enrolled schedules. */
export function forecastAttendance(input: ForecastInput): Result<ForecastSlot[]> {
  const parsed = forecastInputSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const data = parsed.data;
  const slots = slotCount(data);
  if (!slots.ok) return slots;
  const open = toMinutes(data.opensAt);
  const out: ForecastSlot[] = [];
  for (const date of data.dates) {
    const weekday = weekdayOf(date);
    const past = data.history
      .filter((h) => h.date < date && weekdayOf(h.date) === weekday)
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .slice(0, HISTORY_WEIGHTS.length);
    const newest = past[0]?.date ?? null;
    const weightSum = past.reduce((sum, _, k) => sum + (HISTORY_WEIGHTS[k] ?? 0), 0);
    for (let slot = 0; slot < slots.value; slot++) {
      const from = open + slot * SLOT_MINUTES;
      const to = from + SLOT_MINUTES;
      const scheduledIds = data.children.filter(
        (c) =>
          (c.enrolledFrom === null || c.enrolledFrom <= date) &&
          c.schedule.some(
            (d) => d.day === weekday && toMinutes(d.arrive) < to && toMinutes(d.depart) > from,
          ),
      );
      let expected: number;
      if (past.length > 0) {
        const mean =
          past.reduce((sum, h, k) => sum + (HISTORY_WEIGHTS[k] ?? 0) * (h.counts[slot] ?? 0), 0) /
          weightSum;
        const newcomers = scheduledIds.filter(
          (c) => c.enrolledFrom !== null && newest !== null && c.enrolledFrom > newest,
        ).length;
        expected = mean + newcomers;
      } else {
        expected = scheduledIds.length;
      }
      out.push({
        date,
        slot,
        start: toTime(from),
        end: toTime(to),
        expected: round2(expected),
        scheduled: scheduledIds.length,
        basis: past.length > 0 ? "history" : "schedule",
        historyDates: past.map((h) => h.date),
      });
    }
  }
  return ok(out);
}

export const forecastErrorSchema = z.object({
  /** Mean absolute error per slot, in children. */
  mae: z.number(),
  /** Mean of forecast − actual: positive when the forecast runs high. */
  bias: z.number(),
  maxAbsError: z.number(),
  slots: z.number().int(),
});
export type ForecastError = z.infer<typeof forecastErrorSchema>;

/** Forecast against what happened, over the slots both cover. */
export function forecastError(
  forecast: readonly Pick<ForecastSlot, "date" | "slot" | "expected">[],
  actual: readonly AttendanceDay[],
): ForecastError {
  const byDate = new Map(actual.map((a) => [a.date, a.counts]));
  const errors = forecast.flatMap((f) => {
    const value = byDate.get(f.date)?.[f.slot];
    return value === undefined ? [] : [f.expected - value];
  });
  if (errors.length === 0) return { mae: 0, bias: 0, maxAbsError: 0, slots: 0 };
  const abs = errors.map(Math.abs);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    mae: round2(mean(abs)),
    bias: round2(mean(errors)),
    maxAbsError: round2(Math.max(...abs)),
    slots: errors.length,
  };
}

/**
 * Replays the forecast over the history itself: each of the last `weeks` weeks (ending with the
 * newest date in the history) is forecast from the history before it only, and compared with what
 * happened.
 */
export function backtestForecast(
  input: Omit<ForecastInput, "dates">,
  weeks: number,
): Result<ForecastError> {
  const dates = [...new Set((input.history ?? []).map((h) => h.date))].sort();
  const newest = dates.at(-1);
  if (newest === undefined || !Number.isInteger(weeks) || weeks < 1) {
    return err(
      new AppError("bad_request", "history: a backtest needs history and at least one week", {
        field: "history",
      }),
    );
  }
  const from = addDays(newest, -7 * weeks + 1);
  const tested = dates.filter((d) => d >= from);
  const forecast: ForecastSlot[] = [];
  for (const date of tested) {
    const result = forecastAttendance({
      ...input,
      dates: [date],
      history: (input.history ?? []).filter((h) => h.date < date),
    });
    if (!result.ok) return result;
    forecast.push(...result.value);
  }
  return ok(
    forecastError(
      forecast,
      (input.history ?? []).filter((h) => tested.includes(h.date)),
    ),
  );
}

type PlanData = z.output<typeof staffingPlanInputSchema>;
interface Placement {
  staffId: string;
  shiftId: string;
  start: number;
  end: number;
  breaks: { start: number; end: number }[];
}

/** The room's shifts on a date as minutes of the day (an end not after the start is next day). */
function placements(data: PlanData, date: string): Placement[] {
  return data.shifts
    .filter((s) => s.date === date && s.roomId === data.roomId)
    .map((s) => {
      const start = toMinutes(s.start);
      const after = (t: string) => (toMinutes(t) < start ? toMinutes(t) + 1440 : toMinutes(t));
      const end = toMinutes(s.end) <= start ? toMinutes(s.end) + 1440 : toMinutes(s.end);
      return {
        staffId: s.staffId,
        shiftId: s.id,
        start,
        end,
        breaks: s.breaks.map((b) => ({ start: after(b.start), end: after(b.end) })),
      };
    });
}

const weekdayNames: Record<string, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Whether the center opens on `date`: any shift stored for it, or attendance on the same weekday
 * in the weeks of history before it. */
function openDay(data: PlanData, date: string): PlanDay {
  const onDay = data.shifts.filter((s) => s.date === date);
  const shifts = onDay.length;
  if (shifts > 0) {
    const starts = onDay.map((s) => s.start).sort();
    // A shift ending at or before its start runs past midnight.
    const ends = onDay.map((s) => (s.end <= s.start ? "24:00" : s.end)).sort();
    const until = ends.at(-1)!;
    return {
      date,
      open: true,
      why: `open: ${shifts} shift${shifts === 1 ? "" : "s"} scheduled`,
      staffedFrom: starts[0]!,
      staffedUntil: until === "24:00" ? "23:59" : until,
    };
  }
  const weekday = weekdayOf(date);
  const from = addDays(date, -7 * HISTORY_WEIGHTS.length);
  const seen = new Set(
    data.history
      .filter((h) => h.date < date && h.date >= from && weekdayOf(h.date) === weekday)
      .map((h) => h.date),
  ).size;
  const name = weekdayNames[weekday] ?? weekday;
  if (seen > 0) {
    return {
      date,
      open: true,
      why: `open: no staff scheduled yet, but attendance on ${seen} of the last ${HISTORY_WEIGHTS.length} ${name}s`,
      staffedFrom: null,
      staffedUntil: null,
    };
  }
  return {
    date,
    open: false,
    why: `closed: no staff scheduled and no attendance on the last ${HISTORY_WEIGHTS.length} ${name}s`,
    staffedFrom: null,
    staffedUntil: null,
  };
}

export function planStaffing(pack: RulePack, input: StaffingPlanInput): Result<StaffingPlan> {
  const parsed = staffingPlanInputSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const data = parsed.data;
  const days = Array.from({ length: data.days }, (_, i) =>
    openDay(data, addDays(data.weekStart, i)),
  );
  const dates = days.filter((d) => d.open).map((d) => d.date);
  const window = slotCount(data);
  if (!window.ok) return window;
  const forecast =
    dates.length > 0 ? forecastAttendance({ ...data, dates }) : ok<ForecastSlot[]>([]);
  if (!forecast.ok) return forecast;
  // Youngest first: the youngest band governs a mixed room, so planning with them errs safe.
  const youngest = [...data.children].sort((a, b) => (a.birthDate < b.birthDate ? 1 : -1));
  if (youngest.length === 0 && forecast.value.some((f) => f.expected > 0)) {
    return err(
      new AppError("bad_request", "children: the room's enrolled children are needed for ages", {
        field: "children",
      }),
    );
  }

  const evaluateSlot = (
    f: ForecastSlot,
    staff: Placement[],
  ): Result<{ evaluation: Evaluation; present: string[]; onBreak: string[]; planning: number }> => {
    const from = toMinutes(f.start);
    const to = from + SLOT_MINUTES;
    const present = staff.filter((p) => p.start <= from && p.end >= to);
    const onBreak = present.filter((p) => p.breaks.some((b) => b.start < to && b.end > from));
    const planning = Math.ceil(f.expected);
    const hours = data.hoursByDate[f.date];
    const room: Room = {
      napping: false,
      premisesAvailableStaff: 0,
      program: data.program,
      // The slot's latest minute since opening and its earliest before closing: a rule for the
      // first/last minutes holds for the whole slot or not at all.
      ...(hours && {
        minutesSinceOpening:
          from < toMinutes(hours.opensAt)
            ? from - toMinutes(hours.opensAt)
            : to - 1 - toMinutes(hours.opensAt),
        minutesUntilClosing: toMinutes(hours.closesAt) - from,
      }),
      children: Array.from({ length: planning }, (_, i) => {
        const c = youngest[Math.min(i, youngest.length - 1)]!;
        return { id: i < youngest.length ? c.id : `${c.id}+${i}`, birthDate: c.birthDate };
      }),
      staff: present.flatMap((p) => {
        const s = data.staff[p.staffId];
        return s ? [{ ...s, id: p.staffId, onBreak: onBreak.includes(p) }] : [];
      }),
    };
    const checked = roomInputSchema.safeParse(room);
    if (!checked.success) return err(fromZodError(checked.error, "bad_request", "staff"));
    // The instant only dates the ages here; the local date carries the meaning.
    const at = new Date(`${f.date}T${f.start}:00Z`);
    const evaluation = evaluateRoom(pack, checked.data, {
      at,
      localDate: f.date,
      policy: data.policy,
    });
    if (!evaluation.ok) return evaluation;
    return ok({
      evaluation: evaluation.value,
      present: present.map((p) => p.staffId),
      onBreak: onBreak.map((p) => p.staffId),
      planning,
    });
  };

  const observedAt = new Map(data.observed.map((o) => [`${o.date} ${o.start}`, o]));
  const slots: PlanSlot[] = [];
  const suggestions: StaffingSuggestion[] = [];
  for (const date of dates) {
    const day = forecast.value.filter((f) => f.date === date);
    const staff = placements(data, date);
    const planned: PlanSlot[] = [];
    const evaluations: Evaluation[] = [];
    for (const f of day) {
      const r = evaluateSlot(f, staff);
      if (!r.ok) return r;
      const e = r.value.evaluation;
      evaluations.push(e);
      planned.push({
        ...f,
        planningChildren: r.value.planning,
        staffIds: r.value.present,
        onBreak: r.value.onBreak,
        countedStaff: e.countedStaff,
        requiredStaff: e.requiredStaff,
        status: e.compliant ? "ok" : "under",
        staffShort: e.staffShort,
        reasons: e.reasons,
        spare: [],
        breakCover: null,
        observed: null,
      });
    }
    const spared = markSpare(day, planned, evaluations, staff, evaluateSlot);
    if (!spared.ok) return spared;
    const daySlots = planned.map((s) => withObserved(s, observedAt.get(`${s.date} ${s.start}`)));
    slots.push(...daySlots);
    const suggested = suggest(date, day, daySlots, staff, evaluateSlot);
    if (!suggested.ok) return suggested;
    suggestions.push(...suggested.value);
  }
  return ok({
    roomId: data.roomId,
    weekStart: data.weekStart,
    days,
    slots,
    suggestions,
    weights: [...HISTORY_WEIGHTS],
  });
}

type SlotEvaluator = (
  f: ForecastSlot,
  staff: Placement[],
) => Result<{ evaluation: Evaluation; onBreak: string[] }>;

/** Runs of consecutive slots in which the same people are on shift (breaks included). */
function stretches(day: ForecastSlot[], staff: Placement[]): number[][] {
  const runs: number[][] = [];
  let key: string | null = null;
  for (const [i, f] of day.entries()) {
    const from = toMinutes(f.start);
    const on = staff
      .filter((p) => p.start <= from && p.end >= from + SLOT_MINUTES)
      .map((p) => p.staffId)
      .sort()
      .join(",");
    if (on === key && runs.length > 0) runs.at(-1)!.push(i);
    else runs.push([i]);
    key = on;
  }
  return runs;
}

/**
 * Marks the planned slots `over` where someone is spare, with the reason; and where the room has
 * more counted staff than it needs but nobody is spare because of a break, says so.
 */
function markSpare(
  day: ForecastSlot[],
  planned: PlanSlot[],
  evaluations: Evaluation[],
  staff: Placement[],
  evaluateSlot: SlotEvaluator,
): Result<void> {
  const cache = new Map<string, Evaluation>();
  const without = (i: number, staffId: string): Result<Evaluation> => {
    const key = `${i} ${staffId}`;
    const hit = cache.get(key);
    if (hit) return ok(hit);
    const r = evaluateSlot(
      day[i]!,
      staff.filter((p) => p.staffId !== staffId),
    );
    if (!r.ok) return r;
    cache.set(key, r.value.evaluation);
    return ok(r.value.evaluation);
  };
  for (const run of stretches(day, staff)) {
    const breakSlots = run.filter((i) => planned[i]!.onBreak.length > 0);
    const first = planned[run[0]!]!;
    const last = planned[run.at(-1)!]!;
    const stretch = `${first.start}–${last.end}`;
    const breaks = staff
      .flatMap((p) =>
        p.breaks
          .filter((b) => b.start < toMinutes(last.end) && b.end > toMinutes(first.start))
          .map((b) => ({ staffId: p.staffId, start: b.start, end: b.end })),
      )
      .filter((b) => first.staffIds.includes(b.staffId))
      .sort((a, b) => a.start - b.start || a.staffId.localeCompare(b.staffId));
    const breakList = breaks
      .map((b) => `${b.staffId} ${toTime(b.start)}–${toTime(b.end)}`)
      .join(", ");
    for (const i of run) {
      const slot = planned[i]!;
      const e = evaluations[i]!;
      if (!e.compliant || e.countedStaff <= e.requiredStaff) continue;
      const rule = `1 : ${e.governingBand.ratio}${e.citations[0] ? `, ${e.citations[0].source}` : ""}`;
      const counted = e.counted.flatMap((c) => (c.id !== null ? [c.id] : []));
      const spare: string[] = [];
      const neededFor: string[] = [];
      for (const id of counted) {
        const here = without(i, id);
        if (!here.ok) return here;
        // With children there, the room must still be able to take one more without them.
        if (!here.value.compliant || (slot.planningChildren > 0 && here.value.canTake < 1))
          continue;
        let covered = true;
        for (const j of breakSlots) {
          const then = without(j, id);
          if (!then.ok) return then;
          if (!then.value.compliant) {
            covered = false;
            break;
          }
        }
        if (covered) spare.push(id);
        else neededFor.push(id);
      }
      if (spare.length > 0) {
        slot.spare = spare;
        slot.status = "over";
        slot.reasons = [
          ...slot.reasons,
          (slot.planningChildren === 0
            ? `${spare.join(" or ")} could be spared: no children are expected`
            : `${spare.join(" or ")} could be spared: without ${spare.length > 1 ? "any one of them" : "them"}, ` +
              `${e.countedStaff - 1} counted staff still meet ${rule} for ` +
              `${slot.planningChildren} children with room for one more`) +
            (breaks.length > 0
              ? `, and every break in ${stretch} stays covered (${breakList})`
              : `, and no break in ${stretch} needs them`),
        ];
      } else if (neededFor.length > 0) {
        slot.breakCover =
          `${e.countedStaff} counted staff for ${e.requiredStaff} required (${rule}), but nobody ` +
          `can be spared: the room needs each of them to stay in ratio through the breaks in ` +
          `${stretch} (${breakList})`;
      }
    }
  }
  return ok(undefined);
}

/** The slot as today's live state saw it: out of ratio there means under-staffed, whatever the
 * plan said; in ratio keeps the plan's `over` only while the recorded counts still allow it. */
function withObserved(slot: PlanSlot, o: ObservedSlot | undefined): PlanSlot {
  if (!o) return slot;
  const source = o.source === "recorded" ? "Recorded today" : "Live forecast";
  const status: PlanSlot["status"] = !o.compliant
    ? "under"
    : slot.status === "over" && o.countedStaff > o.requiredStaff
      ? "over"
      : "ok";
  return {
    ...slot,
    planningChildren: o.children,
    countedStaff: o.countedStaff,
    requiredStaff: o.requiredStaff,
    staffShort: o.staffShort,
    status,
    spare: status === "over" ? slot.spare : [],
    breakCover: status === "ok" ? slot.breakCover : null,
    reasons: o.compliant
      ? status === "over"
        ? slot.reasons
        : []
      : [`${source}: out of ratio${o.reasons.length ? ` — ${o.reasons.join("; ")}` : ""}`],
    observed: o.source,
  };
}

/** Runs of consecutive under-staffed slots still to come (a recorded slot is past changing). */
function underRuns(daySlots: PlanSlot[]): PlanSlot[][] {
  const runs: PlanSlot[][] = [];
  for (const s of daySlots) {
    const last = runs.at(-1);
    if (s.status !== "under" || s.observed === "recorded") continue;
    if (last && last.at(-1)!.slot === s.slot - 1) last.push(s);
    else runs.push([s]);
  }
  return runs;
}

/**
 * For each run of under-staffed slots still to come: moving a planned break out of it when that
 * alone fixes the run and the break fits elsewhere in the shift without putting any slot out of
 * ratio (the nearest such place); otherwise a floater for the run. A run the live forecast found
 * short is short for reasons the schedule does not show, so it gets a floater.
 */
function suggest(
  date: string,
  day: ForecastSlot[],
  daySlots: PlanSlot[],
  staff: Placement[],
  evaluateSlot: (f: ForecastSlot, staff: Placement[]) => Result<{ evaluation: Evaluation }>,
): Result<StaffingSuggestion[]> {
  const out: StaffingSuggestion[] = [];
  const compliantWith = (moved: Placement[], slotIds: Set<number>): Result<boolean> => {
    for (const f of day) {
      if (!slotIds.has(f.slot)) continue;
      const r = evaluateSlot(f, moved);
      if (!r.ok) return r;
      if (!r.value.evaluation.compliant) return ok(false);
    }
    return ok(true);
  };
  const slotsTouching = (start: number, end: number) =>
    new Set(
      day
        .filter((f) => toMinutes(f.start) < end && toMinutes(f.start) + SLOT_MINUTES > start)
        .map((f) => f.slot),
    );

  for (const run of underRuns(daySlots)) {
    const runStart = toMinutes(run[0]!.start);
    const runEnd = toMinutes(run.at(-1)!.end);
    let fixed: StaffingSuggestion | null = null;
    const live = run.some((s) => s.observed === "live");
    for (const p of live ? [] : staff) {
      for (const [bi, b] of p.breaks.entries()) {
        if (!(b.start <= runStart && b.end >= runEnd) || fixed) continue;
        const length = b.end - b.start;
        const candidates: number[] = [];
        for (let s = p.start; s + length <= p.end; s += SLOT_MINUTES) {
          if (s + length <= b.start || s >= b.end) candidates.push(s);
        }
        candidates.sort((x, y) => Math.abs(x - b.start) - Math.abs(y - b.start) || x - y);
        for (const s of candidates) {
          const moved = staff.map((q) =>
            q === p
              ? {
                  ...q,
                  breaks: q.breaks.map((x, i) => (i === bi ? { start: s, end: s + length } : x)),
                }
              : q,
          );
          const touched = new Set([
            ...slotsTouching(b.start, b.end),
            ...slotsTouching(s, s + length),
          ]);
          const good = compliantWith(moved, touched);
          if (!good.ok) return good;
          if (!good.value) continue;
          fixed = {
            kind: "shift_break",
            date,
            staffId: p.staffId,
            shiftId: p.shiftId,
            from: { start: toTime(b.start), end: toTime(b.end) },
            to: { start: toTime(s), end: toTime(s + length) },
            reason:
              `${p.staffId}'s break ${toTime(b.start)}–${toTime(b.end)} leaves the room short; ` +
              `at ${toTime(s)}–${toTime(s + length)} the room stays in ratio without them ` +
              "(check it still meets the meal and rest rules).",
          };
          break;
        }
      }
    }
    if (fixed) {
      out.push(fixed);
      continue;
    }
    const short = Math.max(1, ...run.map((s) => s.staffShort));
    const peak = Math.max(...run.map((s) => s.planningChildren));
    out.push({
      kind: "floater",
      date,
      start: toTime(runStart),
      end: toTime(runEnd),
      staff: short,
      reason:
        `Up to ${peak} children expected ${toTime(runStart)}–${toTime(runEnd)}: ` +
        `${run[0]!.reasons.join("; ") || "out of ratio"}.`,
    });
  }
  return ok(out);
}
