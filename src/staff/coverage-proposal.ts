/**
 * @module staff/coverage-proposal
 * A move the room board suggests (one coverage proposal of the room's 30-minute outlook) as the
 * pending approval a person proposes: the same `staff_reassignment` with one `staff.assign` call
 * that the staffing plan proposes. The move's instant is when the need began (the room's current
 * stretch out of ratio, or its forecast breach), not the moment the board was drawn, so the same
 * need shows the same content — and content hash — on every refresh until the situation changes.
 * Pure: the proposal, names and need are inputs; nothing is stored here.
 */
import type { Proposal } from "../approvals/propose.js";
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import type { CoverageProposal } from "../rules/index.js";
import { withNames } from "./plan-proposal.js";

export interface CoverageProposalInput {
  center: Pick<Center, "id" | "timeZone">;
  move: CoverageProposal;
  /** When the room needs the mover from (ISO instant): see the module comment. */
  needAt: string;
  /** Display names by id, for rooms and staff; an id stands in for a missing name. */
  names: Readonly<Record<string, string>>;
  /** Who proposes it, for the audit log (`user:<id>`). */
  actor: string;
}

/** One approval per center, room in need, person moved and stretch of need. */
export function coverageDedupeKey(
  centerId: string,
  toRoomId: string,
  staffId: string,
  needAt: string,
): string {
  return `board-move:${centerId}:${toRoomId}:${staffId}:${needAt}`;
}

/** The proposal for the board's suggested move, ready for `proposeApproval`. */
export function coverageProposal(input: CoverageProposalInput): Proposal {
  const { center, move, needAt, names } = input;
  const name = (id: string) => names[id] ?? id;
  const to = name(move.toRoomId);
  const from = move.fromRoomId === null ? "no room (unassigned)" : name(move.fromRoomId);
  const local = instantToZoned(new Date(needAt), center.timeZone);
  const why = move.reasoning.map((line) => withNames(line, names)).join(" ");
  const call = {
    centerId: center.id,
    op: "staff.assign" as const,
    staffId: move.staffId,
    roomId: move.toRoomId,
    at: needAt,
    reason: `Cover ${to} from ${local.time} on ${local.date}: move from ${from}. ${why}`.slice(
      0,
      1000,
    ),
  };
  return {
    centerId: center.id,
    roomId: move.toRoomId,
    kind: "staff_reassignment",
    subject: move.staffId,
    title: `Move ${name(move.staffId)} to ${to} (${local.date} from ${local.time})`,
    draftSource: "template",
    draft: { ...call },
    platformCall: call,
    context: {
      source: "room-board",
      fromRoomId: move.fromRoomId,
      coverageKind: move.kind,
      fixesFully: move.fixesFully,
      needAt,
    },
    dedupeKey: coverageDedupeKey(center.id, move.toRoomId, move.staffId, needAt),
    agentRunId: null,
    promptId: null,
    promptVersion: null,
    triggerEventId: null,
    expiresAt: null,
    actor: input.actor,
  };
}
