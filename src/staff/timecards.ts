/**
 * @module staff/timecards
 * Timecards fetched from the center's platform, checked against the platform's scheduled shifts
 * and the room violations Centerline recorded, under the center's state labour pack; mechanical
 * fixes proposed as payroll corrections that only a director may approve (the approved call is
 * written back once through the outbox).
 */
import { payrollCorrectionCall } from "../approvals/platform-call.js";
import { proposeApproval } from "../approvals/propose.js";
import type { Center, Shift } from "../domain/index.js";
import { addDays, instantToZoned } from "../domain/time.js";
import { AppError } from "../errors/index.js";
import type { KangarootimeClient, PlatformClient, ProcareClient } from "../platforms/index.js";
import { staff as staffRules } from "../rules/index.js";
import { listApprovals } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import { listViolations } from "../storage/ratio.js";

type Timecard = staffRules.Timecard;
type TimecardReport = staffRules.TimecardReport;
type TimecardException = staffRules.TimecardException;

/** The longest range fetched in one request: a monthly pay period and a little. */
export const MAX_RANGE_DAYS = 35;

/** Exceptions that need the breaks a timecard records. */
const breakKinds = new Set(["missed_meal", "short_meal", "meal_timing", "missed_rest"]);

export interface TimecardCheck {
  center: Center;
  from: string;
  to: string;
  report: TimecardReport;
  timecards: Timecard[];
  /** Why some checks were not made (e.g. a platform that reports no breaks). */
  notes: string[];
}

export function rangeDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Validates a from–to range of local dates, naming the field at fault. */
export function checkRange(from: string, to: string): void {
  if (to < from) {
    throw new AppError("bad_request", "to: must be on or after from", { field: "to" });
  }
  if (rangeDates(from, to).length > MAX_RANGE_DAYS) {
    throw new AppError("bad_request", `to: at most ${MAX_RANGE_DAYS} days from from`, {
      field: "to",
    });
  }
}

/** The platform's timecards for the local dates, as the staff core reads them. */
export async function fetchTimecards(
  client: PlatformClient,
  center: Center,
  dates: readonly string[],
): Promise<{ timecards: Timecard[]; breaksKnown: boolean }> {
  const wanted = new Set(dates);
  if (client.provider === "procare") {
    const procare = client as ProcareClient;
    const lists = await Promise.all(dates.map((d) => procare.fetchTimecards(center.id, d)));
    return {
      breaksKnown: true,
      timecards: lists.flat().map((w) => ({
        id: w.id,
        staffId: w.employee_id,
        date: w.date,
        clockIn: w.clock_in,
        clockOut: w.clock_out,
        breaks: w.breaks.map((b) => ({ start: b.start, end: b.end })),
        roomId: null,
      })),
    };
  }
  const list = await (client as KangarootimeClient).fetchTimecards(center.id);
  return {
    // Kangarootime's timecards carry punches and a pay code, no breaks.
    breaksKnown: false,
    timecards: list
      .map((w) => ({
        id: w.timecard_id,
        staffId: w.staff_id,
        date: instantToZoned(new Date(w.clock_in), center.timeZone).date,
        clockIn: w.clock_in,
        clockOut: w.clock_out,
        breaks: [],
        roomId: null,
      }))
      .filter((t) => wanted.has(t.date)),
  };
}

/** What the platform answered for a range: plain data, so the check can run on a worker. */
export interface FetchedTimecards {
  provider: string;
  timecards: Timecard[];
  breaksKnown: boolean;
  shifts: Shift[];
}

/** A check's whole input: the center, the range, the business time and the platform's answer. */
export interface TimecardCheckInput {
  center: Center;
  from: string;
  to: string;
  asOf: Date;
  fetched: FetchedTimecards;
}

/** The platform's timecards and shifts for `from`..`to` (local dates): I/O only, no checking. */
export async function fetchTimecardInputs(
  client: PlatformClient,
  center: Center,
  from: string,
  to: string,
): Promise<FetchedTimecards> {
  checkRange(from, to);
  const dates = rangeDates(from, to);
  const [{ timecards, breaksKnown }, shiftLists] = await Promise.all([
    fetchTimecards(client, center, dates),
    Promise.all(dates.map((d) => client.fetchShifts(center.id, d))),
  ]);
  return { provider: client.provider, timecards, breaksKnown, shifts: shiftLists.flat() };
}

/**
 * The check itself, against the violations Centerline recorded: tens of milliseconds for a pay
 * period, so the routes run it on the offload pool (`offload/jobs.ts`).
 */
export function computeTimecardCheck(db: Store, input: TimecardCheckInput): TimecardCheck {
  const { center, from, to, asOf } = input;
  const { timecards, breaksKnown, shifts, provider } = input.fetched;
  const outOfRatio = listViolations(db, center.id).map((v) => ({
    id: `violation:${v.id}`,
    roomId: v.roomId,
    start: v.startedAt,
    end: v.endedAt,
  }));
  const pack = staffRules.getLaborPack(center.jurisdiction);
  const result = staffRules.checkTimecards(pack, {
    asOf: asOf.toISOString(),
    timeZone: center.timeZone,
    timecards,
    shifts,
    outOfRatio,
  });
  if (!result.ok) throw result.error;
  const notes: string[] = [];
  let report = result.value;
  if (!breaksKnown) {
    notes.push(
      `${provider} timecards record no breaks: meal and rest checks were not made, and hours include any unpaid meal.`,
    );
    report = { ...report, exceptions: report.exceptions.filter((e) => !breakKinds.has(e.kind)) };
  }
  return { center, from, to, report, timecards, notes };
}

/** Checks the center's timecards for `from`..`to` (local dates) as of `asOf`, on this thread. */
export async function checkCenterTimecards(
  db: Store,
  client: PlatformClient,
  center: Center,
  from: string,
  to: string,
  asOf: Date,
): Promise<TimecardCheck> {
  const fetched = await fetchTimecardInputs(client, center, from, to);
  return computeTimecardCheck(db, { center, from, to, asOf, fetched });
}

export interface ProposedCorrection {
  exception: TimecardException;
  approvalId: number | null;
  state: string | null;
  /** Why no approval was proposed for this correction, when none was. */
  skipped: string | null;
}

/**
 * One payroll-correction approval per proposed fix (director only, by the approvals policy); a
 * second run finds the same approvals. A break-end fix has no platform call (the payroll call
 * corrects punches only) and is listed instead.
 */
export function proposeTimecardCorrections(
  db: Store,
  check: TimecardCheck,
  nowIso: string,
): ProposedCorrection[] {
  const byId = new Map(check.timecards.map((t) => [t.id, t]));
  return check.report.exceptions.flatMap((exception): ProposedCorrection[] => {
    const fix = exception.correction;
    if (!fix) return [];
    const card = byId.get(fix.timecardId);
    const skip = (skipped: string) => [{ exception, approvalId: null, state: null, skipped }];
    if (!card) return skip("timecard not found");
    if (fix.field === "breakEnd") {
      return skip("a break end is not a punch the payroll call corrects; fix it on the platform");
    }
    const clockIn = fix.field === "clockIn" ? fix.value : card.clockIn;
    const clockOut = fix.field === "clockOut" ? fix.value : card.clockOut;
    if (clockIn === null) return skip("the timecard has no clock-in to keep");
    const { row } = proposeApproval(
      db,
      {
        kind: "payroll_correction",
        centerId: check.center.id,
        roomId: null,
        subject: `staff:${card.staffId}`,
        title: `Timecard ${card.id} (${card.date}): ${exception.kind.replaceAll("_", " ")}`,
        draftSource: "template",
        draft: { reason: fix.reason },
        platformCall: {
          centerId: check.center.id,
          op: "payroll.correct",
          staffId: card.staffId,
          timecardId: card.id,
          clockIn,
          clockOut,
          reason: fix.reason,
        },
        context: {
          exception,
          timecard: card,
          laborPack: check.report.laborPack,
          sourceIds: [`timecard:${card.id}`, `staff:${card.staffId}`],
        },
        dedupeKey: `payroll-correction:${check.center.id}:${card.id}:${fix.field}:${fix.value}`,
        agentRunId: null,
        promptId: null,
        promptVersion: null,
        triggerEventId: null,
        expiresAt: null,
        actor: "system:timecards",
      },
      nowIso,
    );
    return [{ exception, approvalId: row.id, state: row.state, skipped: null }];
  });
}

/** The payroll-correction approvals of the center by timecard id (latest first). */
export function correctionsByTimecard(
  db: Store,
  centerId: string,
): Map<string, { id: number; state: string }[]> {
  const map = new Map<string, { id: number; state: string }[]>();
  for (const a of listApprovals(db, { centerIds: [centerId], kinds: ["payroll_correction"] })) {
    const parsed = payrollCorrectionCall.safeParse(a.platformCall);
    if (!parsed.success) continue;
    const call = parsed.data;
    const list = map.get(call.timecardId) ?? [];
    list.push({ id: a.id, state: a.state });
    map.set(call.timecardId, list);
  }
  return map;
}
