/**
 * @module reports/drill-formats
 * The drill log as CSV (one line per person per drill: accounted, missing or extra) and as a PDF
 * for the center's drill records, one section per drill. Times are the center's local time;
 * "after" is minutes:seconds from the drill's start.
 */
import { instantToZoned } from "../domain/time.js";
import { toCsv } from "./csv.js";
import type { DrillLog, DrillReport } from "./drill-report.js";
import { type Block, renderPdf } from "./pdf.js";

function local(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const z = instantToZoned(new Date(iso), timeZone);
  return `${z.date} ${z.time}`;
}

export function mmss(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export const drillCsvHeader = [
  "drill_id",
  "drill_started_at",
  "status",
  "kind",
  "id",
  "name",
  "room",
  "marked_at",
  "after_mm_ss",
  "marked_by",
] as const;

export function drillLogCsv(log: DrillLog): string {
  const tz = log.center.timeZone;
  return toCsv(
    drillCsvHeader,
    log.drills.flatMap((r) => {
      const head = [r.drill.id, local(r.drill.startedAt, tz)];
      return [
        ...r.missing.map((p) => [...head, "missing", p.kind, p.id, p.name, p.roomName]),
        ...r.extra.map((p) => [
          ...head,
          "extra",
          p.kind,
          p.id,
          p.name,
          p.roomName,
          local(p.markedAt, tz),
          mmss(Date.parse(p.markedAt) - Date.parse(r.drill.startedAt)),
          p.markedBy,
        ]),
        ...r.accounted.map((p) => [
          ...head,
          "accounted",
          p.kind,
          p.id,
          p.name,
          p.roomName,
          local(p.markedAt, tz),
          mmss(p.afterMs),
          p.markedBy,
        ]),
      ];
    }),
  );
}

function drillBlocks(report: DrillReport, tz: string): Block[] {
  const { drill, totals } = report;
  return [
    {
      kind: "heading",
      text: `Drill ${drill.id}: ${drill.kind.replaceAll("_", " ")}, ${local(drill.startedAt, tz)}`,
    },
    {
      kind: "paragraph",
      text:
        `Started by ${drill.startedBy}; ` +
        (drill.endedAt
          ? `ended ${local(drill.endedAt, tz)} by ${drill.endedBy}. `
          : "still running. ") +
        `Expected ${totals.expectedChildren} children and ${totals.expectedStaff} staff (present by live state at the start). ` +
        `Accounted for ${totals.accounted}, missing ${totals.missing}, extra ${totals.extra}. ` +
        (report.timeToAccountMs === null
          ? "Not everyone was accounted for."
          : `Everyone accounted for in ${mmss(report.timeToAccountMs)} (min:s).`),
    },
    {
      kind: "table",
      columns: [
        { header: "Missing: name", width: 3 },
        { header: "Kind", width: 1 },
        { header: "Room at the start", width: 2.5 },
      ],
      rows: report.missing.map((p) => [p.name, p.kind, p.roomName ?? ""]),
    },
    {
      kind: "table",
      columns: [
        { header: "Extra: name", width: 3 },
        { header: "Kind", width: 1 },
        { header: "Tapped at", width: 2.5 },
      ],
      rows: report.extra.map((p) => [p.name, p.kind, local(p.markedAt, tz)]),
    },
    {
      kind: "table",
      columns: [
        { header: "Accounted for", width: 3 },
        { header: "Kind", width: 1 },
        { header: "Room at the start", width: 2.2 },
        { header: "After (min:s)", width: 1.3 },
        { header: "Tapped by", width: 2 },
      ],
      rows: report.accounted.map((p) => [
        p.name,
        p.kind,
        p.roomName ?? "",
        mmss(p.afterMs),
        p.markedBy,
      ]),
    },
  ];
}

export function drillLogPdf(log: DrillLog): Promise<Uint8Array> {
  const tz = log.center.timeZone;
  return renderPdf({
    title: `Emergency drill reconciliation — ${log.center.name}`,
    subtitle:
      `Drills started ${log.range.from} to ${log.range.to} (${tz}). Generated ${log.generatedAt} by Centerline ` +
      "from the taps recorded at the assembly point, against who was present when each drill started.",
    footer: `${log.center.name} · drills ${log.range.from}..${log.range.to} · generated ${log.generatedAt}`,
    blocks:
      log.drills.length === 0
        ? [{ kind: "paragraph", text: "No drills in this range." }]
        : log.drills.flatMap((r) => drillBlocks(r, tz)),
  });
}
