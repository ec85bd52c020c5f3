/**
 * @module staff/payroll
 * A payroll-ready sheet for a pay period: hours per staff member and workday from complete
 * timecards, and every exception beside them, marked resolved once its approved correction was
 * written back to the platform, otherwise listed as open. Pure.
 */
import { z } from "zod";
import { toCsv } from "../reports/csv.js";
import type { TimecardCheck } from "./timecards.js";

export const payrollLineSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  date: z.iso.date(),
  timecardIds: z.array(z.string()),
  workedHours: z.number().nullable(),
  regularHours: z.number().nullable(),
  overtimeHours: z.number().nullable(),
  doubleTimeHours: z.number().nullable(),
  /** `ready`: nothing open; `check`: warnings open; `hold`: an error open (e.g. a missed punch). */
  status: z.enum(["ready", "check", "hold"]),
  openExceptions: z.array(z.string()),
  resolvedExceptions: z.array(z.string()),
});
export type PayrollLine = z.infer<typeof payrollLineSchema>;

export const payrollSheetSchema = z.object({
  centerId: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  laborPack: z.string(),
  lines: z.array(payrollLineSchema),
  weeks: z.array(
    z.object({ staffId: z.string(), weekStart: z.iso.date(), weeklyOvertimeHours: z.number() }),
  ),
  notes: z.array(z.string()),
});
export type PayrollSheet = z.infer<typeof payrollSheetSchema>;

/** Correction approval states that mean the fix reached the platform. */
const written = new Set(["executed"]);

export function payrollSheet(
  check: TimecardCheck,
  names: ReadonlyMap<string, string>,
  corrections: ReadonlyMap<string, { id: number; state: string }[]>,
): PayrollSheet {
  const key = (staffId: string, date: string) => `${staffId}|${date}`;
  const lines = new Map<string, PayrollLine>();
  const line = (staffId: string, date: string): PayrollLine => {
    const k = key(staffId, date);
    const existing = lines.get(k);
    if (existing) return existing;
    const fresh: PayrollLine = {
      staffId,
      staffName: names.get(staffId) ?? staffId,
      date,
      timecardIds: [],
      workedHours: null,
      regularHours: null,
      overtimeHours: null,
      doubleTimeHours: null,
      status: "ready",
      openExceptions: [],
      resolvedExceptions: [],
    };
    lines.set(k, fresh);
    return fresh;
  };
  for (const d of check.report.days) {
    if (d.date < check.from || d.date > check.to) continue;
    Object.assign(line(d.staffId, d.date), {
      timecardIds: d.timecardIds,
      workedHours: d.workedHours,
      regularHours: d.regularHours,
      overtimeHours: d.overtimeHours,
      doubleTimeHours: d.doubleTimeHours,
    });
  }
  for (const e of check.report.exceptions) {
    if (e.date < check.from || e.date > check.to) continue;
    const l = line(e.staffId, e.date);
    for (const id of e.evidence.timecardIds)
      if (!l.timecardIds.includes(id)) l.timecardIds.push(id);
    const fixed =
      e.correction !== null &&
      (corrections.get(e.correction.timecardId) ?? []).some((c) => written.has(c.state));
    const label = `${e.kind}: ${e.message}`;
    if (fixed) l.resolvedExceptions.push(`${label} (corrected on the platform)`);
    else {
      l.openExceptions.push(label);
      if (e.severity === "error") l.status = "hold";
      else if (e.severity === "warning" && l.status === "ready") l.status = "check";
    }
  }
  return {
    centerId: check.center.id,
    from: check.from,
    to: check.to,
    laborPack: check.report.laborPack,
    lines: [...lines.values()].sort(
      (a, b) => a.staffName.localeCompare(b.staffName) || a.date.localeCompare(b.date),
    ),
    weeks: check.report.weeks
      .filter((w) => w.weeklyOvertimeHours > 0)
      .map((w) => ({
        staffId: w.staffId,
        weekStart: w.weekStart,
        weeklyOvertimeHours: w.weeklyOvertimeHours,
      })),
    notes: [...check.notes, ...check.report.notApplied],
  };
}

export function payrollCsv(sheet: PayrollSheet): string {
  return toCsv(
    [
      "staff_id",
      "staff",
      "date",
      "timecards",
      "worked_hours",
      "regular_hours",
      "overtime_hours",
      "double_time_hours",
      "status",
      "open_exceptions",
      "resolved_exceptions",
    ],
    sheet.lines.map((l) => [
      l.staffId,
      l.staffName,
      l.date,
      l.timecardIds.join(" "),
      l.workedHours,
      l.regularHours,
      l.overtimeHours,
      l.doubleTimeHours,
      l.status,
      l.openExceptions.join(" | "),
      l.resolvedExceptions.join(" | "),
    ]),
  );
}
