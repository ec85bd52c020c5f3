/**
 * @module reports/subsidy-report
 * The subsidy (funding) claim for a month: per child and program, the days and hours attended
 * against what the authorization pays for, with what must be fixed or explained before the claim
 * goes out. Attendance is the recorded check-ins and check-outs; a child's whole attendance counts
 * against each of its authorizations (no splitting between programs).
 *
 * A day counts as open when the center recorded any check-in that day, so a scheduled child is
 * absent only on days the center actually ran (and only up to today).
 */
import { z } from "zod";
import type { Center, Child } from "../domain/index.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import { addMonths } from "../rules/index.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren } from "../storage/directory.js";
import { childAttendanceEvents } from "../storage/reports.js";
import {
  type SubsidyAuthorizationRow,
  subsidyAuthorizationsOverlapping,
} from "../storage/subsidy.js";

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM")
  .describe("The claim month, YYYY-MM");

export const subsidyFlagSchema = z.enum([
  "missing_check_out",
  "over_authorized_hours",
  "over_authorized_days",
  "over_allowed_absences",
]);
export type SubsidyFlag = z.infer<typeof subsidyFlagSchema>;

export const subsidyLineSchema = z.object({
  childId: z.string(),
  childName: z.string(),
  program: z.string(),
  reference: z.string(),
  periodFrom: z.string().describe("The authorization period within the month"),
  periodTo: z.string(),
  authorizedHours: z.number(),
  authorizedDays: z.number().int(),
  allowedAbsenceDays: z.number().int(),
  attendedDays: z.number().int(),
  attendedMs: z.number().int().describe("Complete check-in to check-out time on those days"),
  attendedHours: z.number().describe("attendedMs in hours, two decimals"),
  scheduledOpenDays: z.number().int(),
  absentDays: z.number().int().describe("Scheduled days the center was open and the child not"),
  missingCheckOuts: z.number().int(),
  claimableDays: z
    .number()
    .int()
    .describe("Attended plus allowed absences, up to the authorization"),
  claimableHours: z.number(),
  flags: z.array(subsidyFlagSchema),
  ready: z.boolean().describe("No flags: the line can be claimed as it is"),
});
export type SubsidyLine = z.infer<typeof subsidyLineSchema>;

export const subsidyReportSchema = z
  .object({
    center: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    month: z.string(),
    range: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    openDays: z.array(z.string()),
    lines: z.array(subsidyLineSchema),
    missingCheckOuts: z.array(
      z.object({
        childId: z.string(),
        childName: z.string(),
        date: z.string(),
        checkedInAt: z.string(),
        checkedOutAt: z.string().nullable().describe("A check-out on a later day, if any"),
      }),
    ),
    totals: z.object({
      lines: z.number().int(),
      ready: z.number().int(),
      flagged: z.number().int(),
      attendedDays: z.number().int(),
      attendedHours: z.number(),
      claimableDays: z.number().int(),
      claimableHours: z.number(),
    }),
  })
  .meta({ id: "SubsidyReport" });
export type SubsidyReport = z.infer<typeof subsidyReportSchema>;

export interface SubsidyReportRows {
  center: Center;
  children: Child[];
  authorizations: SubsidyAuthorizationRow[];
  events: { type: string; childId: string | null; occurredAt: string }[];
}

const hours = (ms: number) => Math.round(ms / 36_000) / 100;

export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

interface Session {
  date: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  complete: boolean;
  /** Checked in today and not yet out: attended, no hours yet, nothing missing. */
  inCare: boolean;
}

/** Pairs each check-in with the next check-out; a pair that does not close the same day is not. */
function sessionsOf(
  events: SubsidyReportRows["events"],
  timeZone: string,
  today: string,
): Map<string, Session[]> {
  const byChild = new Map<string, Session[]>();
  const open = new Map<string, string>();
  const dateOf = (iso: string) => instantToZoned(new Date(iso), timeZone).date;
  const push = (childId: string, s: Session) => {
    byChild.set(childId, [...(byChild.get(childId) ?? []), s]);
  };
  for (const e of events) {
    if (!e.childId) continue;
    const started = open.get(e.childId);
    if (e.type === "child.checked_in") {
      if (started) {
        push(e.childId, {
          date: dateOf(started),
          checkedInAt: started,
          checkedOutAt: null,
          complete: false,
          inCare: false,
        });
      }
      open.set(e.childId, e.occurredAt);
    } else if (e.type === "child.checked_out" && started) {
      const date = dateOf(started);
      push(e.childId, {
        date,
        checkedInAt: started,
        checkedOutAt: e.occurredAt,
        complete: dateOf(e.occurredAt) === date,
        inCare: false,
      });
      open.delete(e.childId);
    }
  }
  for (const [childId, started] of open) {
    const date = dateOf(started);
    push(childId, {
      date,
      checkedInAt: started,
      checkedOutAt: null,
      complete: false,
      inCare: date >= today,
    });
  }
  return byChild;
}

/** Pure: the claim from its rows. `now` decides which days are past. */
export function buildSubsidyReport(
  rows: SubsidyReportRows,
  month: string,
  now: Date,
  generatedAt: Date,
): SubsidyReport {
  const { center } = rows;
  const range = monthBounds(month);
  const today = instantToZoned(now, center.timeZone).date;
  const inMonth = (d: string) => d >= range.from && d <= range.to;
  const sessions = sessionsOf(rows.events, center.timeZone, today);
  const openDays = [
    ...new Set(
      rows.events
        .filter((e) => e.type === "child.checked_in")
        .map((e) => instantToZoned(new Date(e.occurredAt), center.timeZone).date),
    ),
  ]
    .filter((d) => inMonth(d) && d <= today)
    .sort();
  const children = new Map(rows.children.map((c) => [c.id, c]));
  const nameOf = (id: string) => {
    const c = children.get(id);
    return c ? `${c.firstName} ${c.lastName}` : id;
  };

  const lines: SubsidyLine[] = rows.authorizations.map((a) => {
    const periodFrom = a.startDate > range.from ? a.startDate : range.from;
    const periodTo = a.endDate < range.to ? a.endDate : range.to;
    const inPeriod = (d: string) => d >= periodFrom && d <= periodTo;
    const mine = (sessions.get(a.childId) ?? []).filter((s) => inPeriod(s.date));
    const attended = new Set(mine.map((s) => s.date));
    const attendedMs = mine
      .filter((s) => s.complete && s.checkedOutAt)
      .reduce((sum, s) => sum + (Date.parse(s.checkedOutAt!) - Date.parse(s.checkedInAt)), 0);
    const weekdays = new Set((children.get(a.childId)?.schedule ?? []).map((d) => d.day));
    const scheduled = openDays.filter((d) => inPeriod(d) && weekdays.has(weekdayOf(d)));
    const absentDays = scheduled.filter((d) => !attended.has(d)).length;
    const missing = mine.filter((s) => !s.complete && !s.inCare).length;
    const attendedHours = hours(attendedMs);
    const flags: SubsidyFlag[] = [];
    if (missing > 0) flags.push("missing_check_out");
    if (attendedHours > a.hoursPerMonth) flags.push("over_authorized_hours");
    if (attended.size > a.daysPerMonth) flags.push("over_authorized_days");
    if (absentDays > a.absenceDaysPerMonth) flags.push("over_allowed_absences");
    return {
      childId: a.childId,
      childName: nameOf(a.childId),
      program: a.program,
      reference: a.reference,
      periodFrom,
      periodTo,
      authorizedHours: a.hoursPerMonth,
      authorizedDays: a.daysPerMonth,
      allowedAbsenceDays: a.absenceDaysPerMonth,
      attendedDays: attended.size,
      attendedMs,
      attendedHours,
      scheduledOpenDays: scheduled.length,
      absentDays,
      missingCheckOuts: missing,
      claimableDays: Math.min(
        attended.size + Math.min(absentDays, a.absenceDaysPerMonth),
        a.daysPerMonth,
      ),
      claimableHours: Math.min(attendedHours, a.hoursPerMonth),
      flags,
      ready: flags.length === 0,
    };
  });

  const subsidized = new Set(rows.authorizations.map((a) => a.childId));
  const missingCheckOuts = [...sessions]
    .filter(([childId]) => subsidized.has(childId))
    .flatMap(([childId, list]) =>
      list
        .filter((s) => !s.complete && !s.inCare && inMonth(s.date))
        .map((s) => ({
          childId,
          childName: nameOf(childId),
          date: s.date,
          checkedInAt: s.checkedInAt,
          checkedOutAt: s.checkedOutAt,
        })),
    )
    .sort((x, y) => (x.checkedInAt < y.checkedInAt ? -1 : 1));

  const sum = (f: (l: SubsidyLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    center: { id: center.id, name: center.name, timeZone: center.timeZone },
    month,
    range,
    generatedAt: generatedAt.toISOString(),
    openDays,
    lines,
    missingCheckOuts,
    totals: {
      lines: lines.length,
      ready: lines.filter((l) => l.ready).length,
      flagged: lines.filter((l) => !l.ready).length,
      attendedDays: sum((l) => l.attendedDays),
      attendedHours: Math.round(sum((l) => l.attendedHours) * 100) / 100,
      claimableDays: sum((l) => l.claimableDays),
      claimableHours: Math.round(sum((l) => l.claimableHours) * 100) / 100,
    },
  };
}

/** Reads the rows for a center's claim; undefined when the center does not exist. */
export function loadSubsidyReportRows(
  db: Store,
  centerId: string,
  month: string,
): SubsidyReportRows | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  const range = monthBounds(month);
  // A day past the month, so a check-out the next morning shows a last-day check-in left open.
  const from = zonedDateTimeToInstant(range.from, "00:00", center.timeZone);
  const to = zonedDateTimeToInstant(addDays(range.to, 2), "00:00", center.timeZone);
  const authorizations = subsidyAuthorizationsOverlapping(db, centerId, range.from, range.to);
  return {
    center,
    children: listChildren(db, centerId),
    authorizations,
    events: childAttendanceEvents(db, centerId, from.toISOString(), to.toISOString()),
  };
}
