/**
 * @module web/board-moves
 * The board's suggested staff moves as approvals: what each room's move would become (and, once
 * proposed, became), and the form post behind "Propose" and "Approve now". The post names a room
 * and a person, never the contents: the move is recomputed from the live outlook, and "Approve
 * now" goes ahead only when the recomputed content hashes to what the person saw on the board.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { contentHash, decideApproval, platformCallSchema } from "../approvals/index.js";
import { type Proposal, proposeApproval } from "../approvals/propose.js";
import { centerOutlook, type RoomOutlook } from "../compliance/index.js";
import type { Center } from "../domain/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import type { CoverageProposal } from "../rules/index.js";
import { coverageProposal } from "../staff/coverage-proposal.js";
import { canProposeStaffing } from "../staff/plan-proposals.js";
import { type ApprovalRow, findApprovalByDedupeKey, getApproval } from "../storage/approvals.js";
import { inTransaction, type Store } from "../storage/db.js";
import { listRooms, listStaff } from "../storage/directory.js";
import { listRoomStatus } from "../storage/ratio.js";
import { canAct } from "./access.js";
import { approvalDeps, resultOfError, resultOfRow } from "./approvals-actions.js";
import { frameFor } from "./frame.js";
import { centerPath } from "./layout.js";

export interface BoardMove {
  move: CoverageProposal;
  proposal: Proposal;
  /** The content hash of the approval the move would become (what "Approve now" names). */
  hash: string;
  /** The approval already proposed for it, if any. */
  approval: ApprovalRow | undefined;
}

/** What the move's approval will be hashed as, exactly as `proposeApproval` stores it. */
export function proposalHash(proposal: Proposal): string {
  return contentHash({
    kind: proposal.kind,
    draft: proposal.draft,
    edited: null,
    platformCall: proposal.platformCall ? platformCallSchema.parse(proposal.platformCall) : null,
  });
}

export function centerNames(db: Store, centerId: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const r of listRooms(db, centerId)) names[r.id] = r.name;
  for (const s of listStaff(db, centerId)) names[s.id] = `${s.firstName} ${s.lastName}`;
  return names;
}

/**
 * Each room's moves, best first. A room out of ratio now needs cover from when its stretch began
 * (its stored status's `since`); one forecast out of ratio, from the forecast breach.
 */
export function boardMoves(
  db: Store,
  center: Center,
  outlook: readonly RoomOutlook[],
  actor: string,
): Map<string, BoardMove[]> {
  const statuses = new Map(listRoomStatus(db, center.id).map((s) => [s.roomId, s]));
  const names = centerNames(db, center.id);
  const out = new Map<string, BoardMove[]>();
  for (const room of outlook) {
    if (!room.coverage || room.coverage.proposals.length === 0) continue;
    const status = statuses.get(room.roomId);
    const outNow = status?.status === "violation" || status?.status === "critical";
    const needAt = outNow
      ? status.since
      : (room.forecast.firstBreach?.at ?? status?.since ?? room.forecast.horizonEnd);
    out.set(
      room.roomId,
      room.coverage.proposals.map((move) => {
        const proposal = coverageProposal({ center, move, needAt, names, actor });
        return {
          move,
          proposal,
          hash: proposalHash(proposal),
          approval: findApprovalByDedupeKey(db, proposal.dedupeKey),
        };
      }),
    );
  }
  return out;
}

const moveFormSchema = z.object({
  room: z.string().min(1).max(200),
  staff: z.string().min(1).max(200),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  action: z.enum(["propose", "approve"]),
});

/** Outcomes the board explains after the redirect. */
export const moveResultSchema = z.enum([
  "proposed",
  "exists",
  "approved",
  "executed",
  "queued",
  "failed",
  "changed",
  "gone",
  "forbidden",
  "decided",
  "bad_request",
]);
export type MoveResult = z.infer<typeof moveResultSchema>;

export function registerBoardMoves(app: Hono<AppEnv>, ctx: AppContext): void {
  const deps = approvalDeps(ctx);
  app.post("/centers/:centerId/board/moves", async (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const back = (result: MoveResult, approvalId?: number) =>
      c.redirect(
        `${centerPath(center.id)}?move=${result}${approvalId ? `&approval=${approvalId}` : ""}`,
        303,
      );
    if (!canAct(principal, center.id)) return back("forbidden");
    const form = moveFormSchema.safeParse(await c.req.parseBody());
    if (!form.success) return back("bad_request");
    const { room, staff, hash, action } = form.data;
    if (action === "approve" && !canProposeStaffing(principal, center.id)) return back("forbidden");
    const moves = boardMoves(
      ctx.db,
      center,
      centerOutlook(ctx.db, center.id, ctx.clock()),
      principal.actor,
    );
    const found = moves.get(room)?.find((m) => m.move.staffId === staff);
    if (!found) return back("gone");
    // Approving names the content the person saw; proposing only queues it for someone to read.
    if (action === "approve" && found.hash !== hash) return back("changed");
    const now = ctx.wallClock().toISOString();
    const proposed = inTransaction(ctx.db, (tx) => proposeApproval(tx, found.proposal, now));
    ctx.events.emit("approvals", { centerId: center.id, approvalIds: [proposed.row.id] });
    if (action === "propose")
      return back(proposed.created ? "proposed" : "exists", proposed.row.id);
    const decided = decideApproval(deps, principal, {
      approvalId: proposed.row.id,
      contentHash: hash,
      action: "approve",
    });
    if (!decided.ok) {
      const result = resultOfError(decided.error);
      return back(
        result === "changed" || result === "forbidden" || result === "decided" ? result : "failed",
        proposed.row.id,
      );
    }
    if (decided.value.outboxId !== null) await ctx.alerting?.outbox.runDue();
    ctx.events.emit("approvals", { centerId: center.id, approvalIds: [proposed.row.id] });
    const result = resultOfRow(getApproval(ctx.db, proposed.row.id));
    return back(
      result === "executed" || result === "queued" || result === "failed" ? result : "approved",
      proposed.row.id,
    );
  });
}
