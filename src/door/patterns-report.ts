/**
 * @module door/patterns-report
 * The directors' attendance patterns: a daily digest (what the day added: today's unexplained
 * absences and every pattern the day's records are part of) and a weekly report (every finding
 * with a record in the seven days ending on the date). Findings come from the pure
 * `attendancePatterns` over stored history; each names its dates and the event records behind it.
 */
import { z } from "zod";
import { addDays } from "../domain/time.js";
import { toCsv } from "../reports/csv.js";
import { renderPdf } from "../reports/pdf.js";
import { attendancePatterns } from "../rules/attendance/index.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren } from "../storage/directory.js";
import { loadDayRecords } from "./history.js";
import { doorPolicyFor } from "./policy.js";

/** History read behind the date: the drift baseline needs the most (30 + 10 attended days). */
const HISTORY_DAYS = 90;

export const patternPeriodSchema = z.enum(["day", "week"]);
export type PatternPeriod = z.infer<typeof patternPeriodSchema>;

export const patternFindingSchema = z.object({
  childId: z.string(),
  childName: z.string(),
  familyId: z.string().nullable(),
  kind: z.string(),
  dates: z.array(z.string()),
  recordIds: z.array(z.string()),
  explanation: z.string(),
  metrics: z.record(z.string(), z.number()),
});
export type PatternFinding = z.infer<typeof patternFindingSchema>;

export const patternsReportSchema = z
  .object({
    center: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    period: patternPeriodSchema,
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    findings: z.array(patternFindingSchema),
    totals: z.object({
      findings: z.number().int(),
      children: z.number().int(),
      byKind: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: "AttendancePatternsReport" });
export type PatternsReport = z.infer<typeof patternsReportSchema>;

export function buildPatternsReport(
  db: Store,
  centerId: string,
  period: PatternPeriod,
  date: string,
  wallNow: Date,
): PatternsReport | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  const policy = doorPolicyFor(db, centerId).patterns;
  const from = period === "day" ? date : addDays(date, -6);
  const children = listChildren(db, centerId);
  const history = loadDayRecords(db, center, children, addDays(date, -HISTORY_DAYS), date);
  const findings: PatternFinding[] = [];
  for (const child of children) {
    const found = attendancePatterns(history.get(child.id) ?? [], date, {
      ...policy,
      unexplainedDays: period === "day" ? 1 : 7,
    });
    for (const f of found) {
      if (!f.dates.some((d) => d >= from && d <= date)) continue;
      findings.push({
        childId: child.id,
        childName: `${child.firstName} ${child.lastName}`,
        familyId: child.familyId,
        ...f,
      });
    }
  }
  findings.sort((a, b) =>
    a.kind === b.kind ? a.childName.localeCompare(b.childName) : a.kind < b.kind ? -1 : 1,
  );
  const byKind: Record<string, number> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return {
    center: { id: center.id, name: center.name, timeZone: center.timeZone },
    period,
    from,
    to: date,
    generatedAt: wallNow.toISOString(),
    findings,
    totals: {
      findings: findings.length,
      children: new Set(findings.map((f) => f.childId)).size,
      byKind,
    },
  };
}

export const patternsCsvHeader = [
  "kind",
  "child",
  "child_id",
  "dates",
  "explanation",
  "metrics",
  "records",
] as const;

export function patternsReportCsv(report: PatternsReport): string {
  return toCsv(
    patternsCsvHeader,
    report.findings.map((f) => [
      f.kind,
      f.childName,
      f.childId,
      f.dates.join(" "),
      f.explanation,
      Object.entries(f.metrics)
        .map(([k, v]) => `${k}=${v}`)
        .join(" "),
      f.recordIds.join(" "),
    ]),
  );
}

export function patternsReportPdf(report: PatternsReport): Promise<Uint8Array> {
  const title = report.period === "day" ? "Daily attendance digest" : "Weekly attendance report";
  return renderPdf({
    title: `${title} — ${report.center.name}`,
    subtitle: `${report.from === report.to ? report.to : `${report.from} to ${report.to}`} (${report.center.timeZone}). Generated ${report.generatedAt} by Centerline: deterministic counts over the recorded check-ins and check-outs; each finding lists the records behind it.`,
    footer: `${report.center.name} · attendance patterns ${report.from}..${report.to} · generated ${report.generatedAt}`,
    blocks: [
      {
        kind: "paragraph",
        text: `${report.totals.findings} finding${report.totals.findings === 1 ? "" : "s"} about ${report.totals.children} child${report.totals.children === 1 ? "" : "ren"}. ${Object.entries(
          report.totals.byKind,
        )
          .map(([k, n]) => `${k.replaceAll("_", " ")} ${n}`)
          .join(", ")}`,
      },
      {
        kind: "table",
        columns: [
          { header: "Finding", width: 2 },
          { header: "Child", width: 2 },
          { header: "Explanation", width: 5 },
          { header: "Records", width: 4 },
        ],
        rows: report.findings.map((f) => [
          f.kind.replaceAll("_", " "),
          f.childName,
          `${f.explanation}. Dates: ${f.dates.join(", ")}`,
          f.recordIds.length === 0 ? "no check-in recorded" : f.recordIds.join(", "),
        ]),
      },
    ],
  });
}
