/**
 * @module rules/staff/timecards
 * Timecards checked against scheduled shifts and the jurisdiction's labour pack before payroll:
 * missing or impossible punches, early clock-in and late clock-out past the center's tolerance,
 * shifts with no timecard and timecards with no shift, meal and rest periods, daily and weekly
 * overtime, and breaks taken while the staff member's room was out of ratio. Each exception carries
 * its evidence (timecard ids, shift id, ratio-history interval ids, the times compared) and, where
 * the fix is mechanical, a proposed correction that always needs a director's approval.
 *
 * Pure: `asOf` (the instant the check runs at) and the center's time zone are inputs. Conventions:
 * a workday is the timecard's `date` (the local date of its clock-in); a gap between two timecards
 * of one day is unpaid time off the clock and counts as a meal when it is long enough; a recorded
 * break with no `kind` is a meal when it is at least as long as the shortest meal the pack knows
 * (30 minutes when it knows none), otherwise a paid rest.
 */
import { z } from "zod";
import { dateSchema, idSchema, instantSchema } from "../../domain/ids.js";
import { shiftSchema, weekdaySchema } from "../../domain/people.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../../domain/time.js";
import { AppError, err, fromZodError, ok, type Result } from "../../errors/index.js";
import { citationSchema } from "../pack.js";
import type { LaborPack, MealRule } from "./labor-pack.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const timecardBreakSchema = z.object({
  start: instantSchema,
  end: instantSchema.nullable(),
  /** As the platform labels it, if it does. */
  kind: z.enum(["meal", "rest"]).optional(),
  /** The room the staff member left for the break, when known (else the timecard's or shift's). */
  roomId: idSchema.nullable().optional(),
});

/** One clock-in/clock-out record as the platforms keep it (Procare's `timecardWire`, mapped). */
export const timecardSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  /** The center's local date of the clock-in: the workday the hours belong to. */
  date: dateSchema,
  clockIn: instantSchema.nullable(),
  clockOut: instantSchema.nullable(),
  breaks: z.array(timecardBreakSchema).default([]),
  roomId: idSchema.nullable().default(null),
});
export type Timecard = z.output<typeof timecardSchema>;

/** A span a room was out of ratio (from `ratio_history`); `end` null: still out. */
export const outOfRatioIntervalSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  start: instantSchema,
  end: instantSchema.nullable(),
});

export const timecardCheckInputSchema = z.object({
  /** When the check runs: a timecard still open before its shift ends is not a missed punch. */
  asOf: instantSchema,
  timeZone: z.string().min(1),
  /** The center's tolerance for clocking in before a shift or out after it. */
  toleranceMinutes: z.number().int().min(0).max(240).default(7),
  /** The center's workweek for weekly overtime (the FLSA lets the employer fix it). */
  workweekStartsOn: weekdaySchema.default("sun"),
  /** An open timecard with no shift is a missed clock-out after this many hours. */
  maxOpenHours: z.number().positive().max(24).default(16),
  timecards: z.array(timecardSchema),
  shifts: z.array(shiftSchema),
  outOfRatio: z.array(outOfRatioIntervalSchema).default([]),
});
export type TimecardCheckInput = z.input<typeof timecardCheckInputSchema>;

export const timecardExceptionKindSchema = z.enum([
  "missing_clock_in",
  "missing_clock_out",
  "missing_break_end",
  "invalid_punches",
  "overlapping_punches",
  "early_clock_in",
  "late_clock_out",
  "no_shift",
  "no_timecard",
  "missed_meal",
  "short_meal",
  "meal_timing",
  "missed_rest",
  "daily_overtime",
  "daily_double_time",
  "weekly_overtime",
  "break_out_of_ratio",
]);
export type TimecardExceptionKind = z.infer<typeof timecardExceptionKindSchema>;

/** A mechanical fix, proposed only: it is written back only after a director approves it. */
export const timecardCorrectionSchema = z.object({
  timecardId: idSchema,
  field: z.enum(["clockIn", "clockOut", "breakEnd"]),
  /** For `breakEnd`: the break's position on the timecard. */
  breakIndex: z.number().int().min(0).nullable(),
  value: instantSchema,
  reason: z.string(),
  requiresApproval: z.literal(true),
});
export type TimecardCorrection = z.infer<typeof timecardCorrectionSchema>;

export const timecardExceptionSchema = z.object({
  kind: timecardExceptionKindSchema,
  /** `error`: must be resolved before payroll; `warning`: check it; `info`: paid differently. */
  severity: z.enum(["error", "warning", "info"]),
  staffId: idSchema,
  date: dateSchema,
  message: z.string(),
  evidence: z.object({
    timecardIds: z.array(idSchema),
    shiftId: idSchema.nullable(),
    /** Out-of-ratio intervals (ratio_history) involved. */
    intervalIds: z.array(idSchema),
    /** The instants compared, by name (e.g. clockIn, scheduledStart). */
    times: z.record(z.string(), z.string()),
  }),
  /** Minutes or hours the finding is about (minutes early, overtime hours…), when it has one. */
  amount: z.object({ value: z.number(), unit: z.enum(["minutes", "hours"]) }).nullable(),
  citation: citationSchema.nullable(),
  correction: timecardCorrectionSchema.nullable(),
});
export type TimecardException = z.infer<typeof timecardExceptionSchema>;

export const dayHoursSchema = z.object({
  staffId: idSchema,
  date: dateSchema,
  timecardIds: z.array(idSchema),
  workedHours: z.number(),
  unpaidMinutes: z.number(),
  regularHours: z.number(),
  overtimeHours: z.number(),
  doubleTimeHours: z.number(),
});
export const weekHoursSchema = z.object({
  staffId: idSchema,
  weekStart: dateSchema,
  timecardIds: z.array(idSchema),
  workedHours: z.number(),
  /** Regular (non-daily-overtime) hours past the weekly threshold. */
  weeklyOvertimeHours: z.number(),
});
export const timecardReportSchema = z.object({
  laborPack: z.string(),
  exceptions: z.array(timecardExceptionSchema),
  /** Hours per staff member and workday, from complete timecards only. */
  days: z.array(dayHoursSchema),
  weeks: z.array(weekHoursSchema),
  /** Timecards left out of hours and break checks until their punches are fixed. */
  incompleteTimecardIds: z.array(idSchema),
  notApplied: z.array(z.string()),
});
export type TimecardReport = z.infer<typeof timecardReportSchema>;
type DayHours = z.infer<typeof dayHoursSchema>;

type Shift = z.infer<typeof shiftSchema>;
interface Span {
  start: number;
  end: number;
}
interface TimedShift extends Span {
  shift: Shift;
  breaks: Span[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Insertion-ordered groups (Node 20 has no `Map.groupBy`). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A shift's start, end and planned breaks as instants; an end not after the start is next day. */
function timeShift(shift: Shift, timeZone: string): TimedShift {
  const at = (time: string, nextDay: boolean) =>
    zonedDateTimeToInstant(nextDay ? addDays(shift.date, 1) : shift.date, time, timeZone).getTime();
  return {
    shift,
    start: at(shift.start, false),
    end: at(shift.end, shift.end <= shift.start),
    breaks: shift.breaks.map((b) => ({
      start: at(b.start, b.start < shift.start),
      end: at(b.end, b.end < shift.start),
    })),
  };
}

const weekOrder = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
function weekStartOf(date: string, startsOn: (typeof weekOrder)[number]): string {
  const back = (weekOrder.indexOf(weekdayOf(date)) - weekOrder.indexOf(startsOn) + 7) % 7;
  return addDays(date, -back);
}

/** Rest breaks due for a day of `hours` worked. */
export function restBreaksDue(rule: NonNullable<LaborPack["rest"]>, hours: number): number {
  if (hours < rule.minDayHours) return 0;
  const whole = Math.floor(hours / rule.perHours);
  const rest = hours - whole * rule.perHours;
  return whole + (rule.majorFraction && rest > rule.perHours / 2 ? 1 : 0);
}

export function checkTimecards(pack: LaborPack, input: TimecardCheckInput): Result<TimecardReport> {
  const parsed = timecardCheckInputSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error, "bad_request"));
  const data = parsed.data;
  try {
    instantToZoned(new Date(data.asOf), data.timeZone);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return err(
      new AppError("bad_request", `timeZone: unknown time zone "${data.timeZone}"`, {
        field: "timeZone",
      }),
    );
  }
  const asOf = Date.parse(data.asOf);
  const tolerance = data.toleranceMinutes * MINUTE;
  const exceptions: TimecardException[] = [];
  const add = (
    e: Omit<TimecardException, "evidence" | "amount" | "citation" | "correction"> & {
      evidence: Partial<TimecardException["evidence"]>;
      amount?: TimecardException["amount"];
      citation?: TimecardException["citation"];
      correction?: TimecardException["correction"];
    },
  ) =>
    exceptions.push({
      ...e,
      evidence: {
        timecardIds: e.evidence.timecardIds ?? [],
        shiftId: e.evidence.shiftId ?? null,
        intervalIds: e.evidence.intervalIds ?? [],
        times: e.evidence.times ?? {},
      },
      amount: e.amount ?? null,
      citation: e.citation ?? null,
      correction: e.correction ?? null,
    });

  // Pair each timecard with the staff member's shift that day it overlaps most (the nearest when it
  // overlaps none). A shift may have several timecards: clocking out for lunch splits one, and only
  // the first is held to the shift's start and the last to its end.
  const shifts = data.shifts.map((s) => timeShift(s, data.timeZone));
  const used = new Set<string>();
  const shiftOf = new Map<string, TimedShift>();
  const firstOf = new Map<string, string>();
  const lastOf = new Map<string, string>();
  const cards = [...data.timecards].sort(
    (a, b) =>
      Date.parse(a.clockIn ?? a.clockOut ?? a.date) - Date.parse(b.clockIn ?? b.clockOut ?? b.date),
  );
  for (const tc of cards) {
    const from = Date.parse(tc.clockIn ?? tc.clockOut ?? `${tc.date}T00:00:00Z`);
    const to = tc.clockOut ? Date.parse(tc.clockOut) : from;
    const overlap = (s: TimedShift) => Math.max(0, Math.min(to, s.end) - Math.max(from, s.start));
    const distance = (s: TimedShift) => Math.min(Math.abs(from - s.start), Math.abs(to - s.end));
    const best = shifts
      .filter((s) => s.shift.staffId === tc.staffId && s.shift.date === tc.date)
      .sort((a, b) => overlap(b) - overlap(a) || distance(a) - distance(b))[0];
    if (best) {
      used.add(best.shift.id);
      shiftOf.set(tc.id, best);
      if (!firstOf.has(best.shift.id)) firstOf.set(best.shift.id, tc.id);
      lastOf.set(best.shift.id, tc.id);
    }
  }

  const mealMin = Math.min(30, ...pack.meals.map((m) => m.minMinutes));
  const incomplete = new Set<string>();

  for (const tc of cards) {
    const s = shiftOf.get(tc.id);
    const shiftId = s?.shift.id ?? null;
    const base = { staffId: tc.staffId, date: tc.date };
    const ids = [tc.id];
    const clockIn = tc.clockIn ? Date.parse(tc.clockIn) : null;
    const clockOut = tc.clockOut ? Date.parse(tc.clockOut) : null;
    // The shift's start and end bind only its first and last timecard.
    const opens = s !== undefined && firstOf.get(s.shift.id) === tc.id ? s : undefined;
    const closes = s !== undefined && lastOf.get(s.shift.id) === tc.id ? s : undefined;

    if (!s) {
      add({
        ...base,
        kind: "no_shift",
        severity: "warning",
        message: `Timecard ${tc.id} has no scheduled shift for ${tc.staffId} on ${tc.date}.`,
        evidence: { timecardIds: ids, times: { ...(tc.clockIn && { clockIn: tc.clockIn }) } },
      });
    }
    if (clockIn === null) {
      incomplete.add(tc.id);
      add({
        ...base,
        kind: "missing_clock_in",
        severity: "error",
        message: `Timecard ${tc.id} has no clock-in${s ? `; the shift was scheduled to start at ${s.shift.start}` : ""}.`,
        evidence: { timecardIds: ids, shiftId, times: s ? { scheduledStart: iso(s.start) } : {} },
        correction: opens
          ? {
              timecardId: tc.id,
              field: "clockIn",
              breakIndex: null,
              value: iso(opens.start),
              reason: `No clock-in recorded; set to the scheduled start ${opens.shift.start} of shift ${opens.shift.id}.`,
              requiresApproval: true,
            }
          : null,
      });
    }
    if (clockOut === null) {
      const deadline = s
        ? s.end + tolerance
        : clockIn !== null
          ? clockIn + data.maxOpenHours * HOUR
          : asOf;
      incomplete.add(tc.id);
      if (asOf > deadline) {
        add({
          ...base,
          kind: "missing_clock_out",
          severity: "error",
          message: `Timecard ${tc.id} has no clock-out${s ? `; the shift was scheduled to end at ${s.shift.end}` : ` ${data.maxOpenHours} hours after clock-in`}.`,
          evidence: {
            timecardIds: ids,
            shiftId,
            times: {
              ...(tc.clockIn && { clockIn: tc.clockIn }),
              ...(s && { scheduledEnd: iso(s.end) }),
            },
          },
          correction: closes
            ? {
                timecardId: tc.id,
                field: "clockOut",
                breakIndex: null,
                value: iso(closes.end),
                reason: `No clock-out recorded; set to the scheduled end ${closes.shift.end} of shift ${closes.shift.id}.`,
                requiresApproval: true,
              }
            : null,
        });
      }
    }
    if (clockIn !== null && clockOut !== null && clockOut <= clockIn) {
      incomplete.add(tc.id);
      add({
        ...base,
        kind: "invalid_punches",
        severity: "error",
        message: `Timecard ${tc.id} clocks out at or before it clocks in.`,
        evidence: {
          timecardIds: ids,
          shiftId,
          times: { clockIn: tc.clockIn!, clockOut: tc.clockOut! },
        },
      });
    }
    if (opens && clockIn !== null && clockIn < opens.start - tolerance) {
      const s = opens;
      const minutes = Math.round((s.start - clockIn) / MINUTE);
      add({
        ...base,
        kind: "early_clock_in",
        severity: "warning",
        message: `Clocked in ${plural(minutes, "minute")} before the shift's ${s.shift.start} start (tolerance ${data.toleranceMinutes}).`,
        evidence: {
          timecardIds: ids,
          shiftId,
          times: { clockIn: tc.clockIn!, scheduledStart: iso(s.start) },
        },
        amount: { value: minutes, unit: "minutes" },
      });
    }
    if (closes && clockOut !== null && clockOut > closes.end + tolerance) {
      const s = closes;
      const minutes = Math.round((clockOut - s.end) / MINUTE);
      add({
        ...base,
        kind: "late_clock_out",
        severity: "warning",
        message: `Clocked out ${plural(minutes, "minute")} after the shift's ${s.shift.end} end (tolerance ${data.toleranceMinutes}).`,
        evidence: {
          timecardIds: ids,
          shiftId,
          times: { clockOut: tc.clockOut!, scheduledEnd: iso(s.end) },
        },
        amount: { value: minutes, unit: "minutes" },
      });
    }

    // Breaks: open ones, ones outside the clocked span, ones overlapping each other.
    const spanEnd = clockOut ?? asOf;
    const sorted = tc.breaks
      .map((b, index) => ({
        b,
        index,
        start: Date.parse(b.start),
        end: b.end ? Date.parse(b.end) : null,
      }))
      .sort((x, y) => x.start - y.start);
    sorted.forEach((x, i) => {
      if (x.end === null && (clockOut !== null || (s !== undefined && asOf > s.end + tolerance))) {
        incomplete.add(tc.id);
        const planned = s?.breaks.find((p) => Math.abs(p.start - x.start) <= 15 * MINUTE);
        add({
          ...base,
          kind: "missing_break_end",
          severity: "error",
          message: `Break ${x.index + 1} on timecard ${tc.id}, started ${x.b.start}, has no end.`,
          evidence: { timecardIds: ids, shiftId, times: { breakStart: x.b.start } },
          correction: planned
            ? {
                timecardId: tc.id,
                field: "breakEnd",
                breakIndex: x.index,
                value: iso(x.start + (planned.end - planned.start)),
                reason: `No break end recorded; set to the planned ${Math.round((planned.end - planned.start) / MINUTE)}-minute length of the shift's break.`,
                requiresApproval: true,
              }
            : null,
        });
      }
      const end = x.end ?? spanEnd;
      if (x.end !== null && x.end <= x.start) {
        incomplete.add(tc.id);
        add({
          ...base,
          kind: "invalid_punches",
          severity: "error",
          message: `Break ${x.index + 1} on timecard ${tc.id} ends at or before it starts.`,
          evidence: {
            timecardIds: ids,
            shiftId,
            times: { breakStart: x.b.start, breakEnd: x.b.end! },
          },
        });
      }
      if ((clockIn !== null && x.start < clockIn) || (clockOut !== null && end > clockOut)) {
        incomplete.add(tc.id);
        add({
          ...base,
          kind: "overlapping_punches",
          severity: "error",
          message: `Break ${x.index + 1} on timecard ${tc.id} falls outside the clocked time.`,
          evidence: {
            timecardIds: ids,
            shiftId,
            times: {
              breakStart: x.b.start,
              ...(x.b.end && { breakEnd: x.b.end }),
              ...(tc.clockIn && { clockIn: tc.clockIn }),
              ...(tc.clockOut && { clockOut: tc.clockOut }),
            },
          },
        });
      }
      // A break left open and followed by another is a missing end, reported above.
      const next = sorted[i + 1];
      if (next && x.end !== null && next.start < x.end) {
        incomplete.add(tc.id);
        add({
          ...base,
          kind: "overlapping_punches",
          severity: "error",
          message: `Breaks ${x.index + 1} and ${next.index + 1} on timecard ${tc.id} overlap.`,
          evidence: {
            timecardIds: ids,
            shiftId,
            times: { firstBreakStart: x.b.start, secondBreakStart: next.b.start },
          },
        });
      }

      // A break while the room the person left was out of ratio.
      const roomId = x.b.roomId ?? tc.roomId ?? s?.shift.roomId ?? null;
      if (roomId === null) return;
      for (const interval of data.outOfRatio) {
        if (interval.roomId !== roomId) continue;
        const from = Math.max(x.start, Date.parse(interval.start));
        const to = Math.min(end, interval.end ? Date.parse(interval.end) : asOf);
        if (to <= from) continue;
        const minutes = Math.round(((to - from) / MINUTE) * 10) / 10;
        add({
          ...base,
          kind: "break_out_of_ratio",
          severity: "error",
          message: `Break ${x.index + 1} on timecard ${tc.id} overlapped ${plural(minutes, "minute")} of room ${roomId} being out of ratio (${iso(from)}–${iso(to)}).`,
          evidence: {
            timecardIds: ids,
            shiftId,
            intervalIds: [interval.id],
            times: {
              breakStart: x.b.start,
              breakEnd: iso(end),
              outOfRatioStart: interval.start,
              ...(interval.end && { outOfRatioEnd: interval.end }),
            },
          },
          amount: { value: minutes, unit: "minutes" },
        });
      }
    });
  }

  // Timecards of one person that overlap each other.
  const byStaff = groupBy(
    cards.filter((tc) => tc.clockIn !== null),
    (tc) => tc.staffId,
  );
  for (const list of byStaff.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      // A timecard left open and followed by another is a missing clock-out, reported above.
      if (a.clockOut !== null && Date.parse(b.clockIn!) < Date.parse(a.clockOut)) {
        incomplete.add(a.id).add(b.id);
        add({
          staffId: a.staffId,
          date: b.date,
          kind: "overlapping_punches",
          severity: "error",
          message: `Timecards ${a.id} and ${b.id} overlap: ${b.id} clocks in before ${a.id} clocks out.`,
          evidence: {
            timecardIds: [a.id, b.id],
            times: {
              firstClockIn: a.clockIn!,
              firstClockOut: a.clockOut,
              secondClockIn: b.clockIn!,
            },
          },
        });
      }
    }
  }

  // Scheduled shifts over with no timecard.
  for (const s of shifts) {
    if (used.has(s.shift.id) || asOf <= s.end + tolerance) continue;
    add({
      staffId: s.shift.staffId,
      date: s.shift.date,
      kind: "no_timecard",
      severity: "warning",
      message: `Shift ${s.shift.id} (${s.shift.start}–${s.shift.end}) has no timecard.`,
      evidence: {
        shiftId: s.shift.id,
        times: { scheduledStart: iso(s.start), scheduledEnd: iso(s.end) },
      },
    });
  }

  // Hours, meals, rests and overtime per workday, from complete timecards only.
  const complete = cards.filter((tc) => !incomplete.has(tc.id));
  const days: DayHours[] = [];
  const byDay = groupBy(complete, (tc) => `${tc.staffId} ${tc.date}`);
  for (const list of byDay.values()) {
    const first = list[0]!;
    const ids = list.map((tc) => tc.id);
    const shiftId = shiftOf.get(first.id)?.shift.id ?? null;
    const start = Date.parse(first.clockIn!);
    const end = Date.parse(list.at(-1)!.clockOut!);
    const gaps: Span[] = list.slice(1).map((tc, i) => ({
      start: Date.parse(list[i]!.clockOut!),
      end: Date.parse(tc.clockIn!),
    }));
    const recorded = list.flatMap((tc) =>
      tc.breaks.map((b) => {
        const span = { start: Date.parse(b.start), end: Date.parse(b.end!) };
        const kind = b.kind ?? (span.end - span.start >= mealMin * MINUTE ? "meal" : "rest");
        return { ...span, kind };
      }),
    );
    const unpaid = [...gaps, ...recorded.filter((b) => b.kind === "meal")].sort(
      (a, b) => a.start - b.start,
    );
    const meals = [
      ...gaps.filter((g) => g.end - g.start >= mealMin * MINUTE),
      ...recorded.filter((b) => b.kind === "meal"),
    ].sort((a, b) => a.start - b.start);
    const rests = recorded.filter((b) => b.kind === "rest");
    const unpaidMs = unpaid.reduce((sum, b) => sum + (b.end - b.start), 0);
    const workedMs = end - start - unpaidMs;
    const hours = workedMs / HOUR;
    const workedAt = (t: number) =>
      t - start - unpaid.reduce((sum, b) => sum + Math.max(0, Math.min(b.end, t) - b.start), 0);
    const base = { staffId: first.staffId, date: first.date };
    const evidenceBase = { timecardIds: ids, shiftId };

    let nth = 0;
    for (const rule of pack.meals) {
      const applies = rule.inclusive ? hours >= rule.whenWorkedHours : hours > rule.whenWorkedHours;
      if (!applies) continue;
      checkMeal(
        rule,
        nth,
        { meals, start, end, hours, workedAt, timeZone: data.timeZone, date: first.date },
        (kind, message, times, severity = "error") =>
          add({
            ...base,
            kind,
            severity,
            message,
            evidence: { ...evidenceBase, times },
            citation: rule.citation,
          }),
      );
      if (rule.start.kind === "worked_hours") nth++;
    }

    if (pack.rest) {
      const due = restBreaksDue(pack.rest, hours);
      const taken = rests.filter((r) => r.end - r.start >= pack.rest!.minutes * MINUTE).length;
      if (taken < due) {
        add({
          ...base,
          kind: "missed_rest",
          severity: "warning",
          message: `${round2(hours)} hours worked: ${due} rest break${due === 1 ? "" : "s"} of ${pack.rest.minutes} minutes due, ${taken} recorded (rests are often not punched: confirm they were given).`,
          evidence: { ...evidenceBase, times: { clockIn: iso(start), clockOut: iso(end) } },
          amount: { value: (due - taken) * pack.rest.minutes, unit: "minutes" },
          citation: pack.rest.citation,
        });
      }
    }

    const { dailyAfterHours: ot, dailyDoubleAfterHours: dt } = pack.overtime;
    const double = dt === null ? 0 : Math.max(0, hours - dt);
    const over =
      ot === null ? 0 : Math.max(0, Math.min(hours, dt ?? Number.POSITIVE_INFINITY) - ot);
    const day: DayHours = {
      ...base,
      timecardIds: ids,
      workedHours: round2(hours),
      unpaidMinutes: Math.round(unpaidMs / MINUTE),
      regularHours: round2(hours - over - double),
      overtimeHours: round2(over),
      doubleTimeHours: round2(double),
    };
    days.push(day);
    if (day.overtimeHours > 0) {
      add({
        ...base,
        kind: "daily_overtime",
        severity: "info",
        message: `${day.workedHours} hours worked: ${day.overtimeHours} at time and a half (over ${ot} in a day).`,
        evidence: { ...evidenceBase, times: { clockIn: iso(start), clockOut: iso(end) } },
        amount: { value: day.overtimeHours, unit: "hours" },
        citation: pack.overtime.citation,
      });
    }
    if (day.doubleTimeHours > 0) {
      add({
        ...base,
        kind: "daily_double_time",
        severity: "info",
        message: `${day.workedHours} hours worked: ${day.doubleTimeHours} at double time (over ${dt} in a day).`,
        evidence: { ...evidenceBase, times: { clockIn: iso(start), clockOut: iso(end) } },
        amount: { value: day.doubleTimeHours, unit: "hours" },
        citation: pack.overtime.citation,
      });
    }
  }

  const weeks = [
    ...groupBy(days, (d) => `${d.staffId} ${weekStartOf(d.date, data.workweekStartsOn)}`).values(),
  ].map((list) => {
    const regular = round2(list.reduce((sum, d) => sum + d.regularHours, 0));
    const week = {
      staffId: list[0]!.staffId,
      weekStart: weekStartOf(list[0]!.date, data.workweekStartsOn),
      timecardIds: list.flatMap((d) => d.timecardIds),
      workedHours: round2(list.reduce((sum, d) => sum + d.workedHours, 0)),
      weeklyOvertimeHours: round2(Math.max(0, regular - pack.overtime.weeklyAfterHours)),
    };
    if (week.weeklyOvertimeHours > 0) {
      add({
        staffId: week.staffId,
        date: week.weekStart,
        kind: "weekly_overtime",
        severity: "info",
        message: `Week of ${week.weekStart}: ${regular} regular hours, ${week.weeklyOvertimeHours} over ${pack.overtime.weeklyAfterHours} at time and a half.`,
        evidence: { timecardIds: week.timecardIds },
        amount: { value: week.weeklyOvertimeHours, unit: "hours" },
        citation: pack.overtime.citation,
      });
    }
    return week;
  });

  return ok({
    laborPack: pack.code,
    exceptions,
    days,
    weeks,
    incompleteTimecardIds: [...incomplete].sort(),
    notApplied: pack.notApplied,
  });
}

interface DayMeals {
  meals: Span[];
  start: number;
  end: number;
  hours: number;
  workedAt: (t: number) => number;
  timeZone: string;
  date: string;
}

/** One meal rule against the day's meals: the `nth` meal for a worked-hours rule, the one in the
 * window for a window rule. */
function checkMeal(
  rule: MealRule,
  nth: number,
  day: DayMeals,
  report: (
    kind: TimecardExceptionKind,
    message: string,
    times: Record<string, string>,
    severity?: "error" | "warning",
  ) => void,
): void {
  const minMs = rule.minMinutes * MINUTE;
  const times: Record<string, string> = { clockIn: iso(day.start), clockOut: iso(day.end) };
  const hours = round2(day.hours);
  let meal: Span | undefined;
  let window: Span | null = null;
  if (rule.start.kind === "local_window") {
    window = {
      start: zonedDateTimeToInstant(day.date, rule.start.from, day.timeZone).getTime(),
      end: zonedDateTimeToInstant(day.date, rule.start.to, day.timeZone).getTime(),
    };
    // Only a day that covers enough of the window can have its meal in it.
    if (Math.min(day.end, window.end) - Math.max(day.start, window.start) < minMs) return;
    // A meal outside the window is a timing problem, not a missing meal.
    meal = day.meals.find((m) => m.end > window!.start && m.start < window!.end) ?? day.meals[0];
  } else {
    meal = day.meals[nth];
  }
  if (meal === undefined) {
    const waivable = rule.waivableUpToHours !== null && day.hours <= rule.waivableUpToHours;
    report(
      "missed_meal",
      `${hours} hours worked with no ${rule.label.toLowerCase()} of ${rule.minMinutes} minutes` +
        (rule.start.kind === "local_window"
          ? ` between ${rule.start.from} and ${rule.start.to}`
          : "") +
        (waivable
          ? ` (waivable for a day of at most ${rule.waivableUpToHours} hours: check for a signed waiver).`
          : "."),
      times,
      waivable ? "warning" : "error",
    );
    return;
  }
  const mealTimes = { ...times, mealStart: iso(meal.start), mealEnd: iso(meal.end) };
  const length = Math.round((meal.end - meal.start) / MINUTE);
  if (meal.end - meal.start < minMs) {
    report(
      "short_meal",
      `${rule.label} lasted ${length} minutes; at least ${rule.minMinutes} are due.`,
      mealTimes,
    );
  }
  if (rule.start.kind === "worked_hours") {
    const into = day.workedAt(meal.start) / HOUR;
    const { earliestHours, latestHours } = rule.start;
    if (latestHours !== null && into > latestHours) {
      report(
        "meal_timing",
        `${rule.label} started after ${round2(into)} hours of work; it is due to start within ${latestHours}.`,
        mealTimes,
      );
    } else if (into < earliestHours) {
      report(
        "meal_timing",
        `${rule.label} started after ${round2(into)} hours of work; it may not start before ${earliestHours}.`,
        mealTimes,
      );
    }
  } else if (window !== null && (meal.start < window.start || meal.start + minMs > window.end)) {
    report(
      "meal_timing",
      `${rule.label} (${length} minutes) is not within ${rule.start.from}–${rule.start.to}.`,
      mealTimes,
    );
  }
}
