import { beforeEach, describe, expect, it } from "vitest";
import { createPlatformCallSender } from "../channels/platform-call.js";
import { AppError } from "../errors/index.js";
import type { PlatformClient } from "../platforms/types.js";
import type { Sandbox } from "../sandbox/index.js";
import { getApproval } from "../storage/approvals.js";
import { type Db, openDatabase } from "../storage/db.js";
import { claimNextOutbox, enqueueOutbox, getOutbox } from "../storage/outbox.js";
import { auditLog } from "../storage/schema.js";
import { decideApproval } from "./decide.js";
import {
  centerFacts,
  deps,
  type Facts,
  NOW,
  principal,
  proposal,
  sandboxChain,
  worker,
} from "./fixtures.js";
import type { ApprovalKind } from "./kinds.js";
import { proposeApproval } from "./propose.js";

let db: Db;
let sandbox: Sandbox;
let platformFor: (centerId: string) => PlatformClient | undefined;
let clock: { now: Date };

beforeEach(() => {
  db = openDatabase(":memory:");
  ({ sandbox, platformFor } = sandboxChain());
  clock = { now: NOW };
});

const later = (ms: number) => new Date(clock.now.getTime() + ms);
const platformWrites = () =>
  db
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.action === "platform.write");

function approve(kind: ApprovalKind, f: Facts, edited?: Record<string, unknown>) {
  const { row } = proposeApproval(db, proposal(kind, f), NOW.toISOString());
  const director = principal("director", f.centerId);
  const result = decideApproval(deps(db), director, {
    approvalId: row.id,
    contentHash: row.contentHash,
    action: "approve",
    ...(edited ? { edited } : {}),
  });
  if (!result.ok) throw result.error;
  return result.value;
}

describe("executing an approved platform call", () => {
  it("sends an approved family message once and marks the approval executed with the record id", async () => {
    const f = centerFacts(sandbox, 0);
    const { approval } = approve("family_message", f);
    const summary = await worker(db, platformFor, clock).runDue();
    expect(summary.sent).toBe(1);

    const sent = sandbox.outbox().filter((e) => e.kind === "message");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      provider: "procare",
      idempotencyKey: approval.idempotencyKey,
      body: { center_id: f.centerId, family_id: f.familyId, subject: "Late pick-up today" },
    });
    expect(getApproval(db, approval.id)).toMatchObject({
      state: "executed",
      executedAt: NOW.toISOString(),
      platformRecordId: sent[0]!.id,
      lastError: null,
    });
    expect(platformWrites()).toHaveLength(1);
    expect(platformWrites()[0]!.data).toMatchObject({
      outcome: "succeeded",
      recordId: sent[0]!.id,
    });
  });

  it("sends the edited words, not the draft (Kangarootime's shapes)", async () => {
    const f = centerFacts(sandbox, 1);
    const body = "Pick-up was at 18:20, after our 18:00 close. The late fee is $20.";
    approve("family_message", f, { body });
    await worker(db, platformFor, clock).runDue();
    const sent = sandbox.outbox().filter((e) => e.kind === "message");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      provider: "kangarootime",
      body: { title: "Late pick-up today", text: body },
    });
  });

  it("makes every kind's call against both platforms", async () => {
    const kinds: ApprovalKind[] = [
      "note",
      "task",
      "staff_reassignment",
      "structured_log",
      "payroll_correction",
    ];
    for (const index of [0, 1]) {
      const f = centerFacts(sandbox, index);
      for (const kind of kinds) approve(kind, f);
    }
    const summary = await worker(db, platformFor, clock).runDue();
    expect(summary).toMatchObject({ sent: 10, failed: 0 });
    const byKind = (provider: string) =>
      sandbox
        .outbox()
        .filter((e) => e.provider === provider)
        .map((e) => e.kind)
        .sort();
    const expected = ["daily_log", "note", "staff_assignment", "task", "timecard_correction"];
    expect(byKind("procare")).toEqual(expected);
    expect(byKind("kangarootime")).toEqual(expected);
    const correction = sandbox.outbox().find((e) => e.kind === "timecard_correction")!;
    expect(correction.body).toMatchObject({
      timecard_id: "tc_1",
      staff_id: centerFacts(sandbox, 0).staffId,
    });
  });

  it("a crash between the platform's answer and recording it re-sends with the same key: one message", async () => {
    const f = centerFacts(sandbox, 0);
    const { approval } = approve("family_message", f);
    // A worker claims the row and makes the call, then dies before recording the outcome.
    const row = claimNextOutbox(db, {
      owner: "dead-worker",
      now: clock.now.toISOString(),
      leaseUntil: later(120_000).toISOString(),
    })!;
    const first = await createPlatformCallSender({ db, platformFor })(row);
    expect(first.ok).toBe(true);
    expect(sandbox.outbox().filter((e) => e.kind === "message")).toHaveLength(1);
    expect(getApproval(db, approval.id)?.state).toBe("executing");

    // A restarted worker leaves the row alone while the dead one's lease holds…
    const restarted = worker(db, platformFor, clock);
    expect((await restarted.runDue()).sent).toBe(0);
    // …then takes it over and sends again with the approval's key: the platform replays.
    clock.now = later(121_000);
    expect((await restarted.runDue()).sent).toBe(1);

    const sent = sandbox.outbox().filter((e) => e.kind === "message");
    expect(sent).toHaveLength(1);
    expect(getApproval(db, approval.id)).toMatchObject({
      state: "executed",
      platformRecordId: sent[0]!.id,
    });
    expect(getOutbox(db, approval.outboxId!)).toMatchObject({ status: "sent", attempts: 2 });
    expect(first.ok && first.recordId).toBe(sent[0]!.id);
  });

  it("retries a failing platform with backoff, then fails with the platform's error visible", async () => {
    const f = centerFacts(sandbox, 0);
    const { approval } = approve("family_message", f);
    let calls = 0;
    const down: PlatformClient = {
      ...platformFor(f.centerId)!,
      sendFamilyMessage: async () => {
        calls++;
        throw new AppError(
          "platform_error",
          "POST /api/v1/messages failed with HTTP 503 after 1 attempt(s)",
          {
            status: 503,
            body: '{"error":{"code":"unavailable","message":"maintenance window"}}',
          },
        );
      },
    };
    const w = worker(db, () => down, clock, { maxAttempts: 3, baseDelayMs: 1_000 });

    expect((await w.runDue()).retrying).toBe(1);
    const afterFirst = getApproval(db, approval.id)!;
    expect(afterFirst.state).toBe("executing");
    expect(afterFirst.lastError).toMatch(/HTTP 503.*maintenance window/);
    // Not due again before the backoff (1 s step, equal jitter at 0.5: 750 ms).
    const next = Date.parse(getOutbox(db, approval.outboxId!)!.nextAttemptAt);
    expect(next - clock.now.getTime()).toBe(750);
    clock.now = later(500);
    expect((await w.runDue()).retrying).toBe(0);
    expect(calls).toBe(1);

    clock.now = later(1_000);
    expect((await w.runDue()).retrying).toBe(1);
    clock.now = later(5_000);
    expect((await w.runDue()).failed).toBe(1);
    expect(calls).toBe(3);

    const failed = getApproval(db, approval.id)!;
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toMatch(/HTTP 503.*maintenance window.*gave up after 3 attempts/);
    expect(platformWrites().map((a) => [a.data.outcome, a.data.retrying])).toEqual([
      ["failed", true],
      ["failed", true],
      ["failed", false],
    ]);
    clock.now = later(3_600_000);
    expect((await w.runDue()).sent).toBe(0);
    expect(calls).toBe(3);
  });

  it("a platform refusal (4xx) fails at once with the platform's message", async () => {
    const f = { ...centerFacts(sandbox, 0), familyId: "fam_not_here" };
    const { approval } = approve("family_message", f);
    expect((await worker(db, platformFor, clock).runDue()).failed).toBe(1);
    expect(getApproval(db, approval.id)).toMatchObject({ state: "failed" });
    expect(getApproval(db, approval.id)?.lastError).toMatch(/HTTP 404.*no family fam_not_here/);
    expect(sandbox.outbox()).toHaveLength(0);
  });

  it("refuses to send a platform row that no executing approval is waiting on", async () => {
    const f = centerFacts(sandbox, 0);
    enqueueOutbox(
      db,
      [
        {
          alertId: null,
          approvalId: null,
          centerId: f.centerId,
          channel: "platform",
          recipient: "message.send",
          payload: { centerId: f.centerId, op: "message.send" },
          idempotencyKey: "stray",
          status: "pending",
        },
      ],
      NOW.toISOString(),
    );
    expect((await worker(db, platformFor, clock).runDue()).failed).toBe(1);
    expect(sandbox.outbox()).toHaveLength(0);
  });
});
