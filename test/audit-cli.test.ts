/**
 * `npm run -s cli -- audit verify|export` as a person runs it: a real process on a database file.
 * Exit 0 for an intact chain, 1 naming the first broken entry (after someone with the file drops
 * the triggers and edits it), 2 for a file that is not there; the exports parse back.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../src/audit/index.js";
import { openDatabase } from "../src/storage/index.js";
import { parseCsv } from "./support/csv.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "centerline-audit-cli-"));
const dbPath = join(dir, "audit.db");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // `npm run -s cli` is `tsx src/cli/main.ts`; node with tsx's loader is the same, minus npm.
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "audit", ...args],
      {
        env: { ...process.env, DATABASE_PATH: join(dir, "not-this-one.db") },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  const db = openDatabase(dbPath);
  for (let i = 1; i <= 6; i++) {
    appendAudit(
      db,
      {
        actor: "system:alerts",
        action: i === 4 ? "outbox.sent" : "alert.opened",
        centerId: i % 2 ? "center_001" : "center_002",
        subject: `alert:${i}`,
        sourceIds: [`procare:evt_${i}`],
        correlationId: `procare:evt_${i}`,
        data: { note: i === 3 ? 'a "quoted", comma\nand newline' : `entry ${i}` },
      },
      new Date(Date.UTC(2026, 10, 22 + Math.floor(i / 3), 12, i)).toISOString(),
    );
  }
  db.$client.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("audit CLI", () => {
  it("verify: OK with the count and last hash, exit 0", async () => {
    const { code, stdout } = await cli("verify", "--db", dbPath);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: 6 entries, last seq 6, last hash [0-9a-f]{64}\n$/);
  }, 60_000);

  it("export csv --out: RFC 4180 with a header, the day's entries, the tricky value intact", async () => {
    const out = join(dir, "export.csv");
    const { code } = await cli(
      "export",
      "--db",
      dbPath,
      "--from",
      "2026-11-23",
      "--to",
      "2026-11-23",
      "--format",
      "csv",
      "--out",
      out,
    );
    expect(code).toBe(0);
    const [note, header, ...records] = parseCsv(readFileSync(out, "utf8"));
    expect(note?.[0]).toMatch(/data for hash verification; not for a spreadsheet/);
    expect(header?.[0]).toBe("seq");
    // i = 3, 4, 5 fall on the 23rd (UTC).
    expect(records.map((r) => r[0])).toEqual(["3", "4", "5"]);
    const data = records[0]?.[header?.indexOf("data") ?? -1] ?? "";
    expect(JSON.parse(data)).toEqual({ note: 'a "quoted", comma\nand newline' });
  }, 60_000);

  it("export json to stdout: range, chain and the center's entries", async () => {
    const { code, stdout } = await cli(
      "export",
      "--db",
      dbPath,
      "--from",
      "2026-11-22",
      "--to",
      "2026-11-24",
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      range: { from: string; to: string };
      chain: { ok: boolean; entries: number };
      entries: { seq: number; centerId: string }[];
    };
    expect(parsed.range).toMatchObject({ from: "2026-11-22", to: "2026-11-24" });
    expect(parsed.chain).toMatchObject({ ok: true, entries: 6 });
    expect(parsed.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);

  it("verify names the first broken entry and exits 1 after tampering", async () => {
    const db = openDatabase(dbPath);
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client
      .prepare(`UPDATE audit_log SET data = '{"note":"nothing happened"}' WHERE seq = 4`)
      .run();
    db.$client.close();
    const { code, stdout } = await cli("verify", "--db", dbPath);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^BROKEN at seq 4 \(outbox\.sent at 2026-11-23T12:04:00\.000Z\): hash mismatch/,
    );
  }, 60_000);

  it("exits 2 naming the problem for a missing file or a bad option", async () => {
    const missing = await cli("verify", "--db", join(dir, "missing.db"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--db: cannot open/);
    const badFormat = await cli(
      "export",
      "--db",
      dbPath,
      "--from",
      "2026-11-22",
      "--to",
      "2026-11-22",
      "--format",
      "xml",
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/^--format:/m);
  }, 60_000);
});
