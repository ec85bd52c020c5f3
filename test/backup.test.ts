/**
 * Backups as an operator takes and restores them: `cli backup FILE` on the database of a running
 * service, then the copy put in place of a lost database: its audit chain verifies and the service
 * starts on it with the same centers, users and audit trail. Scheduled backups keep the newest N.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, scheduledBackup } from "../src/storage/index.js";
import { startTestService, type TestService } from "./support/service.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "centerline-backup-"));

async function cli(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const count = (db: ReturnType<typeof openDatabase>, table: string) =>
  db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))?.n ?? 0;

const services: TestService[] = [];
afterAll(async () => {
  for (const t of services) await t.service.stop();
});

describe("backup and restore", () => {
  it("backs up a running service's database, and the restored copy verifies and starts", async () => {
    const original = join(dir, "live.db");
    const t = await startTestService({ databasePath: original });
    services.push(t);
    const before = openDatabase(original);
    const audit = count(before, "audit_log");
    const users = count(before, "users");
    before.$client.close();
    expect(audit).toBeGreaterThan(0);

    const file = join(dir, "copies", "tonight.db");
    const backup = await cli({ DATABASE_PATH: original }, "backup", file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backed up \d+ pages to .*tonight\.db/);
    expect(existsSync(`${file}.partial`)).toBe(false);

    await t.service.stop();
    services.pop();

    const restored = join(dir, "restored.db");
    copyFileSync(file, restored);
    const verify = await cli({ DATABASE_PATH: restored }, "audit", "verify", "--db", restored);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);

    const again = await startTestService({ databasePath: restored });
    services.push(again);
    expect((await fetch(`${again.service.url}/readyz`)).status).toBe(200);
    const centers = (await (await again.api("/api/centers")).json()) as { centers: unknown[] };
    expect(centers.centers.length).toBeGreaterThan(0);
    const after = openDatabase(restored);
    expect(count(after, "audit_log")).toBeGreaterThanOrEqual(audit);
    expect(count(after, "users")).toBe(users);
    after.$client.close();
  }, 120_000);

  it("refuses a backup command without a file", async () => {
    const result = await cli({ DATABASE_PATH: join(dir, "x.db") }, "backup");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: cli backup FILE/);
  }, 60_000);

  it("keeps only the newest scheduled backups", async () => {
    const db = openDatabase(join(dir, "scheduled.db"));
    const into = join(dir, "scheduled");
    const days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];
    let removed: string[] = [];
    for (const day of days) {
      ({ removed } = await scheduledBackup(db, into, 2, new Date(`${day}T02:00:00Z`)));
    }
    db.$client.close();
    expect(readdirSync(into).sort()).toEqual([
      "centerline-20261203T020000Z.db",
      "centerline-20261204T020000Z.db",
    ]);
    expect(removed.map((f) => f.split("/").at(-1))).toEqual(["centerline-20261202T020000Z.db"]);
  });
});
