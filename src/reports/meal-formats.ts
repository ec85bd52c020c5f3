/**
 * @module reports/meal-formats
 * Meal participation counts as CSV (a `day` line per date and service, then a `meal` line per
 * counted child, the record behind it) and as a PDF for the food-program claim.
 */
import { toCsv } from "./csv.js";
import { type MealReport, mealServiceLabel, mealServices } from "./meal-report.js";
import { renderPdf } from "./pdf.js";

export const mealCsvHeader = [
  "section",
  "date",
  "service",
  "count",
  "written_to_platform",
  "child_id",
  "child_name",
  "room",
  "time",
  "detail",
  "approval_id",
] as const;

export function mealReportCsv(report: MealReport): string {
  const days = report.days.flatMap((d) =>
    mealServices.map((s) => [
      "day",
      d.date,
      s,
      d.counts[s],
      d.written[s],
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
  );
  const meals = report.meals.map((m) => [
    "meal",
    m.date,
    m.service,
    1,
    m.written ? 1 : 0,
    m.childId,
    m.childName,
    m.roomName,
    m.time,
    m.detail,
    m.approvalId,
  ]);
  return toCsv(mealCsvHeader, [...days, ...meals]);
}

export function mealReportPdf(report: MealReport): Promise<Uint8Array> {
  const columns = [
    { header: "Day", width: 2 },
    ...mealServices.map((s) => ({ header: mealServiceLabel[s], width: 1.4 })),
    { header: "Total", width: 1.2 },
  ];
  const sum = (c: Record<string, number>) => mealServices.reduce((n, s) => n + (c[s] ?? 0), 0);
  return renderPdf({
    title: `Meal participation — ${report.center.name}`,
    subtitle:
      `${report.range.from} to ${report.range.to} (${report.center.timeZone}). ` +
      `Children served per meal service, from daily logs a staff member approved. Generated ${report.generatedAt} by Centerline.`,
    footer: `${report.center.name} · meal counts ${report.range.from}..${report.range.to} · generated ${report.generatedAt}`,
    blocks: [
      { kind: "heading", text: "By day" },
      {
        kind: "table",
        columns,
        rows: [
          ...report.days.map((d) => [
            d.date,
            ...mealServices.map((s) =>
              d.written[s] === d.counts[s]
                ? String(d.counts[s])
                : `${d.counts[s]} (${d.written[s]} written)`,
            ),
            String(sum(d.counts)),
          ]),
          [
            "Total",
            ...mealServices.map((s) => String(report.totals[s])),
            String(sum(report.totals)),
          ],
        ],
      },
      { kind: "heading", text: "By room" },
      {
        kind: "table",
        columns: [{ header: "Room", width: 2 }, ...columns.slice(1)],
        rows: report.rooms.map((r) => [
          r.roomName,
          ...mealServices.map((s) => String(r.counts[s])),
          String(sum(r.counts)),
        ]),
      },
      {
        kind: "paragraph",
        text: 'A child counts once per service and day. "(n written)": of the approved logs, how many the platform has confirmed; the CSV lists every counted meal with its approval.',
      },
    ],
  });
}
