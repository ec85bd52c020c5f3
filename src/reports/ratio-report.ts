/**
 * @module reports/ratio-report
 * The licensing ratio report for a center and a date range: per room, time in ratio and out of it,
 * and every violation with its start, end, cause, the alerts sent, who acknowledged and what ended
 * it, with the rule pack and citations the decisions used. `buildRatioReport` is pure (rows in,
 * report out); `loadRatioReport` reads the rows.
 */
import { z } from "zod";
import type { Center, Room } from "../domain/index.js";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import type { Store } from "../storage/db.js";
import { getCenter, listRooms } from "../storage/directory.js";
import {
  type AlertRow,
  alertsForViolations,
  type HistoryRow,
  historyForRange,
  type SendRow,
  sendsForAlerts,
  type ViolationRow,
  violationsOverlapping,
} from "../storage/reports.js";

export const reportRangeSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["from"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    message: "a report covers at most 366 days",
    path: ["to"],
  });
export type ReportRange = z.infer<typeof reportRangeSchema>;

const IN_RATIO = new Set(["ok", "approaching"]);

export const roomSummarySchema = z.object({
  roomId: z.string(),
  roomName: z.string(),
  observedMs: z
    .number()
    .int()
    .describe(
      "Time observed: from the first evaluation in or before the range to its end (or now)",
    ),
  inRatioMs: z.number().int(),
  outOfRatioMs: z.number().int(),
  outShare: z.number().min(0).max(1).describe("Out-of-ratio share of observed time"),
  violations: z.number().int(),
  jurisdiction: z.string().nullable(),
  ruleSource: z.string().nullable(),
  citations: z.array(z.string()),
});
export type RoomSummary = z.infer<typeof roomSummarySchema>;

export const violationEntrySchema = z.object({
  id: z.number().int(),
  roomId: z.string(),
  roomName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int().describe("Within the report range (clipped)"),
  worstStatus: z.string(),
  cause: z
    .string()
    .describe("Why the room was out of ratio when it started (the rule's arithmetic)"),
  causeEvent: z.string().describe("The event that started it"),
  endCause: z.string().nullable().describe("What put the room back in ratio"),
  endEvent: z.string().nullable(),
  alerts: z.array(
    z.object({
      id: z.number().int(),
      severity: z.string(),
      openedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedBy: z.string().nullable(),
      escalations: z.number().int(),
      sends: z.array(
        z.object({
          channel: z.string(),
          recipient: z.string(),
          status: z.string(),
          sentAt: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type ViolationEntry = z.infer<typeof violationEntrySchema>;

export const ratioReportSchema = z
  .object({
    center: z.object({
      id: z.string(),
      name: z.string(),
      jurisdiction: z.string(),
      timeZone: z.string(),
    }),
    range: z.object({
      from: z.string(),
      to: z.string(),
      fromInstant: z.string(),
      toInstant: z.string(),
    }),
    generatedAt: z.string(),
    rooms: z.array(roomSummarySchema),
    violations: z.array(violationEntrySchema),
    totals: z.object({
      observedMs: z.number().int(),
      inRatioMs: z.number().int(),
      outOfRatioMs: z.number().int(),
      violations: z.number().int(),
    }),
  })
  .meta({ id: "RatioReport" });
export type RatioReport = z.infer<typeof ratioReportSchema>;

export interface RatioReportRows {
  center: Center;
  rooms: Room[];
  historyByRoom: Map<string, HistoryRow[]>;
  violations: ViolationRow[];
  alerts: AlertRow[];
  sends: SendRow[];
}

interface CitedEvaluation {
  children?: number;
  reasons?: string[];
  slack?: string;
  jurisdiction?: string;
  ruleSource?: string;
  citations?: { source?: string; strength?: string; note?: string }[];
}

function citationText(c: NonNullable<CitedEvaluation["citations"]>[number]): string {
  return `${c.source ?? "unknown source"}${c.strength ? ` [${c.strength}]` : ""}`;
}

/** Pure: the report from its rows. `now` caps the range so the future never counts as observed. */
export function buildRatioReport(
  rows: RatioReportRows,
  range: ReportRange,
  now: Date,
  generatedAt: Date,
): RatioReport {
  const { center } = rows;
  const start = zonedDateTimeToInstant(range.from, "00:00", center.timeZone).getTime();
  const end = Math.min(
    zonedDateTimeToInstant(addDays(range.to, 1), "00:00", center.timeZone).getTime(),
    now.getTime(),
  );
  const roomName = new Map(rows.rooms.map((r) => [r.id, r.name]));

  const rooms: RoomSummary[] = rows.rooms.map((room) => {
    const history = rows.historyByRoom.get(room.id) ?? [];
    let inMs = 0;
    let outMs = 0;
    history.forEach((h, i) => {
      const from = Math.max(Date.parse(h.at), start);
      const to = Math.min(i + 1 < history.length ? Date.parse(history[i + 1]!.at) : end, end);
      if (to <= from || ((h.evaluation as CitedEvaluation).children ?? 0) === 0) return;
      if (IN_RATIO.has(h.status)) inMs += to - from;
      else outMs += to - from;
    });
    const cited = history.map((h) => h.evaluation as CitedEvaluation).at(-1);
    const citations = [
      ...new Set(
        history.flatMap((h) =>
          ((h.evaluation as CitedEvaluation).citations ?? []).map(citationText),
        ),
      ),
    ].filter(Boolean);
    const observed = inMs + outMs;
    return {
      roomId: room.id,
      roomName: room.name,
      observedMs: observed,
      inRatioMs: inMs,
      outOfRatioMs: outMs,
      outShare: observed === 0 ? 0 : outMs / observed,
      violations: rows.violations.filter((v) => v.roomId === room.id).length,
      jurisdiction: cited?.jurisdiction ?? null,
      ruleSource: cited?.ruleSource ?? null,
      citations,
    };
  });

  const violations: ViolationEntry[] = rows.violations.map((v) => {
    const vStart = Math.max(Date.parse(v.startedAt), start);
    const vEnd = Math.min(v.endedAt ? Date.parse(v.endedAt) : end, end);
    const history = rows.historyByRoom.get(v.roomId) ?? [];
    const opened = history.find((h) => h.at === v.startedAt && !IN_RATIO.has(h.status));
    const closed = v.endedAt
      ? history.find((h) => h.at === v.endedAt && IN_RATIO.has(h.status))
      : undefined;
    const reasons = (opened?.evaluation as CitedEvaluation | undefined)?.reasons ?? [];
    const after = closed?.evaluation as CitedEvaluation | undefined;
    return {
      id: v.id,
      roomId: v.roomId,
      roomName: roomName.get(v.roomId) ?? v.roomId,
      startedAt: v.startedAt,
      endedAt: v.endedAt,
      durationMs: Math.max(0, vEnd - vStart),
      worstStatus: v.worstStatus,
      cause: reasons.length > 0 ? reasons.join("; ") : v.worstStatus,
      causeEvent: v.startCause,
      endCause: v.endedAt ? `back in ratio${after?.slack ? `: ${after.slack}` : ""}` : null,
      endEvent: v.endCause,
      alerts: rows.alerts
        .filter((a) => a.violationId === v.id)
        .map((a) => ({
          id: a.id,
          severity: a.severity,
          openedAt: a.openedAt,
          acknowledgedAt: a.acknowledgedAt,
          acknowledgedBy: a.acknowledgedBy,
          escalations: a.escalationLevel,
          sends: rows.sends
            .filter((s) => s.alertId === a.id)
            .map((s) => ({
              channel: s.channel,
              recipient: s.recipient,
              status: s.status,
              sentAt: s.sentAt,
            })),
        })),
    };
  });

  return {
    center: {
      id: center.id,
      name: center.name,
      jurisdiction: center.jurisdiction,
      timeZone: center.timeZone,
    },
    range: {
      ...range,
      fromInstant: new Date(start).toISOString(),
      toInstant: new Date(Math.max(start, end)).toISOString(),
    },
    generatedAt: generatedAt.toISOString(),
    rooms,
    violations,
    totals: {
      observedMs: rooms.reduce((s, r) => s + r.observedMs, 0),
      inRatioMs: rooms.reduce((s, r) => s + r.inRatioMs, 0),
      outOfRatioMs: rooms.reduce((s, r) => s + r.outOfRatioMs, 0),
      violations: violations.length,
    },
  };
}

/** Reads the rows for a center's report; undefined when the center does not exist. */
export function loadRatioReportRows(
  db: Store,
  centerId: string,
  range: ReportRange,
): RatioReportRows | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  const from = zonedDateTimeToInstant(range.from, "00:00", center.timeZone).toISOString();
  const to = zonedDateTimeToInstant(addDays(range.to, 1), "00:00", center.timeZone).toISOString();
  const rooms = listRooms(db, centerId);
  const historyByRoom = new Map(
    rooms.map((r) => [r.id, historyForRange(db, centerId, r.id, from, to)]),
  );
  const violations = violationsOverlapping(db, centerId, from, to);
  const alerts = alertsForViolations(
    db,
    violations.map((v) => v.id),
  );
  const sends = sendsForAlerts(
    db,
    alerts.map((a) => a.id),
  );
  return { center, rooms, historyByRoom, violations, alerts, sends };
}
