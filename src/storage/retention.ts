/**
 * @module storage/retention
 * Counting and deleting a center's records older than a cutoff, table by table. The audit log is
 * never touched here: its chain stays whole and verifiable.
 */
import type { Db } from "./db.js";

/** The tables a purge covers, each with the column that dates a row. */
export const retentionTables = [
  "attendance_events",
  "ratio_history",
  "ratio_violations",
  "outbox",
] as const;
export type RetentionTable = (typeof retentionTables)[number];

interface Target {
  /** Rows of the center past the cutoff (`@center`, `@cutoff` an ISO instant). */
  where: string;
  /** `fromLastAttendance`: spare the rows of anyone seen since the cutoff. */
  whereFromLast?: string;
}

const targets: Record<RetentionTable, Target> = {
  attendance_events: {
    where: "center_id = @center and occurred_at < @cutoff",
    whereFromLast: `center_id = @center and occurred_at < @cutoff and (subject_id is null or subject_id not in
      (select subject_id from attendance_events where center_id = @center and occurred_at >= @cutoff
       and subject_id is not null))`,
  },
  ratio_history: { where: "center_id = @center and at < @cutoff" },
  // Only closed stretches: an open violation is still happening.
  ratio_violations: {
    where: "center_id = @center and ended_at is not null and ended_at < @cutoff",
  },
  // Only sends that are over: a pending or in-flight send is still owed.
  outbox: {
    where:
      "center_id = @center and status in ('sent', 'failed', 'skipped', 'shadow') and created_at < @cutoff",
  },
};

function clause(table: RetentionTable, fromLastAttendance: boolean): string {
  const t = targets[table];
  return fromLastAttendance && t.whereFromLast ? t.whereFromLast : t.where;
}

export function countPastRetention(
  db: Db,
  table: RetentionTable,
  centerId: string,
  cutoff: string,
  fromLastAttendance: boolean,
): number {
  const row = db.$client
    .prepare(`select count(*) as n from ${table} where ${clause(table, fromLastAttendance)}`)
    .get({ center: centerId, cutoff }) as { n: number };
  return row.n;
}

export function deletePastRetention(
  db: Db,
  table: RetentionTable,
  centerId: string,
  cutoff: string,
  fromLastAttendance: boolean,
): number {
  return db.$client
    .prepare(`delete from ${table} where ${clause(table, fromLastAttendance)}`)
    .run({ center: centerId, cutoff }).changes;
}
