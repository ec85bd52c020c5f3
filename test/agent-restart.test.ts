/**
 * Start-up fails the agent runs a crashed process left `running` once their lease has run out,
 * and leaves a run whose lease is still held alone.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { getAgentRun, insertAgentRun } from "../src/storage/agent.js";
import { openDatabase } from "../src/storage/index.js";
import { startTestService, type TestService } from "./support/service.js";

let t: TestService | undefined;
afterAll(() => t?.stop());

it("fails interrupted agent runs at start-up, and only those whose lease ran out", async () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "centerline-agent-")), "c.db");
  const db = openDatabase(databasePath);
  const run = (id: string, leaseUntil: Date) =>
    insertAgentRun(db, {
      id,
      jobId: 1,
      job: "late_pickup",
      centerId: "center_001",
      triggerEventId: null,
      promptId: "p",
      promptVersion: "1",
      model: "m",
      leaseOwner: "crashed-instance",
      leaseUntil: leaseUntil.toISOString(),
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
  run("run-expired", new Date(Date.now() - 60_000));
  run("run-held", new Date(Date.now() + 3_600_000));
  db.$client.close();

  t = await startTestService({ databasePath });
  expect(getAgentRun(t.service.ctx.db, "run-expired")).toMatchObject({
    status: "failed",
    endReason: "interrupted",
    leaseOwner: null,
  });
  expect(getAgentRun(t.service.ctx.db, "run-held")).toMatchObject({
    status: "running",
    leaseOwner: "crashed-instance",
  });
});
