/**
 * @module door/decide
 * People's decisions at the door: a director releases a pick-up hold (with a reason, saying
 * whether the child left with that person), and anyone on staff marks a check-in exception
 * resolved. Each is a compare-and-set on `open` plus an audit entry in one transaction, so a
 * double submit records one decision.
 */
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import type { DomainEvent } from "../domain/index.js";
import { AppError } from "../errors/index.js";
import { type TouchedRooms, touch } from "../live/apply.js";
import { currentRoom, emptyPresence, project } from "../live/project.js";
import { type Db, inTransaction } from "../storage/db.js";
import {
  type CheckinExceptionRow,
  getCheckinException,
  getPickupHold,
  type PickupHoldRow,
  releasePickupHold,
  resolveCheckinException,
} from "../storage/door.js";
import { getPresence, putPresence } from "../storage/presence.js";

export const holdReleaseSchema = z.object({
  outcome: z
    .enum(["handed_over", "not_handed_over"])
    .describe(
      "handed_over: the director confirmed the person and the child left with them (the held check-out is applied); not_handed_over: the child stayed",
    ),
  reason: z.string().trim().min(1, "a reason is required").max(1000),
});
export type HoldRelease = z.infer<typeof holdReleaseSchema>;

export const exceptionResolutionSchema = z.object({
  resolution: z.string().trim().min(1, "say how it was resolved").max(1000),
});

/** Only a director releases a hold: the issue's rule, not a policy a center may loosen. */
export function releaseHold(
  db: Db,
  principal: Principal,
  centerId: string,
  holdId: number,
  input: unknown,
  wallNow: Date,
): { hold: PickupHoldRow; touched: TouchedRooms } {
  const parsed = holdReleaseSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", issue?.message ?? "bad release", {
      field: String(issue?.path[0] ?? "reason"),
    });
  }
  const role = membershipAt(principal, centerId)?.role;
  if (role !== "director") {
    throw new AppError("forbidden", "only a director may release a pick-up hold", { role });
  }
  const at = wallNow.toISOString();
  const touched: TouchedRooms = new Map();
  const hold = inTransaction(db, (tx) => {
    const existing = getPickupHold(tx, holdId);
    if (!existing || existing.centerId !== centerId) {
      throw new AppError("not_found", `no pick-up hold ${holdId}`, { field: "id" });
    }
    const released = releasePickupHold(tx, holdId, {
      outcome: parsed.data.outcome,
      releasedBy: principal.actor,
      releasedByName: principal.name,
      releasedAt: at,
      releaseReason: parsed.data.reason,
    });
    if (!released) throw new AppError("conflict", `pick-up hold ${holdId} is already released`);
    if (released.outcome === "handed_over" && released.eventType === "child.checked_out") {
      // The check-out that was held now happened, at the time the platform recorded it.
      const event = released.event as DomainEvent;
      const before =
        getPresence(tx, centerId, "child", released.childId) ??
        emptyPresence(centerId, "child", released.childId);
      const { next, applied } = project(before, event);
      if (applied) {
        putPresence(tx, next, at);
        const cause = `door:pickup_hold:${released.id}`;
        touch(touched, centerId, currentRoom(before), cause);
        touch(touched, centerId, currentRoom(next), cause);
      }
    }
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "pickup_hold.released",
        centerId,
        subject: `pickup_hold:${released.id}`,
        sourceIds: [released.eventId],
        correlationId: released.eventId,
        data: {
          childId: released.childId,
          outcome: released.outcome,
          reason: released.releaseReason,
          by: principal.name,
        },
      },
      at,
    );
    return released;
  });
  return { hold, touched };
}

export function resolveException(
  db: Db,
  principal: Principal,
  centerId: string,
  exceptionId: number,
  input: unknown,
  wallNow: Date,
): CheckinExceptionRow {
  const parsed = exceptionResolutionSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "bad resolution", {
      field: "resolution",
    });
  }
  const at = wallNow.toISOString();
  return inTransaction(db, (tx) => {
    const existing = getCheckinException(tx, exceptionId);
    if (!existing || existing.centerId !== centerId) {
      throw new AppError("not_found", `no check-in exception ${exceptionId}`, { field: "id" });
    }
    const resolved = resolveCheckinException(tx, exceptionId, {
      resolvedBy: principal.actor,
      resolvedByName: principal.name,
      resolvedAt: at,
      resolution: parsed.data.resolution,
    });
    if (!resolved) {
      throw new AppError("conflict", `check-in exception ${exceptionId} is already resolved`);
    }
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "checkin_exception.resolved",
        centerId,
        subject: `checkin_exception:${resolved.id}`,
        sourceIds: [resolved.eventId],
        correlationId: resolved.eventId,
        data: { kind: resolved.kind, resolution: resolved.resolution, by: principal.name },
      },
      at,
    );
    return resolved;
  });
}
