/**
 * The audit anchors end to end: a real service with AUDIT_ANCHOR_KEY writes a signed start and
 * shutdown head to a file outside its data directory; `audit verify --anchor` (a real process)
 * passes that chain, and fails it after someone with the file appends a well-formed forged
 * approval while the service is stopped (the database's triggers in place).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { appendAudit } from "../src/audit/index.js";
import { openDatabase } from "../src/storage/index.js";
import { startTestService } from "./support/service.js";

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "centerline-anchor-"));
const databasePath = join(root, "data", "centerline.db");
const anchorPath = join(root, "anchors.jsonl");
const KEY = "anchor-key-for-tests-0123456789abcdef";

async function verify(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "audit", "verify", "--db", databasePath, ...args],
      { env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("audit anchors", () => {
  it("anchors start and shutdown, verifies, then catches an append made while stopped", async () => {
    const t = await startTestService({
      databasePath,
      env: { AUDIT_ANCHOR_KEY: KEY, AUDIT_ANCHOR_PATH: anchorPath },
    });
    await t.stop();
    const lines = readFileSync(anchorPath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(["start", "shutdown"]);
    expect(lines[1].seq).toBeGreaterThan(0);
    expect(lines[1].mac).toMatch(/^[0-9a-f]{64}$/);

    const intact = await verify({ AUDIT_ANCHOR_KEY: KEY }, "--anchor", anchorPath);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(
      /\nANCHORS OK: 2 anchors; the newest \(shutdown at .+\) covers seq \d+; 0 entries written since\n$/,
    );

    const db = openDatabase(databasePath);
    appendAudit(
      db,
      {
        actor: "user:director",
        action: "approval.approved",
        centerId: "center_001",
        subject: "approval:1",
        sourceIds: [],
        correlationId: null,
        data: {},
      },
      new Date().toISOString(),
    );
    db.$client.close();
    const forged = await verify({ AUDIT_ANCHOR_KEY: KEY }, "--anchor", anchorPath);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/^OK: /);
    expect(forged.stdout).toMatch(/ANCHOR MISMATCH \(appended while stopped\) at seq \d+/);

    const noKey = await verify({ AUDIT_ANCHOR_KEY: "" }, "--anchor", anchorPath);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/AUDIT_ANCHOR_KEY/);
  }, 120_000);
});
