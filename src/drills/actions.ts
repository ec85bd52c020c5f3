/**
 * @module drills/actions
 * Running an emergency drill: start it (freezing who was present at that instant from live state),
 * record each person tapped as accounted for at the assembly point, end it. Start and end are
 * audited in their own transactions; taps are the drill's own record (each keeps time and who
 * tapped). Anyone who may act at the center (director, assistant director, lead teacher with a
 * write-scoped session or token) may run one, since whoever is on site leads the drill.
 */
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import { AppError } from "../errors/index.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { listChildren, listStaff } from "../storage/directory.js";
import {
  type DrillRow,
  type ExpectedPerson,
  endDrillRow,
  getDrill,
  insertDrill,
  insertDrillMark,
  marksForDrill,
  openDrill,
} from "../storage/drills.js";
import { listPresence } from "../storage/presence.js";

export const drillKindSchema = z.enum([
  "fire",
  "evacuation",
  "lockdown",
  "shelter_in_place",
  "other",
]);
export const drillStartSchema = z.object({ kind: drillKindSchema.default("fire") });
export const drillMarkSchema = z.object({
  subjectKind: z.enum(["child", "staff"]),
  subjectId: z.string().min(1).max(200),
});
export type DrillMark = z.infer<typeof drillMarkSchema>;

const runners = new Set(["director", "assistant_director", "lead_teacher"]);

function mayRun(principal: Principal, centerId: string): void {
  const role = membershipAt(principal, centerId)?.role;
  if (!role || !runners.has(role) || !principal.scopes.includes("write")) {
    throw new AppError(
      "forbidden",
      "only a director, assistant director or lead teacher runs drills",
    );
  }
}

/** Who is present now, by live state: every child and staff member checked or clocked in. */
export function presentNow(db: Store, centerId: string): ExpectedPerson[] {
  const present = listPresence(db, centerId).filter((p) => p.present);
  const childIds = present.filter((p) => p.subjectKind === "child").map((p) => p.subjectId);
  const staffIds = present.filter((p) => p.subjectKind === "staff").map((p) => p.subjectId);
  const room = new Map(present.map((p) => [`${p.subjectKind}:${p.subjectId}`, p.roomId]));
  const children = new Map(listChildren(db, centerId, childIds).map((c) => [c.id, c]));
  const staff = new Map(listStaff(db, centerId, staffIds).map((s) => [s.id, s]));
  const name = (p: { firstName: string; lastName: string } | undefined, id: string) =>
    p ? `${p.firstName} ${p.lastName}` : id;
  return [
    ...childIds.map((id) => ({
      kind: "child" as const,
      id,
      name: name(children.get(id), id),
      roomId: room.get(`child:${id}`) ?? null,
    })),
    ...staffIds.map((id) => ({
      kind: "staff" as const,
      id,
      name: name(staff.get(id), id),
      roomId: room.get(`staff:${id}`) ?? null,
    })),
  ].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

export function startDrill(
  db: Db,
  centerId: string,
  principal: Principal,
  kind: z.infer<typeof drillKindSchema>,
  now: Date,
): DrillRow {
  mayRun(principal, centerId);
  const at = now.toISOString();
  return inTransaction(db, (tx) => {
    const running = openDrill(tx, centerId);
    if (running) {
      throw new AppError("conflict", `drill ${running.id} is still running: end it first`, {
        field: "drill",
      });
    }
    const expected = presentNow(tx, centerId);
    const drill = insertDrill(tx, {
      centerId,
      kind,
      startedAt: at,
      startedBy: principal.actor,
      expected,
    });
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "drill.started",
        centerId,
        subject: `drill:${drill.id}`,
        sourceIds: [],
        correlationId: `drill:${drill.id}`,
        data: {
          kind,
          children: expected.filter((p) => p.kind === "child").length,
          staff: expected.filter((p) => p.kind === "staff").length,
        },
      },
      at,
    );
    return drill;
  });
}

function runningDrill(db: Store, centerId: string, id: number): DrillRow {
  const drill = getDrill(db, centerId, id);
  if (!drill) throw new AppError("not_found", `no drill ${id} at this center`, { field: "id" });
  if (drill.endedAt) throw new AppError("conflict", `drill ${id} has ended`, { field: "id" });
  return drill;
}

/**
 * Records a tap. Someone not present at the start (an extra) is accepted if the center knows them;
 * a second tap on the same person keeps the first time.
 */
export function markDrill(
  db: Db,
  centerId: string,
  id: number,
  principal: Principal,
  mark: DrillMark,
  now: Date,
): { recorded: boolean } {
  mayRun(principal, centerId);
  const known =
    mark.subjectKind === "child"
      ? listChildren(db, centerId, [mark.subjectId]).length > 0
      : listStaff(db, centerId, [mark.subjectId]).length > 0;
  if (!known) {
    throw new AppError("bad_request", `no ${mark.subjectKind} "${mark.subjectId}" at this center`, {
      field: "subjectId",
    });
  }
  // Checked and recorded in one transaction, so a tap racing End is refused, not kept.
  const recorded = inTransaction(db, (tx) =>
    insertDrillMark(tx, {
      drillId: runningDrill(tx, centerId, id).id,
      subjectKind: mark.subjectKind,
      subjectId: mark.subjectId,
      markedAt: now.toISOString(),
      markedBy: principal.actor,
    }),
  );
  return { recorded };
}

export function endDrill(
  db: Db,
  centerId: string,
  id: number,
  principal: Principal,
  now: Date,
): DrillRow {
  mayRun(principal, centerId);
  const at = now.toISOString();
  return inTransaction(db, (tx) => {
    const drill = runningDrill(tx, centerId, id);
    const marks = marksForDrill(tx, id);
    const expected = new Set(drill.expected.map((p) => `${p.kind}:${p.id}`));
    const accounted = marks.filter((m) => expected.has(`${m.subjectKind}:${m.subjectId}`)).length;
    if (!endDrillRow(tx, id, at, principal.actor)) {
      throw new AppError("conflict", `drill ${id} has ended`, { field: "id" });
    }
    appendAudit(
      tx,
      {
        actor: principal.actor,
        action: "drill.ended",
        centerId,
        subject: `drill:${id}`,
        sourceIds: [],
        correlationId: `drill:${id}`,
        data: {
          expected: expected.size,
          accounted,
          missing: expected.size - accounted,
          extra: marks.length - accounted,
        },
      },
      at,
    );
    return getDrill(tx, centerId, id) as DrillRow;
  });
}
