/**
 * @module door/exceptions-report
 * The attendance exceptions report for one local day: every pick-up hold and check-in exception,
 * each with its state (open, or released/resolved by whom, when and why), as data, CSV and a PDF a
 * director can hand over. Open holds from earlier days are listed too: they are still in force.
 */
import { z } from "zod";
import { addDays, instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";
import { toCsv } from "../reports/csv.js";
import { renderPdf } from "../reports/pdf.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren, listRooms } from "../storage/directory.js";
import { listCheckinExceptions, listPickupHolds } from "../storage/door.js";

export const exceptionItemSchema = z.object({
  ref: z.string().describe("`hold:<id>` or `checkin:<id>`"),
  id: z.number().int(),
  type: z.enum(["pickup_hold", "checkin_exception"]),
  kind: z.string(),
  childId: z.string(),
  childName: z.string(),
  roomName: z.string().nullable(),
  date: z.string(),
  time: z.string(),
  reason: z.string(),
  state: z.enum(["open", "resolved"]),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  eventId: z.string(),
});
export type ExceptionItem = z.infer<typeof exceptionItemSchema>;

export const exceptionsReportSchema = z
  .object({
    center: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    date: z.string(),
    generatedAt: z.string(),
    items: z.array(exceptionItemSchema),
    totals: z.object({
      total: z.number().int(),
      open: z.number().int(),
      resolved: z.number().int(),
      byKind: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: "AttendanceExceptionsReport" });
export type ExceptionsReport = z.infer<typeof exceptionsReportSchema>;

/** The report, or undefined for an unknown center. */
export function buildExceptionsReport(
  db: Store,
  centerId: string,
  date: string,
  wallNow: Date,
): ExceptionsReport | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  const tz = center.timeZone;
  const children = new Map(listChildren(db, centerId).map((c) => [c.id, c]));
  const rooms = new Map(listRooms(db, centerId).map((r) => [r.id, r.name]));
  const childName = (id: string) => {
    const c = children.get(id);
    return c ? `${c.firstName} ${c.lastName}` : id;
  };
  const local = (iso: string) => instantToZoned(new Date(iso), tz);
  const from = zonedDateTimeToInstant(date, "00:00", tz).toISOString();
  const to = zonedDateTimeToInstant(addDays(date, 1), "00:00", tz).toISOString();
  const holds: ExceptionItem[] = listPickupHolds(db, centerId, { from, to }).map((h) => ({
    ref: `hold:${h.id}`,
    id: h.id,
    type: "pickup_hold",
    kind: `pickup_${h.decision}`,
    childId: h.childId,
    childName: childName(h.childId),
    roomName: h.roomId ? (rooms.get(h.roomId) ?? h.roomId) : null,
    date: local(h.occurredAt).date,
    time: local(h.occurredAt).time,
    reason: h.reason,
    state: h.state === "open" ? "open" : "resolved",
    resolvedBy: h.releasedByName,
    resolvedAt: h.releasedAt,
    resolution:
      h.state === "open" ? null : `${h.outcome?.replaceAll("_", " ")}: ${h.releaseReason}`,
    eventId: h.eventId,
  }));
  const checkins: ExceptionItem[] = listCheckinExceptions(db, centerId, date, addDays(date, 1)).map(
    (x) => ({
      ref: `checkin:${x.id}`,
      id: x.id,
      type: "checkin_exception",
      kind: x.kind,
      childId: x.childId,
      childName: childName(x.childId),
      roomName: rooms.get(x.roomId) ?? x.roomId,
      date: x.localDate,
      time: local(x.occurredAt).time,
      reason: x.reason,
      state: x.state,
      resolvedBy: x.resolvedByName,
      resolvedAt: x.resolvedAt,
      resolution: x.resolution,
      eventId: x.eventId,
    }),
  );
  const items = [...holds, ...checkins].sort((a, b) =>
    `${a.date} ${a.time} ${a.ref}` < `${b.date} ${b.time} ${b.ref}` ? -1 : 1,
  );
  const byKind: Record<string, number> = {};
  for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  const open = items.filter((i) => i.state === "open").length;
  return {
    center: { id: center.id, name: center.name, timeZone: tz },
    date,
    generatedAt: wallNow.toISOString(),
    items,
    totals: { total: items.length, open, resolved: items.length - open, byKind },
  };
}

export const exceptionsCsvHeader = [
  "ref",
  "type",
  "kind",
  "date",
  "time",
  "child",
  "room",
  "reason",
  "state",
  "resolved_by",
  "resolved_at",
  "resolution",
  "event",
] as const;

export function exceptionsReportCsv(report: ExceptionsReport): string {
  return toCsv(
    exceptionsCsvHeader,
    report.items.map((i) => [
      i.ref,
      i.type,
      i.kind,
      i.date,
      i.time,
      i.childName,
      i.roomName,
      i.reason,
      i.state,
      i.resolvedBy,
      i.resolvedAt,
      i.resolution,
      i.eventId,
    ]),
  );
}

export function exceptionsReportPdf(report: ExceptionsReport): Promise<Uint8Array> {
  const t = report.totals;
  return renderPdf({
    title: `Attendance exceptions — ${report.center.name}`,
    subtitle: `${report.date} (${report.center.timeZone}). Generated ${report.generatedAt} by Centerline from the recorded check-ins, check-outs and decisions.`,
    footer: `${report.center.name} · exceptions ${report.date} · generated ${report.generatedAt}`,
    blocks: [
      {
        kind: "paragraph",
        text: `${t.total} exception${t.total === 1 ? "" : "s"}: ${t.open} open, ${t.resolved} resolved. ${Object.entries(
          t.byKind,
        )
          .map(([k, n]) => `${k.replaceAll("_", " ")} ${n}`)
          .join(", ")}`,
      },
      {
        kind: "table",
        columns: [
          { header: "Time", width: 1 },
          { header: "Kind", width: 2 },
          { header: "Child", width: 2 },
          { header: "Room", width: 1.6 },
          { header: "Reason", width: 4.5 },
          { header: "State", width: 3.2 },
        ],
        rows: report.items.map((i) => [
          i.date === report.date ? i.time : `${i.date} ${i.time}`,
          i.kind.replaceAll("_", " "),
          i.childName,
          i.roomName ?? "",
          i.reason,
          i.state === "open"
            ? "OPEN"
            : `resolved by ${i.resolvedBy ?? "?"} at ${i.resolvedAt ? local(i.resolvedAt, report.center.timeZone) : "?"}: ${i.resolution ?? ""}`,
        ]),
      },
    ],
  });
}

function local(iso: string, tz: string): string {
  const z = instantToZoned(new Date(iso), tz);
  return `${z.date} ${z.time}`;
}
