/**
 * @module staff/plan-proposals
 * The staffing plan's suggestions as a director sees them: each with the approval it would become
 * and, once proposed, the approval it became; and proposing one. A proposal is recomputed from
 * the stored plan by the suggestion's id, so a form can name a suggestion but never write its
 * contents. Nothing reaches a platform here: the approval waits in the queue.
 */
import { z } from "zod";
import { type Proposal, proposeApproval } from "../approvals/propose.js";
import { membershipAt, type Principal } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import type { staff as staffRules } from "../rules/index.js";
import { type ApprovalRow, findApprovalByDedupeKey } from "../storage/approvals.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { listRooms, listStaff } from "../storage/directory.js";
import { roomStaffingPlan } from "./plan.js";
import {
  floatedShifts,
  planProposal,
  spareStaff,
  suggestionId,
  suggestionSpan,
} from "./plan-proposal.js";

export interface PlannedSuggestion {
  id: string;
  suggestion: staffRules.StaffingSuggestion;
  /** The approval proposing it would create. */
  proposal: Proposal;
  /** The approval already proposed for it, if any. */
  approval: ApprovalRow | undefined;
}

export interface RoomPlanView {
  plan: staffRules.StaffingPlan;
  suggestions: PlannedSuggestion[];
  /** Display names of the center's rooms and staff by id. */
  names: Record<string, string>;
}

export const proposalRequestSchema = z.object({
  room: z.string().min(1),
  date: z.iso.date(),
  suggestion: z.string().min(1).max(200),
});
export type ProposalRequest = z.infer<typeof proposalRequestSchema>;

/** Proposing is a director's or assistant director's call, and needs a sign-in that may write. */
export function canProposeStaffing(principal: Principal, centerId: string): boolean {
  const role = membershipAt(principal, centerId)?.role;
  return (
    (role === "director" || role === "assistant_director") && principal.scopes.includes("write")
  );
}

function centerNames(db: Store, centerId: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const r of listRooms(db, centerId)) names[r.id] = r.name;
  for (const s of listStaff(db, centerId)) names[s.id] = `${s.firstName} ${s.lastName}`;
  return names;
}

/**
 * The first candidate who can float into the room for the suggestion's span: re-planning that day
 * with the move made, neither their room nor this one is under-staffed in any slot of the span.
 * The re-plan is of the schedule alone: what live state saw cannot show a move not yet made.
 */
function verifiedSpare(
  db: Store,
  center: Center,
  roomId: string,
  suggestion: staffRules.StaffingSuggestion,
  plans: readonly staffRules.StaffingPlan[],
): Result<{ staffId: string; fromRoomId: string } | null> {
  if (suggestion.kind !== "floater" || suggestion.staff !== 1) return ok(null);
  const span = suggestionSpan(suggestion);
  const date = suggestion.date;
  for (const candidate of spareStaff(plans, roomId, date, span)) {
    const adjust = (shifts: Parameters<typeof floatedShifts>[0]) =>
      floatedShifts(shifts, { staffId: candidate.staffId, roomId, date, ...span });
    let fits = true;
    for (const room of [roomId, candidate.fromRoomId]) {
      const plan = roomStaffingPlan(db, center, { roomId: room, weekStart: date, days: 1 }, adjust);
      if (!plan.ok) return plan;
      if (
        plan.value.slots.some(
          (s) => s.start >= span.start && s.start < span.end && s.status === "under",
        )
      ) {
        fits = false;
      }
    }
    if (fits) return ok(candidate);
  }
  return ok(null);
}

/**
 * The room's plan for the week from `weekStart`, each suggestion with its approval. With `at` (the
 * center's business clock), today's slots are judged by what live state recorded and forecasts.
 */
export function roomPlanView(
  db: Store,
  center: Center,
  roomId: string,
  weekStart: string,
  actor: string,
  at?: Date,
): Result<RoomPlanView> {
  const rooms = listRooms(db, center.id);
  if (!rooms.some((r) => r.id === roomId)) {
    return err(new AppError("not_found", `room: unknown room "${roomId}"`, { field: "room" }));
  }
  const plans: staffRules.StaffingPlan[] = [];
  for (const r of rooms) {
    const plan = roomStaffingPlan(db, center, {
      roomId: r.id,
      weekStart,
      ...(at ? { at: at.toISOString() } : {}),
    });
    if (!plan.ok) return plan;
    plans.push(plan.value);
  }
  const plan = plans.find((p) => p.roomId === roomId)!;
  const names = centerNames(db, center.id);
  const suggestions: PlannedSuggestion[] = [];
  for (const suggestion of plan.suggestions) {
    const spare = verifiedSpare(db, center, roomId, suggestion, plans);
    if (!spare.ok) return spare;
    const proposal = planProposal({
      center,
      roomId,
      suggestion,
      spare: spare.value,
      names,
      actor,
    });
    suggestions.push({
      id: suggestionId(suggestion),
      suggestion,
      proposal,
      approval: findApprovalByDedupeKey(db, proposal.dedupeKey),
    });
  }
  return ok({ plan, suggestions, names });
}

/**
 * Proposes the suggestion `request.suggestion` of the room's plan for the week from
 * `request.date`: a pending approval, once per dedupe key (audited by `proposeApproval`).
 * The caller has checked that the principal may propose. `now` stamps the approval (wall clock);
 * `at` is the business clock the page's plan was made at, so the same suggestions are found.
 */
export function proposeStaffingSuggestion(
  db: Db,
  center: Center,
  request: ProposalRequest,
  actor: string,
  now: string,
  at?: Date,
): Result<{ row: ApprovalRow; created: boolean }> {
  const view = roomPlanView(db, center, request.room, request.date, actor, at);
  if (!view.ok) return view;
  return proposeFromPlanView(db, view.value, request, now);
}

/**
 * The write half of `proposeStaffingSuggestion`, for callers that computed the room's plan view
 * elsewhere (the routes compute it on the offload pool: a week of plans holds the loop ~1.5 s).
 */
export function proposeFromPlanView(
  db: Db,
  view: RoomPlanView,
  request: ProposalRequest,
  now: string,
): Result<{ row: ApprovalRow; created: boolean }> {
  const found = view.suggestions.find((s) => s.id === request.suggestion);
  if (!found) {
    return err(
      new AppError(
        "not_found",
        `suggestion: the plan of ${request.room} for the week from ${request.date} has no suggestion "${request.suggestion}"`,
        { field: "suggestion" },
      ),
    );
  }
  // The row and its audit entry land together or not at all.
  return ok(inTransaction(db, (tx) => proposeApproval(tx, found.proposal, now)));
}
