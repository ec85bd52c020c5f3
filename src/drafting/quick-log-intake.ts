/**
 * @module drafting/quick-log-intake
 * Who may post a quick log about a child, and how a post becomes one queued drafting job. The API
 * route and the web form both come through here, so the rules and the dedupe key are the same.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { membershipAt, type Principal } from "../auth/principal.js";
import { AppError } from "../errors/index.js";
import { findAgentJob } from "../storage/agent-jobs.js";
import type { Db } from "../storage/db.js";
import { getCenter, listChildren } from "../storage/directory.js";
import type { EnqueuedJob, QuickLogEntry } from "./triggers.js";

export const quickLogBodySchema = z.object({
  text: z.string().trim().min(1).max(4000),
  childId: z.string().min(1),
  by: z.string().trim().min(1).max(200).optional(),
});
export type QuickLogBody = z.infer<typeof quickLogBodySchema>;

export interface QuickLogIntake {
  db: Db;
  clock: () => Date;
  /** Unset until drafting has started. */
  quickLog?: (centerId: string, log: QuickLogEntry) => EnqueuedJob[];
}

const notFound = (what: string, value: string) =>
  new AppError("not_found", `unknown ${what} "${value}"`, { field: what });

/** May this principal post quick logs for the room? Lead teachers only for their own rooms. */
export function mayPostQuickLog(principal: Principal, centerId: string, roomId: string): boolean {
  const role = membershipAt(principal, centerId);
  if (!role || !principal.scopes.includes("write")) return false;
  return (
    role.role === "director" ||
    role.role === "assistant_director" ||
    (role.role === "lead_teacher" && role.roomIds.includes(roomId))
  );
}

/**
 * Queues the quick log (or finds it queued: the same text for the same room within a minute is one
 * job). Throws `not_found` for a center, room or child the principal cannot post about, and
 * `forbidden` for a role that may not post.
 */
export function submitQuickLog(
  intake: QuickLogIntake,
  principal: Principal,
  centerId: string,
  roomId: string,
  body: QuickLogBody,
): { jobId: number; dedupeKey: string } {
  const role = membershipAt(principal, centerId);
  if (!role || !getCenter(intake.db, centerId)) throw notFound("center", centerId);
  if (!mayPostQuickLog(principal, centerId, roomId)) {
    throw new AppError("forbidden", "only the room's lead teacher or a director may post", {
      role: role.role,
    });
  }
  const child = listChildren(intake.db, centerId, [body.childId])[0];
  if (!child || child.homeRoomId !== roomId) throw notFound("childId", body.childId);
  if (!intake.quickLog) throw new AppError("internal", "drafting has not started");
  const writtenAt = intake.clock();
  const minute = writtenAt.toISOString().slice(0, 16);
  const logId = createHash("sha256")
    .update(`${roomId}\n${minute}\n${body.text}`)
    .digest("hex")
    .slice(0, 24);
  intake.quickLog(centerId, {
    logId,
    childId: child.id,
    text: body.text,
    writtenAt,
    writtenBy: body.by ?? principal.name,
  });
  const dedupeKey = `quick-log:${centerId}:${logId}`;
  const job = findAgentJob(intake.db, {
    job: "quick-log",
    centerId,
    triggerEventId: dedupeKey,
  });
  if (!job) throw new AppError("internal", "the quick log could not be queued");
  return { jobId: job.id, dedupeKey };
}
