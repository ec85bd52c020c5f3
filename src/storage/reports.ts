/**
 * @module storage/reports
 * Read-only queries behind the reports a center is asked for.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or } from "drizzle-orm";
import type { AlertRow } from "./alerts.js";
import type { ApprovalRow } from "./approvals.js";
import type { Store } from "./db.js";
import type { OutboxRow as SendRow } from "./outbox.js";
import type { HistoryRow, ViolationRow } from "./ratio.js";
import {
  alerts,
  approvals,
  attendanceEvents,
  outbox,
  ratioHistory,
  ratioViolations,
} from "./schema.js";

export type { AlertRow, ApprovalRow, HistoryRow, SendRow, ViolationRow };

/** A room's status changes in [from, to) plus the last one before `from` (its status at `from`). */
export function historyForRange(
  db: Store,
  centerId: string,
  roomId: string,
  from: string,
  to: string,
): HistoryRow[] {
  const room = and(eq(ratioHistory.centerId, centerId), eq(ratioHistory.roomId, roomId));
  const before = db
    .select()
    .from(ratioHistory)
    .where(and(room, lt(ratioHistory.at, from)))
    .orderBy(desc(ratioHistory.at), desc(ratioHistory.id))
    .limit(1)
    .get();
  const inside = db
    .select()
    .from(ratioHistory)
    .where(and(room, gte(ratioHistory.at, from), lt(ratioHistory.at, to)))
    .orderBy(asc(ratioHistory.at), asc(ratioHistory.id))
    .all();
  return before ? [before, ...inside] : inside;
}

/** Violations overlapping [from, to): started before `to` and not ended before `from`. */
export function violationsOverlapping(
  db: Store,
  centerId: string,
  from: string,
  to: string,
): ViolationRow[] {
  return db
    .select()
    .from(ratioViolations)
    .where(
      and(
        eq(ratioViolations.centerId, centerId),
        lt(ratioViolations.startedAt, to),
        or(isNull(ratioViolations.endedAt), gt(ratioViolations.endedAt, from)),
      ),
    )
    .orderBy(asc(ratioViolations.startedAt), asc(ratioViolations.id))
    .all();
}

export function alertsForViolations(db: Store, violationIds: readonly number[]): AlertRow[] {
  if (violationIds.length === 0) return [];
  return db
    .select()
    .from(alerts)
    .where(inArray(alerts.violationId, [...violationIds]))
    .orderBy(asc(alerts.id))
    .all();
}

export function sendsForAlerts(db: Store, alertIds: readonly number[]): SendRow[] {
  if (alertIds.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.alertId, [...alertIds]))
    .orderBy(asc(outbox.id))
    .all();
}

/**
 * Structured logs a person approved (approved, possibly edited, being written or written to the
 * platform), for the meal participation counts. Entry dates are filtered by the caller: a log is
 * approved after the fact, so its row times say nothing about the day it describes.
 */
export function approvedStructuredLogs(db: Store, centerId: string): ApprovalRow[] {
  return db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.centerId, centerId),
        eq(approvals.kind, "structured_log"),
        inArray(approvals.state, ["approved", "edited_and_approved", "executing", "executed"]),
      ),
    )
    .orderBy(asc(approvals.id))
    .all();
}

/** Check-ins and check-outs of a center's children in [from, to), in event-time order. */
export function childAttendanceEvents(db: Store, centerId: string, from: string, to: string) {
  return db
    .select({
      type: attendanceEvents.type,
      childId: attendanceEvents.subjectId,
      occurredAt: attendanceEvents.occurredAt,
    })
    .from(attendanceEvents)
    .where(
      and(
        eq(attendanceEvents.centerId, centerId),
        inArray(attendanceEvents.type, ["child.checked_in", "child.checked_out"]),
        gte(attendanceEvents.occurredAt, from),
        lt(attendanceEvents.occurredAt, to),
      ),
    )
    .orderBy(asc(attendanceEvents.occurredAt), asc(attendanceEvents.id))
    .all();
}
