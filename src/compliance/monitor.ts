/**
 * @module compliance/monitor
 * Re-evaluates the rooms an event touched (or, on a timer, the rooms whose status time alone can
 * change: see `tick.ts`), and records each change of status with the evaluation that caused it:
 * the ratio history, and one violation record per stretch out of compliance, opened when it starts
 * and closed when it ends. A room in ratio whose forecast shows a breach within 15 minutes is
 * `approaching` (`rules/approaching`); each evaluation also says when to look at the room again.
 */

import { appendAudit, correlationOf } from "../audit/index.js";
import type { Center, Child, Room, Shift, Staff } from "../domain/index.js";
import { addDays, instantToZoned } from "../domain/time.js";
import { assembleRooms, type Presence } from "../live/index.js";
import {
  APPROACHING_HORIZON_MINUTES,
  type CenterPolicy,
  centerPolicySchema,
  type Evaluation,
  evaluateAhead,
  getRulePack,
  LOOK_BEYOND_MINUTES,
  type RatioStatus,
  type RulePack,
  roomInputSchema,
} from "../rules/index.js";
import { centerHoursFor } from "../storage/center-hours.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { getCenter, listChildren, listRooms, listShifts, listStaff } from "../storage/directory.js";
import { listPresence } from "../storage/presence.js";
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

function policyFor(db: Store, center: Center) {
  const stored = getPolicy(db, center.id);
  if (stored === undefined) return undefined;
  const parsed = centerPolicySchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** What an evaluation needs from a center's directory, read once and reused for every room. */
interface CenterFacts {
  center: Center;
  pack: RulePack;
  policy: CenterPolicy | undefined;
  rooms: Room[];
  staff: Staff[];
  staffById: Map<string, Staff>;
  children: Child[];
  childrenById: Map<string, Child>;
  /** Yesterday's and today's shifts by the center's local date (a shift may cross midnight). */
  shifts: Map<string, Shift[]>;
  /** The center's opening hours, for the first/last-hour rules (null: not known). */
  hours: ReturnType<typeof centerHoursFor>;
}

/** Undefined for an unknown center, or one whose jurisdiction has no rule pack. */
function loadFacts(db: Store, centerId: string): CenterFacts | undefined {
  const center = getCenter(db, centerId);
  const pack = center ? getRulePack(center.jurisdiction) : undefined;
  if (!center || !pack) return undefined;
  const staff = listStaff(db, centerId);
  const children = listChildren(db, centerId);
  return {
    center,
    pack,
    policy: policyFor(db, center),
    rooms: listRooms(db, centerId),
    staff,
    staffById: new Map(staff.map((s) => [s.id, s])),
    children,
    childrenById: new Map(children.map((c) => [c.id, c])),
    shifts: new Map(),
    hours: centerHoursFor(db, center),
  };
}

function shiftsAround(db: Store, facts: CenterFacts, localDate: string): Shift[] {
  let shifts = facts.shifts.get(localDate);
  if (!shifts) {
    shifts = listShifts(db, facts.center.id, [addDays(localDate, -1), localDate]);
    facts.shifts.set(localDate, shifts);
  }
  return shifts;
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
  const facts = loadFacts(db, centerId);
  if (!facts) return [];
  return inTransaction(db, (tx) =>
    evaluateRooms(db, tx, facts, listPresence(tx, centerId), at, rooms, defaultCause, wallClock),
  );
}

export interface EventEvaluator {
  /**
   * Called right after an event changed `presence` (inside the caller's transaction): evaluates
   * the rooms it touched (room id → cause; none is fine) at the event's business time `at` — or
   * at the rooms' last evaluation if that is later, so a late event never writes history before
   * what is already recorded.
   */
  evaluate(
    tx: Store,
    presence: Presence,
    rooms: ReadonlyMap<string, string>,
    at: string,
  ): StatusChange[];
}

/**
 * An evaluator for one batch of events, used inside the batch's transaction: each center's
 * directory and presence are read once for the batch (nothing else writes them while the
 * transaction is open; the presence copy follows each event), so an event costs only its rooms'
 * status and evaluation. Throw it away if a write in the batch is rolled back.
 */
export function createEventEvaluator(
  db: Db,
  wallClock: () => Date = () => new Date(),
): EventEvaluator {
  const centers = new Map<
    string,
    { facts: CenterFacts; presence: Map<string, Presence> } | undefined
  >();
  const key = (p: Presence) => `${p.subjectKind}:${p.subjectId}`;
  const load = (tx: Store, centerId: string) => {
    const facts = loadFacts(tx, centerId);
    if (!facts) return undefined;
    return { facts, presence: new Map(listPresence(tx, centerId).map((p) => [key(p), p])) };
  };
  return {
    evaluate(tx, presence, rooms, at) {
      const { centerId } = presence;
      if (!centers.has(centerId)) centers.set(centerId, load(tx, centerId));
      const center = centers.get(centerId);
      if (!center) return [];
      center.presence.set(key(presence), presence);
      if (rooms.size === 0) return [];
      let latest = at;
      for (const roomId of rooms.keys()) {
        const evaluatedAt = getRoomStatus(tx, centerId, roomId)?.evaluatedAt;
        if (evaluatedAt !== undefined && evaluatedAt > latest) latest = evaluatedAt;
      }
      const everyone = [...center.presence.values()];
      return evaluateRooms(
        db,
        tx,
        center.facts,
        everyone,
        new Date(latest),
        rooms,
        "event",
        wallClock,
      );
    },
  };
}

/**
 * The part of a center's future that can reach `roomIds`: the children in them or whose home room
 * they are (arrivals go to the home room), the staff in them or with a shift in one (with all of
 * their shifts, which decide when they leave). The forecast plans each person on their own and
 * replays only events about a room's people, so leaving out everyone else changes nothing but
 * the cost — which, for one event's room, is most of a center.
 */
function peopleOf(
  roomIds: ReadonlySet<string>,
  presence: readonly Presence[],
  children: readonly Child[],
  shifts: readonly Shift[],
): { presence: Presence[]; children: Child[]; shifts: Shift[] } {
  const inRooms = (roomId: string | null) => roomId !== null && roomIds.has(roomId);
  const here = presence.filter((p) => p.present && inRooms(p.roomId));
  const childIds = new Set(here.filter((p) => p.subjectKind === "child").map((p) => p.subjectId));
  for (const c of children) if (inRooms(c.homeRoomId)) childIds.add(c.id);
  const staffIds = new Set(here.filter((p) => p.subjectKind === "staff").map((p) => p.subjectId));
  for (const s of shifts) if (inRooms(s.roomId)) staffIds.add(s.staffId);
  const ids = { child: childIds, staff: staffIds };
  return {
    presence: presence.filter((p) => ids[p.subjectKind].has(p.subjectId)),
    children: children.filter((c) => childIds.has(c.id)),
    shifts: shifts.filter((s) => staffIds.has(s.staffId)),
  };
}

/** `db` keys the in-memory recheck schedule; every read and write goes through `tx`. */
function evaluateRooms(
  db: Db,
  tx: Store,
  facts: CenterFacts,
  presence: readonly Presence[],
  at: Date,
  rooms: ReadonlyMap<string, string> | undefined,
  defaultCause: string,
  wallClock: () => Date,
): StatusChange[] {
  const { center, pack, policy, staffById } = facts;
  const centerId = center.id;
  const localDate = instantToZoned(at, center.timeZone).date;
  const states = assembleRooms(
    rooms ? facts.rooms.filter((r) => rooms.has(r.id)) : facts.rooms,
    presence,
    facts.childrenById,
    staffById,
  );
  if (states.length === 0) return [];
  // One read of the center's known future serves every room evaluated now.
  const shifts = shiftsAround(tx, facts, localDate);
  const { events: future } = centerFuture(
    tx,
    center,
    pack,
    facts.staff,
    at,
    localDate,
    APPROACHING_HORIZON_MINUTES + LOOK_BEYOND_MINUTES,
    rooms
      ? peopleOf(new Set(rooms.keys()), presence, facts.children, shifts)
      : { presence, children: facts.children, shifts },
  );
  const iso = at.toISOString();
  const changes: StatusChange[] = [];

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
      facts.hours,
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
  return changes;
}
