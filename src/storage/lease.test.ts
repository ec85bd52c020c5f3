import { describe, expect, it } from "vitest";
import { claimAgentJob, enqueueAgentJob, finishAgentJob, listAgentJobs } from "./agent-jobs.js";
import { openDatabase } from "./db.js";

const T0 = "2026-11-23T15:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function job(key: string, runAfter: string) {
  return {
    job: "late_pickup",
    centerId: "ctr_maple",
    dedupeKey: key,
    input: {},
    triggerEventId: null,
    runAfter,
  };
}

// The drafting queue through the shared lease helper (the outbox's use is covered by its worker tests).
describe("leased claims (agent job queue)", () => {
  it("claims due rows earliest first, skips rows not yet due, and counts attempts", () => {
    const db = openDatabase(":memory:");
    enqueueAgentJob(db, job("later", at(10)), T0);
    enqueueAgentJob(db, job("first", at(0)), T0);
    enqueueAgentJob(db, job("future", at(600)), T0);
    const a = claimAgentJob(db, { owner: "w1", now: at(20), leaseUntil: at(80) });
    const b = claimAgentJob(db, { owner: "w2", now: at(20), leaseUntil: at(80) });
    const none = claimAgentJob(db, { owner: "w3", now: at(20), leaseUntil: at(80) });
    expect(a).toMatchObject({
      dedupeKey: "first",
      state: "running",
      leaseOwner: "w1",
      attempts: 1,
    });
    expect(b).toMatchObject({ dedupeKey: "later", leaseOwner: "w2", leaseUntil: at(80) });
    expect(none).toBeUndefined();
  });

  it("re-claims a row whose lease ran out, and the old holder can no longer finish it", () => {
    const db = openDatabase(":memory:");
    enqueueAgentJob(db, job("k", T0), T0);
    const dead = claimAgentJob(db, { owner: "dead", now: T0, leaseUntil: at(30) });
    expect(claimAgentJob(db, { owner: "w2", now: at(30), leaseUntil: at(90) })).toBeUndefined();
    const taken = claimAgentJob(db, { owner: "w2", now: at(31), leaseUntil: at(90) });
    expect(taken).toMatchObject({ id: dead?.id, leaseOwner: "w2", attempts: 2 });
    expect(finishAgentJob(db, taken!.id, "dead", { state: "done", at: at(40) })).toBe(false);
    expect(finishAgentJob(db, taken!.id, "w2", { state: "done", at: at(41) })).toBe(true);
    expect(listAgentJobs(db)[0]).toMatchObject({
      state: "done",
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: at(41),
    });
  });

  it("a release back to pending waits until its retry time", () => {
    const db = openDatabase(":memory:");
    enqueueAgentJob(db, job("k", T0), T0);
    const row = claimAgentJob(db, { owner: "w1", now: T0, leaseUntil: at(30) });
    finishAgentJob(db, row!.id, "w1", {
      state: "pending",
      at: at(5),
      error: "429",
      retryAt: at(60),
    });
    expect(listAgentJobs(db)[0]).toMatchObject({
      state: "pending",
      lastError: "429",
      runAfter: at(60),
    });
    expect(claimAgentJob(db, { owner: "w1", now: at(59), leaseUntil: at(90) })).toBeUndefined();
    expect(claimAgentJob(db, { owner: "w1", now: at(60), leaseUntil: at(90) })).toMatchObject({
      attempts: 2,
    });
  });
});
