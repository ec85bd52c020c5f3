/**
 * @module rules/coverage
 * Who could cover a room that is, or will be, out of ratio: concrete single moves of one staff
 * member, each checked with the evaluator so that the mover counts in the room that needs them and
 * the room they leave stays in ratio, ranked, with the reasoning in plain words. A proposal is a
 * suggestion for a person to approve, never an automatic change.
 *
 * Pure: no clock, no I/O; `now` is a parameter. The "before" of every comparison is re-evaluated
 * here from the states given, so before and after are computed alike.
 */
import { z } from "zod";
import { instantToZoned } from "../domain/time.js";
import { err, fromZodError, ok, type Result } from "../errors/index.js";
import { evaluateRoom } from "./evaluate.js";
import {
  type Evaluation,
  type RatioStatus,
  type Room,
  type RoomInput,
  roomInputSchema,
  roomStaffSchema,
} from "./evaluation.js";
import {
  DEFAULT_HORIZON_MINUTES,
  describeEvent,
  type Forecast,
  type FutureEventInput,
  forecastRoom,
} from "./forecast.js";
import type { CenterPolicy, RulePack } from "./pack.js";
import { countStaff } from "./staff.js";

export interface CoverageTarget {
  roomId: string;
  roomName?: string;
  state: RoomInput;
  /** The caller's latest evaluation of the room. Not relied on: the room is re-evaluated from
   * `state` at `now`, so a stale evaluation cannot hide a problem or invent one. */
  evaluation?: Evaluation;
}

export interface CoverageRoom {
  roomId: string;
  roomName: string;
  state: RoomInput;
}

export interface CoverageCandidates {
  /** Staff clocked in and in no room (as the ratio core sees them, with their ids). */
  unassigned: readonly RoomInput["staff"][number][];
  /** Display names of staff for the reasoning (staff id → name); the id is shown without one. */
  staffNames?: ReadonlyMap<string, string>;
}

export interface CoverageOptions {
  /** The center's local date at `now`. */
  localDate: string;
  /** The center's time zone: times in the reasoning are shown in it (and forecasts use it). */
  timeZone?: string;
  policy?: CenterPolicy;
  /**
   * The known future (see `plannedEvents`). When given, the target counts as needing cover if it
   * is forecast out of ratio within the horizon, a move fixes it fully only if no breach is
   * forecast after it, and a donor must stay in ratio for the whole horizon without the mover.
   */
  future?: readonly FutureEventInput[];
  horizonMinutes?: number;
}

export type CoverageKind = "floater" | "room_with_slack" | "unassigned";

export interface CoverageProposal {
  staffId: string;
  fromRoomId: string | null;
  toRoomId: string;
  kind: CoverageKind;
  /** Compliant now and, when a future was given, no breach forecast after the move. */
  fixesFully: boolean;
  reasoning: string[];
  /** The target with the mover in it, at `now`. */
  targetAfter: Evaluation;
  /** The room the mover leaves, without them, at `now`; null when they are in no room. */
  donorAfter: Evaluation | null;
  /** When a future was given: the first breach forecast for the target after the move. */
  targetBreachAfter?: string | null;
  /** Always true: nothing moves until a person approves. */
  requiresApproval: true;
}

export interface CoverageResult {
  proposals: CoverageProposal[];
  /** Why the room needs cover (or does not), and why each staff member not proposed was left out. */
  reasons: string[];
}

const severity: Record<RatioStatus, number> = { ok: 0, approaching: 1, violation: 2, critical: 3 };

/** How a donor room is left, in words: slack, nobody to spare, or full. */
function donorWords(after: Evaluation): string {
  if (after.status === "approaching") return "approaching: one more child would breach";
  return after.oneLessBreaches ? `ok, but ${after.note ?? "nobody to spare"}` : "ok, with slack";
}
const noQualified = "no counted staff member is a qualified teacher";

type Staff = Room["staff"][number];

interface Candidate {
  person: Staff & { id: string };
  from: { roomId: string; roomName: string; room: Room } | null;
}

/** Evaluation reasons with any child's id taken out (reasoning names no child). */
function plain(reasons: readonly string[]): string[] {
  return reasons.map((r) => r.replace(/^child \S+ is /, "a child is "));
}

/** Did the target get strictly better at `now`? */
function improvesNow(before: Evaluation, after: Evaluation): boolean {
  if (before.compliant) return false;
  return (
    after.compliant ||
    after.staffShort < before.staffShort ||
    (before.reasons.includes(noQualified) && !after.reasons.includes(noQualified)) ||
    severity[after.status] < severity[before.status]
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranked single moves that fix, or at least improve, `target`. Candidates are staff who would
 * count in the target (adult, not on break, credentials valid, a director only when engaged in
 * care — the evaluator decides) and, where the pack requires a qualified teacher, are qualified:
 * floaters and staff in no room first, then staff from rooms that stay in ratio without them. No
 * move that takes a room out of ratio is ever proposed (nor one that would leave a napping room's
 * relaxation without the staff on the premises it relies on). Returns no proposals, with the
 * reasons, when no single move helps.
 */
export function proposeCoverage(
  pack: RulePack,
  target: CoverageTarget,
  others: readonly CoverageRoom[],
  candidates: CoverageCandidates,
  now: Date,
  options: CoverageOptions,
): Result<CoverageResult> {
  const parsedTarget = roomInputSchema.safeParse(target.state);
  if (!parsedTarget.success) {
    return err(fromZodError(parsedTarget.error, "bad_request", "target.state"));
  }
  const rooms: { roomId: string; roomName: string; room: Room }[] = [];
  for (const [i, r] of others.entries()) {
    if (r.roomId === target.roomId) continue;
    const parsed = roomInputSchema.safeParse(r.state);
    if (!parsed.success) return err(fromZodError(parsed.error, "bad_request", `others.${i}.state`));
    rooms.push({ roomId: r.roomId, roomName: r.roomName, room: parsed.data });
  }
  rooms.sort((a, b) => compare(a.roomId, b.roomId));
  const unassigned = z.array(roomStaffSchema).safeParse(candidates.unassigned);
  if (!unassigned.success) {
    return err(fromZodError(unassigned.error, "bad_request", "candidates.unassigned"));
  }

  const targetRoom = parsedTarget.data;
  const targetName = target.roomName ?? target.roomId;
  const name = (id: string) => candidates.staffNames?.get(id) ?? id;
  const horizonMinutes = options.horizonMinutes ?? DEFAULT_HORIZON_MINUTES;
  const when = (iso: string) =>
    options.timeZone ? instantToZoned(new Date(iso), options.timeZone).time : iso;
  const evaluate = (room: Room) =>
    evaluateRoom(pack, room, { at: now, localDate: options.localDate, policy: options.policy });
  const forecast = (roomId: string, room: Room): Result<Forecast | null> => {
    if (options.future === undefined) return ok(null);
    return forecastRoom(pack, now, room, options.future, {
      roomId,
      localDate: options.localDate,
      timeZone: options.timeZone,
      horizonMinutes,
      policy: options.policy,
    });
  };

  const before = evaluate(targetRoom);
  if (!before.ok) return before;
  const forecastBefore = forecast(target.roomId, targetRoom);
  if (!forecastBefore.ok) return forecastBefore;
  const breachBefore = forecastBefore.value?.firstBreach ?? null;
  const reasons: string[] = [];
  if (!before.value.compliant) {
    reasons.push(`${targetName} is out of ratio now: ${plain(before.value.reasons).join("; ")}.`);
  } else if (breachBefore !== null) {
    reasons.push(
      `${targetName} is forecast out of ratio at ${when(breachBefore.at)}` +
        `${breachBefore.cause ? ` when ${describeEvent(breachBefore.cause)}` : ""}: ` +
        `${plain(breachBefore.reasons).join("; ")}.`,
    );
  } else {
    reasons.push(
      options.future === undefined
        ? `${targetName} is in ratio now; nothing to cover.`
        : `${targetName} is in ratio now and no breach is forecast in the next ${horizonMinutes} minutes; nothing to cover.`,
    );
    return ok({ proposals: [], reasons });
  }

  // Where everyone is; anyone listed in more than one place is not moved (whereabouts unclear).
  const places = new Map<string, number>();
  const seen = (id: string | undefined) => {
    if (id !== undefined) places.set(id, (places.get(id) ?? 0) + 1);
  };
  for (const s of targetRoom.staff) seen(s.id);
  for (const r of rooms) for (const s of r.room.staff) seen(s.id);
  for (const s of unassigned.data) seen(s.id);

  const pool: Candidate[] = [];
  const byId = (a: Staff, b: Staff) => compare(a.id ?? "", b.id ?? "");
  for (const s of [...unassigned.data].sort(byId)) {
    if (s.id === undefined) reasons.push(`A ${s.role} with no id cannot be proposed.`);
    else pool.push({ person: { ...s, id: s.id }, from: null });
  }
  for (const r of rooms) {
    for (const s of [...r.room.staff].sort(byId)) {
      if (s.id === undefined) continue;
      pool.push({ person: { ...s, id: s.id }, from: r });
    }
  }

  // Napping rooms whose relaxation rests on staff available on the premises: anyone who moves into
  // a room is one fewer available, so each must stay in ratio with one fewer.
  const napDependents = rooms.filter((r) => r.room.napping && r.room.premisesAvailableStaff > 0);

  const proposals: (CoverageProposal & { rank: (number | string)[] })[] = [];
  for (const { person, from } of pool) {
    const who = name(person.id);
    const leftOut = (why: string) => reasons.push(`${who} (${person.role}) not proposed: ${why}.`);
    if ((places.get(person.id) ?? 0) > 1) {
      leftOut("listed in more than one place, so where they are is unclear");
      continue;
    }

    // The target with the mover in it; one fewer available on the premises if it is napping.
    const targetAfterRoom: Room = {
      ...targetRoom,
      staff: [...targetRoom.staff, person],
      premisesAvailableStaff: Math.max(0, targetRoom.premisesAvailableStaff - 1),
    };
    const after = evaluate(targetAfterRoom);
    if (!after.ok) return after;
    const targetAfter = after.value;
    if (!targetAfter.counted.some((c) => c.id === person.id)) {
      const why = targetAfter.notCounted.find((c) => c.id === person.id)?.reason;
      leftOut(`would not count in ${targetName}${why ? ` (${why})` : ""}`);
      continue;
    }
    if (pack.staff.requiresQualifiedTeacher) {
      const program = pack.programs.find((p) => p.id === targetAfter.program);
      const counted = program ? countStaff(pack, program, [person], options.localDate) : null;
      const qualified = counted?.full[0]?.qualified ?? counted?.aides[0]?.qualified ?? false;
      if (!qualified) {
        leftOut(`not a qualified teacher, which ${pack.code} requires of staff counted in a group`);
        continue;
      }
    }

    const forecastAfter = forecast(target.roomId, targetAfterRoom);
    if (!forecastAfter.ok) return forecastAfter;
    const breachAfter = forecastAfter.value?.firstBreach ?? null;
    const improves = before.value.compliant
      ? breachBefore !== null &&
        (breachAfter === null || Date.parse(breachAfter.at) > Date.parse(breachBefore.at))
      : improvesNow(before.value, targetAfter);
    if (!improves) {
      leftOut(
        before.value.compliant
          ? `with them ${targetName} would still fall out of ratio at ${when(breachBefore?.at ?? "")}`
          : `would not improve ${targetName} (${plain(targetAfter.reasons).join("; ")})`,
      );
      continue;
    }

    // The donor: in ratio without them now (and, with a future, for the whole horizon).
    let donorAfter: Evaluation | null = null;
    let donorSpare = Number.POSITIVE_INFINITY;
    if (from !== null) {
      const donorRoom: Room = {
        ...from.room,
        staff: from.room.staff.filter((s) => s.id !== person.id),
      };
      const d = evaluate(donorRoom);
      if (!d.ok) return d;
      if (!d.value.compliant) {
        leftOut(
          `moving them would leave ${from.roomName} out of ratio (${plain(d.value.reasons).join("; ")})`,
        );
        continue;
      }
      const df = forecast(from.roomId, donorRoom);
      if (!df.ok) return df;
      const donorBreach = df.value?.firstBreach ?? null;
      if (donorBreach !== null) {
        leftOut(
          `without them ${from.roomName} would fall out of ratio at ${when(donorBreach.at)}` +
            `${donorBreach.cause ? ` when ${describeEvent(donorBreach.cause)}` : ""}`,
        );
        continue;
      }
      donorAfter = d.value;
      // A room left with no children leaves no child with fewer adults: the most slack there is.
      donorSpare =
        d.value.children === 0
          ? Number.POSITIVE_INFINITY
          : d.value.countedStaff - d.value.requiredStaff;
    }

    // Napping rooms relying on staff on the premises must keep their relaxation.
    const napBroken = napDependents.flatMap((r) => {
      if (r.roomId === from?.roomId) return [];
      const was = evaluate(r.room);
      const now1 = evaluate({
        ...r.room,
        premisesAvailableStaff: r.room.premisesAvailableStaff - 1,
      });
      return was.ok && now1.ok && was.value.compliant && !now1.value.compliant ? [r.roomName] : [];
    });
    if (napBroken.length > 0) {
      leftOut(
        `${napBroken.join(", ")} relies on staff available on the premises for its nap ratio`,
      );
      continue;
    }

    const isFloater = person.role === "floater";
    const kind: CoverageKind = isFloater
      ? "floater"
      : from === null
        ? "unassigned"
        : "room_with_slack";
    const fixesFully = targetAfter.compliant && breachAfter === null;
    const reasoning: string[] = [];
    const where = from === null ? "unassigned" : `in ${from.roomName}`;
    const b = before.value;
    reasoning.push(
      `${who} (${person.role}, ${where}) can cover ${targetName}: ${b.children} children need ` +
        `${b.requiredStaff} counted staff and ${b.countedStaff} count now; moving ${who} makes ` +
        `${targetAfter.countedStaff} of ${targetAfter.requiredStaff}.`,
    );
    if (b.reasons.includes(noQualified) && !targetAfter.reasons.includes(noQualified)) {
      reasoning.push(`${who} is a qualified teacher, which ${targetName} lacks now.`);
    }
    if (!targetAfter.compliant) {
      reasoning.push(
        `This only partly helps: ${targetName} stays out of ratio (${plain(targetAfter.reasons).join("; ")}).`,
      );
    } else if (breachBefore !== null && breachAfter !== null) {
      reasoning.push(
        `This only partly helps: the breach forecast at ${when(breachBefore.at)} moves to ` +
          `${when(breachAfter.at)}${breachAfter.cause ? ` (when ${describeEvent(breachAfter.cause)})` : ""}.`,
      );
    } else if (!b.compliant) {
      reasoning.push(
        `That brings ${targetName} back into ratio (${targetAfter.status})` +
          `${options.future === undefined ? "" : `, with no breach forecast in the next ${horizonMinutes} minutes`}.`,
      );
    } else {
      reasoning.push(
        `That prevents the breach forecast at ${when(breachBefore?.at ?? "")}: no breach is forecast for ` +
          `${targetName} in the next ${horizonMinutes} minutes.`,
      );
    }
    if (donorAfter === null || from === null) {
      reasoning.push("No room loses coverage.");
    } else if (donorAfter.children === 0) {
      reasoning.push(
        `${from.roomName} has no children now, so no child is left with fewer adults` +
          `${options.future === undefined ? "" : `, and no breach is forecast there in the next ${horizonMinutes} minutes`}.`,
      );
    } else {
      reasoning.push(
        `${from.roomName} stays in ratio without ${who}: ${donorAfter.children} children need ` +
          `${donorAfter.requiredStaff} counted staff and ${donorAfter.countedStaff} remain ` +
          `(${donorWords(donorAfter)})` +
          `${options.future === undefined ? "" : `, and no breach is forecast there in the next ${horizonMinutes} minutes`}.`,
      );
    }
    if (napDependents.some((r) => r.roomId !== from?.roomId)) {
      reasoning.push("Napping rooms relying on staff on the premises keep their nap ratio.");
    }

    proposals.push({
      staffId: person.id,
      fromRoomId: from?.roomId ?? null,
      toRoomId: target.roomId,
      kind,
      fixesFully,
      reasoning,
      targetAfter,
      donorAfter,
      ...(options.future === undefined ? {} : { targetBreachAfter: breachAfter?.at ?? null }),
      requiresApproval: true,
      rank: [
        fixesFully ? 0 : 1,
        // Among partial fixes: the one that leaves the target least short, then latest breach.
        targetAfter.compliant ? 0 : targetAfter.staffShort,
        breachAfter === null ? 0 : -Date.parse(breachAfter.at),
        // No donor first (a floater, then anyone unassigned); then donors left ok before those
        // left approaching, then those with someone to spare, a floater before a room's own staff,
        // the most spare staff first.
        from === null ? (isFloater ? 0 : 1) : 2,
        donorAfter === null ? 0 : severity[donorAfter.status],
        donorAfter?.oneLessBreaches ? 1 : 0,
        from !== null && isFloater ? 0 : 1,
        from === null ? 0 : -donorSpare,
        donorAfter === null ? 0 : -donorAfter.canTake,
        person.id,
        from?.roomId ?? "",
      ],
    });
  }

  proposals.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) {
      const x = a.rank[i] as number | string;
      const y = b.rank[i] as number | string;
      if (x === y) continue;
      return typeof x === "number" && typeof y === "number" ? x - y : compare(String(x), String(y));
    }
    return 0;
  });
  if (proposals.length === 0) {
    reasons.push(
      pool.length === 0
        ? `No one is free to move: no staff member is unassigned, and ${targetName} is the only room with staff.`
        : `No single move fixes or improves ${targetName}.`,
    );
  }
  return ok({ proposals: proposals.map(({ rank: _rank, ...p }) => p), reasons });
}
