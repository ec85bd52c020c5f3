/**
 * @module compliance/monitor
 * Re-evaluates the rooms an event touched (or, on a timer, the rooms whose status time alone can
 * change: see `tick.ts`), and records each change of status with the evaluation that caused it:
 * the ratio history, and one violation record per stretch out of compliance, opened when it starts
 * and closed when it ends. A room in ratio whose forecast shows a breach within 15 minutes is
 * `approaching` (`rules/approaching`); each evaluation also says when to look at the room again.
 */

import { appendAudit, correlationOf } from "../audit/index.js";
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { roomStates } from "../live/index.js";
import {
  APPROACHING_HORIZON_MINUTES,
  centerPolicySchema,
  type Evaluation,
  evaluateAhead,
  getRulePack,
  LOOK_BEYOND_MINUTES,
  type RatioStatus,
  roomInputSchema,
} from "../rules/index.js";
import { centerHoursFor } from "../storage/center-hours.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { getCenter, listStaff } from "../storage/directory.js";
import {
  getPolicy,
  getRoomStatus,
  getViolation,
  insertHistory,
  openViolation,
  putRoomStatus,
  updateViolation,
} from "../storage/ratio.js";
import { centerFuture } from "./future.js";
import { setRecheck } from "./recheck.js";
import { toRoomInput } from "./room-input.js";

export interface StatusChange {
  centerId: string;
  roomId: string;
  roomName: string;
  from: RatioStatus | null;
  to: RatioStatus;
  at: string;
  cause: string;
  violationId: number | null;
  evaluation: Evaluation;
}

const severity: Record<RatioStatus, number> = { ok: 0, approaching: 1, violation: 2, critical: 3 };

function policyFor(db: Db, center: Center) {
  const stored = getPolicy(db, center.id);
  if (stored === undefined) return undefined;
  const parsed = centerPolicySchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** A violation opened, worsened or closed, in the audit log (inside the evaluation's transaction). */
function auditViolation(
  tx: Store,
  verb: "opened" | "worsened" | "closed",
  violationId: number,
  room: { centerId: string; roomId: string },
  evaluation: Evaluation,
  cause: string,
  businessAt: string,
  wallAt: string,
): void {
  const event = correlationOf(cause);
  appendAudit(
    tx,
    {
      actor: "system:compliance",
      action: `violation.${verb}`,
      centerId: room.centerId,
      subject: `violation:${violationId}`,
      sourceIds: [`room:${room.roomId}`, ...(event ? [event] : [])],
      correlationId: event,
      data: {
        roomId: room.roomId,
        status: evaluation.status,
        children: evaluation.children,
        countedStaff: evaluation.countedStaff,
        requiredStaff: evaluation.requiredStaff,
        ruleSource: evaluation.ruleSource,
        cause,
        businessAt,
      },
    },
    wallAt,
  );
}

/**
 * Evaluates `rooms` (room id → cause; every room when omitted) of one center at business time
 * `at`. Returns the rooms whose status changed. A center whose jurisdiction has no rule pack is
 * skipped: no evaluation is better than a guessed one. `wallClock` stamps the audit entries.
 */
export function evaluateCenter(
  db: Db,
  centerId: string,
  at: Date,
  rooms?: ReadonlyMap<string, string>,
  defaultCause = "timer",
  wallClock: () => Date = () => new Date(),
): StatusChange[] {
  const center = getCenter(db, centerId);
  const pack = center ? getRulePack(center.jurisdiction) : undefined;
  if (!center || !pack) return [];
  const policy = policyFor(db, center);
  const localDate = instantToZoned(at, center.timeZone).date;
  const hours = centerHoursFor(db, center);
  const staff = listStaff(db, centerId);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const states = roomStates(db, centerId).filter((r) => !rooms || rooms.has(r.id));
  if (states.length === 0) return [];
  // One read of the center's known future serves every room evaluated now.
  const { events: future } = centerFuture(
    db,
    center,
    pack,
    staff,
    at,
    localDate,
    APPROACHING_HORIZON_MINUTES + LOOK_BEYOND_MINUTES,
  );
  const iso = at.toISOString();
  const changes: StatusChange[] = [];

  inTransaction(db, (tx) => {
    for (const room of states) {
      const cause = rooms?.get(room.id) ?? defaultCause;
      const prev = getRoomStatus(tx, centerId, room.id);
      const open = prev?.openViolationId ? getViolation(tx, prev.openViolationId) : undefined;
      const { input, nonCare } = toRoomInput(
        room,
        staffById,
        at,
        localDate,
        open?.startedAt,
        pack,
        hours,
      );
      const result = evaluateAhead(pack, roomInputSchema.parse(input), future, {
        at,
        roomId: room.id,
        localDate,
        timeZone: center.timeZone,
        policy,
      });
      if (!result.ok) continue;
      setRecheck(db, centerId, room.id, result.value.recheckAt);
      const evaluation: Evaluation = {
        ...result.value.evaluation,
        notCounted: [
          ...result.value.evaluation.notCounted,
          ...nonCare.map((s) => ({
            id: s.id,
            role: s.role,
            reason: `${s.role} is not a care role`,
          })),
        ],
      };
      let violationId = open?.id ?? null;
      const audit = (verb: "opened" | "worsened" | "closed", id: number) =>
        auditViolation(
          tx,
          verb,
          id,
          { centerId, roomId: room.id },
          evaluation,
          cause,
          iso,
          wallClock().toISOString(),
        );
      if (!evaluation.compliant && !open) {
        violationId = openViolation(tx, {
          centerId,
          roomId: room.id,
          startedAt: iso,
          worstStatus: evaluation.status,
          startCause: cause,
        });
        audit("opened", violationId);
      } else if (
        !evaluation.compliant &&
        open &&
        severity[evaluation.status] > severity[open.worstStatus as RatioStatus]
      ) {
        updateViolation(tx, open.id, { worstStatus: evaluation.status });
        audit("worsened", open.id);
      } else if (evaluation.compliant && open) {
        updateViolation(tx, open.id, { endedAt: iso, endCause: cause });
        audit("closed", open.id);
        violationId = null;
      }
      const changed = prev?.status !== evaluation.status;
      if (changed) {
        insertHistory(tx, {
          centerId,
          roomId: room.id,
          at: iso,
          status: evaluation.status,
          previousStatus: prev?.status ?? null,
          cause,
          evaluation,
        });
        changes.push({
          centerId,
          roomId: room.id,
          roomName: room.name,
          from: (prev?.status as RatioStatus | undefined) ?? null,
          to: evaluation.status,
          at: iso,
          cause,
          violationId: violationId ?? open?.id ?? null,
          evaluation,
        });
      }
      putRoomStatus(tx, {
        centerId,
        roomId: room.id,
        status: evaluation.status,
        since: changed || !prev ? iso : prev.since,
        openViolationId: violationId,
        evaluation,
        evaluatedAt: iso,
      });
    }
  });
  return changes;
}
