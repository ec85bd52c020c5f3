/**
 * @module approvals/fixtures
 * Test fixtures for the approvals tests: a sandbox chain (one Procare, one Kangarootime center)
 * with platform clients that call its fake APIs in-process, principals for every role, and
 * proposals of each kind built from the sandbox's invented people. Not used by the service.
 */
import type { Membership, Principal, Role } from "../auth/principal.js";
import { createChannelSenders } from "../channels/index.js";
import { silentLogger } from "../logging/index.js";
import { createOutboxWorker, type OutboxWorkerOptions } from "../outbox/worker.js";
import { createKangarootimeClient, createProcareClient } from "../platforms/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { createSandbox, type Sandbox } from "../sandbox/index.js";
import type { Db } from "../storage/db.js";
import type { ApprovalDeps } from "./decide.js";
import { recordPlatformOutcome } from "./execute.js";
import type { ApprovalKind } from "./kinds.js";
import type { PlatformCall } from "./platform-call.js";
import type { Proposal } from "./propose.js";

export const NOW = new Date("2026-11-23T17:00:00.000Z");

export function sandboxChain(): {
  sandbox: Sandbox;
  clients: PlatformClient[];
  platformFor: (centerId: string) => PlatformClient | undefined;
} {
  const sandbox = createSandbox({ date: "2026-11-23", centers: 2, apiKey: "test-key" });
  const fetch: typeof globalThis.fetch = async (input, init) =>
    sandbox.api.fetch(new Request(input, init));
  const options = { apiKey: "test-key", fetch, sleep: async () => {}, maxRetries: 0 };
  const procare = createProcareClient({
    ...options,
    baseUrl: "http://sandbox.test/sandbox/procare",
  });
  const kangarootime = createKangarootimeClient({
    ...options,
    baseUrl: "http://sandbox.test/sandbox/kangarootime",
  });
  const byCenter = new Map(
    sandbox.world.centers.map((c) => [c.id, c.provider === "procare" ? procare : kangarootime]),
  );
  return { sandbox, clients: [procare, kangarootime], platformFor: (id) => byCenter.get(id) };
}

/** The people and places of one sandbox center that proposals refer to. */
export function centerFacts(sandbox: Sandbox, index = 0) {
  const center = sandbox.world.centers[index]!;
  const child = center.children[0]!;
  return {
    centerId: center.id,
    roomId: child.homeRoomId,
    otherRoomId: center.rooms.find((r) => r.id !== child.homeRoomId)!.id,
    childId: child.id,
    familyId: child.familyId,
    staffId: center.staff[0]!.id,
  };
}

export type Facts = ReturnType<typeof centerFacts>;

export function principal(
  role: Role,
  centerId: string,
  options: { roomIds?: string[]; scopes?: Principal["scopes"]; id?: string } = {},
): Principal {
  const membership: Membership = { centerId, role, roomIds: options.roomIds ?? [] };
  return {
    kind: "session",
    actor: `user:${options.id ?? role}`,
    userId: options.id ?? role,
    name: role,
    memberships: [membership],
    scopes: options.scopes ?? ["read", "write"],
  };
}

/** The platform call each kind makes in these tests (review summaries make none). */
export function callFor(kind: ApprovalKind, f: Facts): PlatformCall | null {
  const centerId = f.centerId;
  switch (kind) {
    case "family_message":
      return {
        centerId,
        op: "message.send",
        familyId: f.familyId,
        childId: f.childId,
        subject: "Late pick-up today",
        body: "Pick-up was at 18:20, after the 18:00 close. A late fee of $20 applies.",
      };
    case "note":
    case "incident_triage":
      return {
        centerId,
        op: "note.create",
        childId: f.childId,
        body: "Bumped knee at 10:05; ice.",
      };
    case "task":
      return {
        centerId,
        op: "task.create",
        title: "Restock diapers",
        description: "Toddler room is low.",
        assignedTo: "director",
        dueDate: null,
      };
    case "staff_reassignment":
      return {
        centerId,
        op: "staff.assign",
        staffId: f.staffId,
        roomId: f.otherRoomId,
        at: "2026-11-23T17:30:00.000Z",
        reason: "Cover the 09:30 break.",
      };
    case "structured_log":
      return {
        centerId,
        op: "log.create",
        childId: f.childId,
        entries: [
          {
            type: "nap",
            start: "2026-11-23T19:00:00.000Z",
            end: "2026-11-23T20:30:00.000Z",
            detail: "slept well",
          },
        ],
      };
    case "payroll_correction":
      return {
        centerId,
        op: "payroll.correct",
        staffId: f.staffId,
        timecardId: "tc_1",
        clockIn: "2026-11-23T14:00:00.000Z",
        clockOut: "2026-11-23T22:00:00.000Z",
        reason: "Forgot to clock out; confirmed with the director.",
      };
    case "review_summary":
      return null;
  }
}

let seq = 0;

/** A proposal of `kind` in the facts' center and room, with its own dedupe key. */
export function proposal(kind: ApprovalKind, f: Facts, over: Partial<Proposal> = {}): Proposal {
  const call = callFor(kind, f);
  const draft: Record<string, unknown> =
    call === null
      ? { summary: "Week of 2026-11-16: two near-misses, both covered within 5 minutes." }
      : call.op === "message.send"
        ? { subject: call.subject, body: call.body }
        : { ...call };
  seq += 1;
  return {
    kind,
    centerId: f.centerId,
    roomId: f.roomId,
    subject: `child:${f.childId}`,
    title: `${kind} ${seq}`,
    draftSource: "model",
    draft,
    platformCall: call,
    context: { facts: ["synthetic"] },
    dedupeKey: `test:${kind}:${seq}`,
    agentRunId: "run_1",
    promptId: `${kind}.draft`,
    promptVersion: "1",
    triggerEventId: `evt_${seq}`,
    expiresAt: null,
    actor: "agent:run_1",
    ...over,
  };
}

export function deps(db: Db, now: Date = NOW): ApprovalDeps {
  return { db, clock: () => now, wallClock: () => now };
}

/** An outbox worker with the service's senders and the approval hook, on a settable clock. */
export function worker(
  db: Db,
  platformFor: (centerId: string) => PlatformClient | undefined,
  clock: { now: Date },
  over: Partial<OutboxWorkerOptions> = {},
) {
  return createOutboxWorker({
    db,
    logger: silentLogger,
    wallClock: () => clock.now,
    senders: createChannelSenders({ db, wallClock: () => clock.now, platformFor }),
    onFinished: recordPlatformOutcome,
    random: () => 0.5,
    ...over,
  });
}
