import { beforeEach, describe, expect, it } from "vitest";
import { getApproval } from "../storage/approvals.js";
import { type Db, openDatabase } from "../storage/db.js";
import { listOutbox } from "../storage/outbox.js";
import { auditLog } from "../storage/schema.js";
import { bulkApprove, decideApproval } from "./decide.js";
import { expireApprovals } from "./expire.js";
import { deps, type Facts, NOW, principal, proposal } from "./fixtures.js";
import { contentHash } from "./hash.js";
import type { ApprovalKind } from "./kinds.js";
import { proposeApproval } from "./propose.js";

const f: Facts = {
  centerId: "ctr_1",
  roomId: "rm_1",
  otherRoomId: "rm_2",
  childId: "ch_1",
  familyId: "fam_1",
  staffId: "st_1",
};
const director = principal("director", f.centerId);

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});

function propose(kind: ApprovalKind, over = {}) {
  return proposeApproval(db, proposal(kind, f, over), NOW.toISOString()).row;
}
const audit = () => db.select().from(auditLog).all();

describe("decideApproval", () => {
  it("approving queues exactly one platform call and moves the approval to executing", () => {
    const row = propose("family_message");
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(result.ok).toBe(true);
    const stored = getApproval(db, row.id)!;
    expect(stored).toMatchObject({ state: "executing", decidedBy: "user:director", edited: null });
    const rows = listOutbox(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "platform",
      approvalId: row.id,
      idempotencyKey: row.idempotencyKey,
      payload: row.platformCall,
      status: "pending",
    });
    expect(stored.outboxId).toBe(rows[0]!.id);
    const entry = audit().find((a) => a.action === "approval.approved")!;
    expect(entry).toMatchObject({
      actor: "user:director",
      subject: `approval:${row.id}`,
      correlationId: row.triggerEventId,
    });
    expect(entry.data).toMatchObject({ decidedHash: row.contentHash, decision: "approved" });
  });

  it("a double click approves once: the second decision is refused and nothing more is queued", () => {
    const row = propose("family_message");
    const decision = {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve" as const,
    };
    expect(decideApproval(deps(db), director, decision).ok).toBe(true);
    const second = decideApproval(deps(db), director, decision);
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error.code).toBe("conflict");
    expect(!second.ok && second.error.message).toMatch(/no longer pending/);
    expect(listOutbox(db)).toHaveLength(1);
    expect(audit().filter((a) => a.action === "approval.approved")).toHaveLength(1);
  });

  it("refuses a stale content hash and changes nothing", () => {
    const row = propose("family_message");
    const stale = contentHash({
      kind: row.kind,
      draft: { body: "older" },
      edited: null,
      platformCall: null,
    });
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: stale,
      action: "approve",
    });
    expect(!result.ok && result.error.code).toBe("conflict");
    expect(!result.ok && result.error.details.field).toBe("contentHash");
    expect(getApproval(db, row.id)?.state).toBe("pending");
    expect(listOutbox(db)).toHaveLength(0);
  });

  it("refuses an approval whose stored content no longer matches its hash", () => {
    const row = propose("family_message");
    db.$client
      .prepare("UPDATE approvals SET draft = ? WHERE id = ?")
      .run('{"body":"tampered"}', row.id);
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(!result.ok && result.error.code).toBe("conflict");
    expect(listOutbox(db)).toHaveLength(0);
  });

  it("a lead teacher may not approve a family message (forbidden), even in their own room", () => {
    const row = propose("family_message");
    const lead = principal("lead_teacher", f.centerId, { roomIds: [f.roomId] });
    const result = decideApproval(deps(db), lead, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(!result.ok && result.error.code).toBe("forbidden");
    expect(getApproval(db, row.id)?.state).toBe("pending");
  });

  it("the room's lead teacher approves its structured log", () => {
    const row = propose("structured_log");
    const lead = principal("lead_teacher", f.centerId, { roomIds: [f.roomId] });
    const result = decideApproval(deps(db), lead, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(result.ok && result.value.approval.state).toBe("executing");
  });

  it("someone from another center gets not_found, as if the approval did not exist", () => {
    const row = propose("family_message");
    const other = principal("director", "ctr_other");
    const result = decideApproval(deps(db), other, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(!result.ok && result.error.code).toBe("not_found");
    const missing = decideApproval(deps(db), other, {
      approvalId: 9999,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(!missing.ok && missing.error.message).toBe(
      !result.ok && result.error.message.replace(String(row.id), "9999"),
    );
  });

  it("a rejection needs a reason, and a rejected item sends nothing", () => {
    const row = propose("family_message");
    const noReason = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "reject",
    });
    expect(!noReason.ok && noReason.error).toMatchObject({ code: "bad_request" });
    expect(!noReason.ok && noReason.error.details.field).toBe("reason");
    const blank = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "reject",
      reason: "   ",
    });
    expect(blank.ok).toBe(false);

    const rejected = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "reject",
      reason: "Tone is wrong; I will call the family.",
    });
    expect(rejected.ok && rejected.value.approval).toMatchObject({
      state: "rejected",
      decisionReason: "Tone is wrong; I will call the family.",
      outboxId: null,
    });
    expect(listOutbox(db)).toHaveLength(0);
    expect(audit().find((a) => a.action === "approval.rejected")?.data).toMatchObject({
      reason: "Tone is wrong; I will call the family.",
    });
  });

  it("an edit is substituted into the platform call; the draft is kept; the diff is audited", () => {
    const row = propose("family_message");
    const body = "Pick-up was at 18:20. A late fee of $20 applies, as in the handbook.";
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
      edited: { body },
    });
    expect(result.ok).toBe(true);
    const stored = getApproval(db, row.id)!;
    expect(stored.state).toBe("executing");
    expect(stored.draft).toEqual(row.draft);
    expect(stored.edited).toEqual({ subject: "Late pick-up today", body });
    expect(stored.platformCall).toMatchObject({
      op: "message.send",
      body,
      subject: "Late pick-up today",
    });
    expect(listOutbox(db)[0]!.payload).toMatchObject({ body });
    expect(stored.contentHash).toBe(
      contentHash({
        kind: stored.kind,
        draft: stored.draft,
        edited: stored.edited,
        platformCall: stored.platformCall,
      }),
    );
    const entry = audit().find((a) => a.action === "approval.edited_and_approved")!;
    expect(entry.data).toMatchObject({
      decidedHash: row.contentHash,
      diff: { body: { from: (row.platformCall as { body: string }).body, to: body } },
    });
  });

  it("refuses an edit to a field the kind does not allow, or an invalid one", () => {
    const row = propose("family_message");
    const decision = {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve" as const,
    };
    const wrongField = decideApproval(deps(db), director, { ...decision, edited: { reason: "x" } });
    expect(!wrongField.ok && wrongField.error.details.field).toBe("edited.reason");
    const unknown = decideApproval(deps(db), director, {
      ...decision,
      edited: { familyId: "fam_2" } as never,
    });
    expect(!unknown.ok && unknown.error.code).toBe("bad_request");
    const empty = decideApproval(deps(db), director, { ...decision, edited: { body: "  " } });
    expect(!empty.ok && empty.error.details.field).toBe("edited.body");
    const log = propose("structured_log");
    const backwards = decideApproval(deps(db), director, {
      approvalId: log.id,
      contentHash: log.contentHash,
      action: "approve",
      edited: {
        entries: [
          {
            type: "nap",
            start: "2026-11-23T20:00:00.000Z",
            end: "2026-11-23T19:00:00.000Z",
            detail: "",
          },
        ],
      },
    });
    expect(!backwards.ok && backwards.error.details.field).toBe("edited.entries.0.end");
    expect(listOutbox(db)).toHaveLength(0);
  });

  it("an edit identical to the draft is a plain approval", () => {
    const row = propose("note");
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
      edited: { body: (row.platformCall as { body: string }).body },
    });
    expect(result.ok && result.value.approval.edited).toBeNull();
    expect(audit().some((a) => a.action === "approval.approved")).toBe(true);
  });

  it("a review summary (no platform call) ends at approved or edited_and_approved", () => {
    const row = propose("review_summary");
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
      edited: { summary: "Week of 2026-11-16: two near-misses, covered within 5 minutes each." },
    });
    expect(result.ok && result.value.approval.state).toBe("edited_and_approved");
    expect(result.ok && result.value.outboxId).toBeNull();
    expect(listOutbox(db)).toHaveLength(0);
  });

  it("refuses an approval past its expiry even before the expiry job ran", () => {
    const row = propose("family_message", { expiresAt: "2026-11-23T16:00:00.000Z" });
    const result = decideApproval(deps(db), director, {
      approvalId: row.id,
      contentHash: row.contentHash,
      action: "approve",
    });
    expect(!result.ok && result.error.code).toBe("conflict");
    expect(listOutbox(db)).toHaveLength(0);
  });
});

describe("expireApprovals", () => {
  it("expires pending approvals past expires_at, audited, and leaves the rest", () => {
    const due = propose("family_message", { expiresAt: "2026-11-23T16:59:59.000Z" });
    const later = propose("family_message", { expiresAt: "2026-11-23T18:00:00.000Z" });
    const never = propose("note");
    const decided = propose("note", { expiresAt: "2026-11-23T16:00:00.000Z" });
    decideApproval(deps(db, new Date("2026-11-23T15:00:00.000Z")), director, {
      approvalId: decided.id,
      contentHash: decided.contentHash,
      action: "reject",
      reason: "not needed",
    });

    expect(expireApprovals(db, NOW)).toEqual([due.id]);
    expect(getApproval(db, due.id)?.state).toBe("expired");
    expect(getApproval(db, later.id)?.state).toBe("pending");
    expect(getApproval(db, never.id)?.state).toBe("pending");
    expect(getApproval(db, decided.id)?.state).toBe("rejected");
    expect(
      audit()
        .filter((a) => a.action === "approval.expired")
        .map((a) => a.subject),
    ).toEqual([`approval:${due.id}`]);
    expect(expireApprovals(db, NOW)).toEqual([]);
  });
});

describe("bulkApprove", () => {
  it("approves low-risk kinds and refuses the others, item by item", () => {
    const log = propose("structured_log");
    const note = propose("note");
    const message = propose("family_message");
    const results = bulkApprove(deps(db), director, [
      { approvalId: log.id, contentHash: log.contentHash },
      { approvalId: message.id, contentHash: message.contentHash },
      { approvalId: note.id, contentHash: "0".repeat(64) },
    ]);
    expect(results[0]).toMatchObject({ approvalId: log.id, ok: true, state: "executing" });
    expect(results[1]).toMatchObject({
      approvalId: message.id,
      ok: false,
      error: { code: "forbidden" },
    });
    expect(results[2]).toMatchObject({
      approvalId: note.id,
      ok: false,
      error: { code: "conflict" },
    });
    expect(getApproval(db, message.id)?.state).toBe("pending");
    expect(getApproval(db, note.id)?.state).toBe("pending");
    expect(listOutbox(db).map((r) => r.approvalId)).toEqual([log.id]);
  });

  it("checks the role on each item: an auditor approves nothing", () => {
    const log = propose("structured_log");
    const auditor = principal("auditor", f.centerId);
    const [result] = bulkApprove(deps(db), auditor, [
      { approvalId: log.id, contentHash: log.contentHash },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
