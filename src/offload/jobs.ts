/**
 * @module offload/jobs
 * The heavy reads a request may ask for, each a function of a read-only database and a plain,
 * structured-cloneable input: the pool runs them on a worker thread, or in-process when there is no
 * file to open a second connection on. They call exactly the functions the routes called before,
 * so the answer is the same wherever they run. A job that cannot answer throws an `AppError`.
 */

import type { Center } from "../domain/index.js";
import {
  buildExceptionsReport,
  buildPatternsReport,
  exceptionsReportCsv,
  exceptionsReportPdf,
  type PatternPeriod,
  patternsReportCsv,
  patternsReportPdf,
} from "../door/index.js";
import {
  buildMealReport,
  buildRatioReport,
  buildSubsidyReport,
  drillLogCsv,
  drillLogPdf,
  loadDrillLog,
  loadMealReportRows,
  loadRatioReportRows,
  loadSubsidyReportRows,
  mealReportCsv,
  mealReportPdf,
  type ReportRange,
  ratioReportCsv,
  ratioReportPdf,
  subsidyReportCsv,
  subsidyReportPdf,
} from "../reports/index.js";
import { evaluationSchema, statusSchema } from "../rules/index.js";
import {
  computeTimecardCheck,
  correctionsByTimecard,
  credentialMatrix,
  credentialReport,
  credentialReportCsv,
  type PayrollSheet,
  payrollCsv,
  payrollSheet,
  RENEWAL_TAG,
  roomPlanView,
  roomStaffingPlan,
  suggestionId,
  type TimecardCheck,
  type TimecardCheckInput,
} from "../staff/index.js";
import type { Store } from "../storage/db.js";
import { listStaff } from "../storage/directory.js";
import { lastHistoryBefore, listHistory, listViolations } from "../storage/ratio.js";

export type ReportFormat = "json" | "csv" | "pdf";

/** A report in its asked format: JSON text, CSV text, or PDF bytes. */
export type RenderedReport =
  | { format: "json" | "csv"; body: string }
  | { format: "pdf"; body: Uint8Array };

/** Which report, for which center and period. */
export type ReportRequest =
  | { report: "ratio"; centerId: string; range: ReportRange }
  | { report: "subsidy"; centerId: string; month: string }
  | { report: "meals"; centerId: string; range: ReportRange }
  | { report: "drills"; centerId: string; range: ReportRange }
  | { report: "exceptions"; centerId: string; date: string }
  | { report: "patterns"; centerId: string; period: PatternPeriod; date: string };

/** Business time (`clock`) and wall time (`wallClock`) at the request, as the routes read them. */
interface Times {
  clock: Date;
  wallClock: Date;
}

async function render<T>(
  format: ReportFormat,
  report: T | undefined,
  csv: (r: T) => string,
  pdf: (r: T) => Promise<Uint8Array>,
): Promise<RenderedReport | null> {
  if (report === undefined) return null;
  if (format === "csv") return { format, body: csv(report) };
  if (format === "pdf") return { format, body: await pdf(report) };
  return { format, body: JSON.stringify(report) };
}

/** The report asked for, rendered; null when the center is unknown. */
function report(
  db: Store,
  input: ReportRequest & Times & { format: ReportFormat },
): Promise<RenderedReport | null> {
  const { format, clock, wallClock } = input;
  switch (input.report) {
    case "ratio": {
      const rows = loadRatioReportRows(db, input.centerId, input.range);
      const built = rows && buildRatioReport(rows, input.range, clock, wallClock);
      return render(format, built, ratioReportCsv, ratioReportPdf);
    }
    case "subsidy": {
      const rows = loadSubsidyReportRows(db, input.centerId, input.month);
      const built = rows && buildSubsidyReport(rows, input.month, clock, wallClock);
      return render(format, built, subsidyReportCsv, subsidyReportPdf);
    }
    case "meals": {
      const rows = loadMealReportRows(db, input.centerId);
      const built = rows && buildMealReport(rows, input.range, wallClock);
      return render(format, built, mealReportCsv, mealReportPdf);
    }
    case "drills": {
      const log = loadDrillLog(db, input.centerId, input.range, wallClock);
      return render(format, log, drillLogCsv, drillLogPdf);
    }
    case "exceptions": {
      const { centerId, date } = input;
      const built = buildExceptionsReport(db, centerId, date, wallClock);
      return render(format, built, exceptionsReportCsv, exceptionsReportPdf);
    }
    case "patterns": {
      const { centerId, period, date } = input;
      const built = buildPatternsReport(db, centerId, period, date, wallClock);
      return render(format, built, patternsReportCsv, patternsReportPdf);
    }
  }
}

/**
 * The staffing plan route's JSON text: the plan of each room named, with the id each suggestion is
 * proposed by. Text, because parsing a week of slots back into objects would cost the loop again.
 */
function staffingPlans(
  db: Store,
  input: { center: Center; roomIds: string[]; weekStart: string; at: string },
) {
  const { center, weekStart, at } = input;
  const rooms = input.roomIds.map((roomId) => {
    const plan = roomStaffingPlan(db, center, { roomId, weekStart, at });
    if (!plan.ok) throw plan.error;
    return { ...plan.value, suggestionIds: plan.value.suggestions.map(suggestionId) };
  });
  return JSON.stringify({ centerId: center.id, weekStart, rooms });
}

/** One room's plan as the staffing page shows it: suggestions with their approvals, names. */
function staffingView(
  db: Store,
  input: { center: Center; roomId: string; weekStart: string; actor: string; at: Date },
) {
  const { center, roomId, weekStart, actor, at } = input;
  const view = roomPlanView(db, center, roomId, weekStart, actor, at);
  if (!view.ok) throw view.error;
  return view.value;
}

/** A room's changes of status between two instants, as the history route answers them. */
function roomHistory(
  db: Store,
  input: { centerId: string; roomId: string; from: string; to: string },
) {
  return listHistory(db, input.centerId, input.roomId, input.from, input.to).map((h) => ({
    at: h.at,
    status: statusSchema.parse(h.status),
    previousStatus: h.previousStatus === null ? null : statusSchema.parse(h.previousStatus),
    cause: h.cause,
    evaluation: evaluationSchema.parse(h.evaluation),
  }));
}

/**
 * What the timeline draws for a room's day: its changes of status, the last one before the day
 * (the state it began in) and the violations overlapping the day.
 */
function timeline(
  db: Store,
  input: { centerId: string; roomId: string; from: string; to: string },
) {
  const { centerId, roomId, from, to } = input;
  return {
    rows: listHistory(db, centerId, roomId, from, to),
    before: lastHistoryBefore(db, centerId, roomId, from),
    violations: listViolations(db, centerId).filter(
      (v) => v.roomId === roomId && v.startedAt < to && (v.endedAt === null || v.endedAt >= from),
    ),
  };
}

/**
 * The staff credential report (JSON text or the inspector's CSV), with the rooms it knows so the
 * route can refuse an unknown one; null when the center is unknown.
 */
function staffCredentials(
  db: Store,
  input: { centerId: string; at: Date; roomId: string | undefined; format: "json" | "csv" },
) {
  const matrix = credentialMatrix(db, input.centerId, input.at, input.roomId);
  if (!matrix) return null;
  const report = credentialReport(matrix, RENEWAL_TAG);
  return {
    roomIds: matrix.rooms.map((r) => r.id),
    asOf: report.asOf,
    body: input.format === "csv" ? credentialReportCsv(report) : JSON.stringify(report),
  };
}

/**
 * The platform's timecards (fetched on the main loop: the worker has no platform clients) checked
 * under the labour pack against the recorded violations; its AppError crosses whole.
 */
function timecardCheck(db: Store, input: TimecardCheckInput): TimecardCheck {
  return computeTimecardCheck(db, input);
}

/** The pay period's payroll sheet, with staff names and written-back corrections; CSV text too
 * when asked for. */
function payroll(
  db: Store,
  input: TimecardCheckInput & { format: "json" | "csv" },
): { sheet: PayrollSheet; csv: string | null } {
  const check = computeTimecardCheck(db, input);
  const names = new Map(
    listStaff(db, check.center.id).map((s) => [s.id, `${s.lastName}, ${s.firstName}`]),
  );
  const sheet = payrollSheet(check, names, correctionsByTimecard(db, check.center.id));
  return { sheet, csv: input.format === "csv" ? payrollCsv(sheet) : null };
}

export const jobs = {
  report,
  staffingPlans,
  staffingView,
  roomHistory,
  timeline,
  staffCredentials,
  timecardCheck,
  payroll,
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<K extends JobName> = Parameters<Jobs[K]>[1];
export type JobOutput<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;
