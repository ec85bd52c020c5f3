/**
 * @module staff/plan-proposal
 * Turns one suggestion of a room's staffing plan into the pending approval a director would
 * propose. A floater becomes a `staff_reassignment` (one `staff.assign` call) when someone in
 * another room can be spared for the whole span (both rooms re-planned with the move); a shifted break, a floater nobody can be spared
 * for, or one needing more than one person is no single platform call, so it becomes a `task` for
 * the director. Pure: the plans, names and the instant's zone are inputs; nothing is stored here.
 */
import type { Proposal } from "../approvals/propose.js";
import type { Center, Shift } from "../domain/index.js";
import { zonedDateTimeToInstant } from "../domain/time.js";
import type { staff as staffRules } from "../rules/index.js";

type Suggestion = staffRules.StaffingSuggestion;
type Plan = staffRules.StaffingPlan;

/** A stable id for a suggestion within a room's plan: what the Propose form names. */
export function suggestionId(s: Suggestion): string {
  return s.kind === "floater"
    ? `${s.date}.floater.${s.start}-${s.end}`
    : `${s.date}.break.${s.staffId}.${s.from.start}`;
}

/** The span of slots the suggestion is about (a shifted break: where the break was). */
export function suggestionSpan(s: Suggestion): { start: string; end: string } {
  return s.kind === "floater" ? { start: s.start, end: s.end } : s.from;
}

/**
 * Staff who could leave their own room for all of `date` `start`–`end`: named spare by their room's
 * plan in every slot of the span (so the room stays in ratio without them, breaks included) and
 * not on a break in any. Sorted for a stable choice.
 */
export function spareStaff(
  plans: readonly Plan[],
  roomId: string,
  date: string,
  span: { start: string; end: string },
): { staffId: string; fromRoomId: string }[] {
  const out: { staffId: string; fromRoomId: string }[] = [];
  for (const plan of plans) {
    if (plan.roomId === roomId) continue;
    const slots = plan.slots.filter(
      (s) => s.date === date && s.start >= span.start && s.start < span.end,
    );
    if (slots.length === 0) continue;
    const ids = slots[0]!.spare.filter((id) =>
      slots.every((s) => s.status === "over" && s.spare.includes(id) && !s.onBreak.includes(id)),
    );
    for (const staffId of ids) out.push({ staffId, fromRoomId: plan.roomId });
  }
  return out.sort((a, b) => a.staffId.localeCompare(b.staffId));
}

/**
 * The shifts as they would be with `staffId` floated from their room into `roomId` for the span:
 * their own shift that day gains a break over the span (so their room does without them), and a
 * shift in `roomId` covers it. For re-planning both rooms before proposing the move.
 */
export function floatedShifts(
  shifts: readonly Shift[],
  float: { staffId: string; roomId: string; date: string; start: string; end: string },
): Shift[] {
  const away = shifts.map((s) =>
    s.staffId === float.staffId && s.date === float.date
      ? { ...s, breaks: [...s.breaks, { start: float.start, end: float.end }] }
      : s,
  );
  const [centerId] = shifts.map((s) => s.centerId);
  if (centerId === undefined) return away;
  return [
    ...away,
    {
      id: `float:${float.staffId}:${float.date}:${float.start}`,
      centerId,
      staffId: float.staffId,
      date: float.date,
      start: float.start,
      end: float.end,
      roomId: float.roomId,
      breaks: [],
    },
  ];
}

export interface PlanProposalInput {
  center: Pick<Center, "id" | "timeZone">;
  roomId: string;
  suggestion: Suggestion;
  /** Someone who can be spared for the whole span of a one-person floater, checked by re-planning
   * both rooms with the move made; null when nobody can. */
  spare: { staffId: string; fromRoomId: string } | null;
  /** Display names by id, for rooms and staff; an id stands in for a missing name. */
  names: Readonly<Record<string, string>>;
  /** Who proposes it, for the audit log (`user:<id>`). */
  actor: string;
}

/** The dedupe key: one approval per center, room, date, span and the person it names (or how
 * many people it asks for). */
export function planDedupeKey(
  centerId: string,
  roomId: string,
  s: Suggestion,
  staffId: string | null,
): string {
  const span = suggestionSpan(s);
  const who = staffId ?? `anyone-x${s.kind === "floater" ? s.staff : 1}`;
  return `staffing-plan:${centerId}:${roomId}:${s.date}:${span.start}-${span.end}:${s.kind}:${who}`;
}

/** `text` with every id in `names` (the core's reasons name staff and rooms by id) as its name. */
export function withNames(text: string, names: Readonly<Record<string, string>>): string {
  return text.replace(/[A-Za-z0-9_-]+/g, (word) => names[word] ?? word);
}

/** The proposal for `suggestion`, ready for `proposeApproval`. */
export function planProposal(input: PlanProposalInput): Proposal {
  const { center, roomId, suggestion: s, names } = input;
  const name = (id: string) => names[id] ?? id;
  const room = name(roomId);
  const reason = withNames(s.reason, names);
  const common = {
    centerId: center.id,
    roomId,
    draftSource: "template" as const,
    agentRunId: null,
    promptId: null,
    promptVersion: null,
    triggerEventId: null,
    expiresAt: null,
    actor: input.actor,
  };
  const context = { source: "staffing-plan", suggestionId: suggestionId(s), suggestion: s };

  if (s.kind === "floater") {
    const spare = s.staff === 1 ? input.spare : null;
    if (spare) {
      const call = {
        centerId: center.id,
        op: "staff.assign" as const,
        staffId: spare.staffId,
        roomId,
        at: zonedDateTimeToInstant(s.date, s.start, center.timeZone).toISOString(),
        reason:
          `Float from ${name(spare.fromRoomId)} to ${room} on ${s.date} ${s.start}–${s.end}, ` +
          `then back. ${reason} Re-planned with the move, both rooms stay in ratio over the span.`,
      };
      return {
        ...common,
        kind: "staff_reassignment",
        subject: spare.staffId,
        title: `Move ${name(spare.staffId)} to ${room} (${s.date} ${s.start}–${s.end})`,
        draft: { ...call },
        platformCall: call,
        context: { ...context, fromRoomId: spare.fromRoomId },
        dedupeKey: planDedupeKey(center.id, roomId, s, spare.staffId),
      };
    }
    const who = s.staff === 1 ? "a floater" : `${s.staff} floaters`;
    const task = {
      centerId: center.id,
      op: "task.create" as const,
      title: `Find ${who} for ${room}, ${s.date} ${s.start}–${s.end}`,
      description: `${reason} No one scheduled in another room can be spared for the whole span.`,
      assignedTo: "director",
      dueDate: s.date,
    };
    return {
      ...common,
      kind: "task",
      subject: "director",
      title: task.title,
      draft: { ...task },
      platformCall: task,
      context,
      dedupeKey: planDedupeKey(center.id, roomId, s, null),
    };
  }
  const task = {
    centerId: center.id,
    op: "task.create" as const,
    title: `Move ${name(s.staffId)}'s break in ${room} on ${s.date} to ${s.to.start}–${s.to.end}`,
    description: `From ${s.from.start}–${s.from.end}. ${reason}`,
    assignedTo: "director",
    dueDate: s.date,
  };
  return {
    ...common,
    kind: "task",
    subject: s.staffId,
    title: task.title,
    draft: { ...task },
    platformCall: task,
    context: { ...context, shiftId: s.shiftId },
    dedupeKey: planDedupeKey(center.id, roomId, s, s.staffId),
  };
}
