/**
 * @module reports/subsidy-formats
 * The subsidy claim as a claim-ready CSV (one line per child and program, the agency's reference
 * first) and as a PDF for the director to check and sign before submitting. Hours have two
 * decimals; flagged lines stay in the export, marked, so nothing is dropped silently.
 */
import { instantToZoned } from "../domain/time.js";
import { toCsv } from "./csv.js";
import { renderPdf } from "./pdf.js";
import type { SubsidyFlag, SubsidyReport } from "./subsidy-report.js";

const flagText: Record<SubsidyFlag, string> = {
  missing_check_out: "missing check-out",
  over_authorized_hours: "hours over authorization",
  over_authorized_days: "days over authorization",
  over_allowed_absences: "absences over allowance",
};

const flags = (list: readonly SubsidyFlag[]) => list.map((f) => flagText[f]).join("; ");

function local(iso: string, timeZone: string): string {
  const z = instantToZoned(new Date(iso), timeZone);
  return `${z.date} ${z.time}`;
}

export const subsidyCsvHeader = [
  "reference",
  "program",
  "child_id",
  "child_name",
  "period_from",
  "period_to",
  "authorized_days",
  "authorized_hours",
  "allowed_absence_days",
  "attended_days",
  "attended_hours",
  "absent_days",
  "claimable_days",
  "claimable_hours",
  "missing_check_outs",
  "status",
  "flags",
] as const;

export function subsidyReportCsv(report: SubsidyReport): string {
  return toCsv(
    subsidyCsvHeader,
    report.lines.map((l) => [
      l.reference,
      l.program,
      l.childId,
      l.childName,
      l.periodFrom,
      l.periodTo,
      l.authorizedDays,
      l.authorizedHours.toFixed(2),
      l.allowedAbsenceDays,
      l.attendedDays,
      l.attendedHours.toFixed(2),
      l.absentDays,
      l.claimableDays,
      l.claimableHours.toFixed(2),
      l.missingCheckOuts,
      l.ready ? "ready" : "review",
      flags(l.flags),
    ]),
  );
}

export function subsidyReportPdf(report: SubsidyReport): Promise<Uint8Array> {
  const tz = report.center.timeZone;
  const programs = [...new Set(report.lines.map((l) => l.program))].sort();
  return renderPdf({
    title: `Subsidy claim ${report.month} — ${report.center.name}`,
    subtitle:
      `${report.range.from} to ${report.range.to} (${tz}). Open days recorded: ${report.openDays.length}. ` +
      `Generated ${report.generatedAt} by Centerline from the recorded check-ins and check-outs.`,
    footer: `${report.center.name} · subsidy claim ${report.month} · generated ${report.generatedAt}`,
    blocks: [
      {
        kind: "paragraph",
        text:
          `${report.totals.lines} authorization${report.totals.lines === 1 ? "" : "s"}: ` +
          `${report.totals.ready} ready to claim, ${report.totals.flagged} to review first. ` +
          `Attended ${report.totals.attendedDays} days, ${report.totals.attendedHours.toFixed(2)} hours; ` +
          `claimable ${report.totals.claimableDays} days, ${report.totals.claimableHours.toFixed(2)} hours.`,
      },
      ...(report.missingCheckOuts.length > 0
        ? [
            { kind: "heading" as const, text: "Fix before claiming: missing check-outs" },
            {
              kind: "table" as const,
              columns: [
                { header: "Child", width: 3 },
                { header: "Day", width: 2 },
                { header: "Checked in", width: 2.5 },
                { header: "Checked out", width: 2.5 },
              ],
              rows: report.missingCheckOuts.map((m) => [
                m.childName,
                m.date,
                local(m.checkedInAt, tz),
                m.checkedOutAt ? `${local(m.checkedOutAt, tz)} (later day)` : "never",
              ]),
            },
          ]
        : []),
      ...programs.flatMap((program) => [
        { kind: "heading" as const, text: program },
        {
          kind: "table" as const,
          columns: [
            { header: "Reference", width: 1.8 },
            { header: "Child", width: 2.6 },
            { header: "Authorized days / h", width: 1.7 },
            { header: "Absences allowed", width: 1.2 },
            { header: "Attended days / h", width: 1.7 },
            { header: "Absent", width: 1 },
            { header: "Claimable days / h", width: 1.7 },
            { header: "Status", width: 2.6 },
          ],
          rows: report.lines
            .filter((l) => l.program === program)
            .map((l) => [
              l.reference,
              l.childName,
              `${l.authorizedDays} / ${l.authorizedHours.toFixed(2)}`,
              String(l.allowedAbsenceDays),
              `${l.attendedDays} / ${l.attendedHours.toFixed(2)}`,
              String(l.absentDays),
              `${l.claimableDays} / ${l.claimableHours.toFixed(2)}`,
              l.ready ? "ready" : `review: ${flags(l.flags)}`,
            ]),
        },
      ]),
      {
        kind: "paragraph",
        text: "Hours count complete check-in to check-out stays only; a day with a missing check-out counts as attended with no hours until it is corrected. Absences are scheduled days the center was open and the child was not.",
      },
    ],
  });
}
