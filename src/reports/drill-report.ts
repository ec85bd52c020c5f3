/**
 * @module reports/drill-report
 * Emergency drill reconciliation: who was present when the drill started (frozen at the start),
 * who was tapped as accounted for and when, who is missing, who turned up without being expected,
 * and how long it took to account for everyone (null while anyone is missing).
 */
import { z } from "zod";
import type { Center, Room } from "../domain/index.js";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren, listRooms, listStaff } from "../storage/directory.js";
import {
  type DrillMarkRow,
  type DrillRow,
  drillsStartedBetween,
  getDrill,
  marksForDrill,
} from "../storage/drills.js";
import type { ReportRange } from "./ratio-report.js";

const personSchema = z.object({
  kind: z.enum(["child", "staff"]),
  id: z.string(),
  name: z.string(),
  roomName: z.string().nullable(),
});

export const drillReportSchema = z
  .object({
    drill: z.object({
      id: z.number().int(),
      kind: z.string(),
      state: z.enum(["running", "ended"]),
      startedAt: z.string(),
      startedBy: z.string(),
      endedAt: z.string().nullable(),
      endedBy: z.string().nullable(),
    }),
    generatedAt: z.string(),
    accounted: z.array(
      personSchema.extend({
        markedAt: z.string(),
        markedBy: z.string(),
        afterMs: z.number().int().describe("From the drill's start to the tap"),
      }),
    ),
    missing: z.array(personSchema).describe("Present at the start, never tapped"),
    extra: z
      .array(personSchema.extend({ markedAt: z.string(), markedBy: z.string() }))
      .describe("Tapped, but not present at the start by live state"),
    timeToAccountMs: z
      .number()
      .int()
      .nullable()
      .describe(
        "Start to the tap that accounted for the last expected person; null if any missing",
      ),
    totals: z.object({
      expectedChildren: z.number().int(),
      expectedStaff: z.number().int(),
      accounted: z.number().int(),
      missing: z.number().int(),
      extra: z.number().int(),
    }),
  })
  .meta({ id: "DrillReport" });
export type DrillReport = z.infer<typeof drillReportSchema>;

export const drillLogSchema = z
  .object({
    center: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    range: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    drills: z.array(drillReportSchema),
  })
  .meta({ id: "DrillLog" });
export type DrillLog = z.infer<typeof drillLogSchema>;

export interface DrillReportRows {
  rooms: Room[];
  drill: DrillRow;
  marks: DrillMarkRow[];
  /** Names of everyone tapped who was not expected, keyed `kind:id`. */
  names: Map<string, string>;
}

/** Pure: the reconciliation from the drill, its taps and the names of extras. */
export function buildDrillReport(rows: DrillReportRows, generatedAt: Date): DrillReport {
  const { drill } = rows;
  const roomName = new Map(rows.rooms.map((r) => [r.id, r.name]));
  const started = Date.parse(drill.startedAt);
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const marks = new Map(rows.marks.map((m) => [key(m.subjectKind, m.subjectId), m]));
  const expected = new Set(drill.expected.map((p) => key(p.kind, p.id)));
  const person = (p: DrillRow["expected"][number]) => ({
    kind: p.kind,
    id: p.id,
    name: p.name,
    roomName: p.roomId ? (roomName.get(p.roomId) ?? p.roomId) : null,
  });
  const accounted = drill.expected
    .filter((p) => marks.has(key(p.kind, p.id)))
    .map((p) => {
      const m = marks.get(key(p.kind, p.id))!;
      return {
        ...person(p),
        markedAt: m.markedAt,
        markedBy: m.markedBy,
        afterMs: Date.parse(m.markedAt) - started,
      };
    })
    .sort((a, b) => a.afterMs - b.afterMs || a.name.localeCompare(b.name));
  const missing = drill.expected.filter((p) => !marks.has(key(p.kind, p.id))).map(person);
  const extra = rows.marks
    .filter((m) => !expected.has(key(m.subjectKind, m.subjectId)))
    .map((m) => ({
      kind: m.subjectKind,
      id: m.subjectId,
      name: rows.names.get(key(m.subjectKind, m.subjectId)) ?? m.subjectId,
      roomName: null,
      markedAt: m.markedAt,
      markedBy: m.markedBy,
    }));
  return {
    drill: {
      id: drill.id,
      kind: drill.kind,
      state: drill.endedAt ? "ended" : "running",
      startedAt: drill.startedAt,
      startedBy: drill.startedBy,
      endedAt: drill.endedAt,
      endedBy: drill.endedBy,
    },
    generatedAt: generatedAt.toISOString(),
    accounted,
    missing,
    extra,
    timeToAccountMs: missing.length === 0 ? Math.max(0, ...accounted.map((a) => a.afterMs)) : null,
    totals: {
      expectedChildren: drill.expected.filter((p) => p.kind === "child").length,
      expectedStaff: drill.expected.filter((p) => p.kind === "staff").length,
      accounted: accounted.length,
      missing: missing.length,
      extra: extra.length,
    },
  };
}

/** The drill and what it needs to be reported; undefined when there is no such drill here. */
export function loadDrillReportRows(
  db: Store,
  centerId: string,
  id: number,
): DrillReportRows | undefined {
  const drill = getDrill(db, centerId, id);
  return drill ? rowsFor(db, drill, listRooms(db, centerId)) : undefined;
}

function rowsFor(db: Store, drill: DrillRow, rooms: Room[]): DrillReportRows {
  const marks = marksForDrill(db, drill.id);
  const childIds = marks.filter((m) => m.subjectKind === "child").map((m) => m.subjectId);
  const staffIds = marks.filter((m) => m.subjectKind === "staff").map((m) => m.subjectId);
  const names = new Map([
    ...listChildren(db, drill.centerId, childIds).map(
      (c) => [`child:${c.id}`, `${c.firstName} ${c.lastName}`] as const,
    ),
    ...listStaff(db, drill.centerId, staffIds).map(
      (s) => [`staff:${s.id}`, `${s.firstName} ${s.lastName}`] as const,
    ),
  ]);
  return { rooms, drill, marks, names };
}

/** Every drill started in the range (local days), reconciled; undefined for an unknown center. */
export function loadDrillLog(
  db: Store,
  centerId: string,
  range: ReportRange,
  generatedAt: Date,
): DrillLog | undefined {
  const center: Center | undefined = getCenter(db, centerId);
  if (!center) return undefined;
  const from = zonedDateTimeToInstant(range.from, "00:00", center.timeZone).toISOString();
  const to = zonedDateTimeToInstant(addDays(range.to, 1), "00:00", center.timeZone).toISOString();
  const rooms = listRooms(db, centerId);
  return {
    center: { id: center.id, name: center.name, timeZone: center.timeZone },
    range,
    generatedAt: generatedAt.toISOString(),
    drills: drillsStartedBetween(db, centerId, from, to).map((d) =>
      buildDrillReport(rowsFor(db, d, rooms), generatedAt),
    ),
  };
}
