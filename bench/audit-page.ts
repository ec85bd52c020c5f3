/**
 * The audit page's query at two sizes of log: a center's newest 100 entries (what the page shows
 * first) timed on a file database of N entries spread over 4 centers, with the `audit_center_seq`
 * index and without it (dropped, as before migration 0011), so the page's cost can be seen not to
 * grow with the log. Run: `npx tsx bench/audit-page.ts [rows,rows]` (default 20000,100000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { appendAudit } from "../src/audit/append.js";
import { queryAudit } from "../src/storage/audit.js";
import { type Db, inTransaction, openDatabase } from "../src/storage/db.js";

const sizes = (process.argv[2] ?? process.env.BENCH_AUDIT_ROWS ?? "20000,100000")
  .split(",")
  .map(Number);
const CENTERS = ["c1", "c2", "c3", "c4"];

function seed(db: Db, rows: number): void {
  const start = Date.UTC(2026, 0, 1);
  inTransaction(db, (tx) => {
    for (let i = 0; i < rows; i++) {
      appendAudit(
        tx,
        {
          actor: "system:alerts",
          action: i % 2 === 0 ? "alert.opened" : "outbox.sent",
          centerId: CENTERS[i % CENTERS.length] ?? "c1",
          subject: `alert:${i}`,
          sourceIds: [`procare:evt_${i}`],
          correlationId: `procare:evt_${i}`,
          data: { room: "Toddlers", status: "violation", n: i },
        },
        new Date(start + i * 30_000).toISOString(),
      );
    }
  });
}

function medianPageMs(db: Db, runs = 15): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const page = queryAudit(db, { centerId: "c2" }, { limit: 100 });
    ms.push(performance.now() - t);
    if (page.entries.length !== 100) throw new Error("expected a full page");
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? Number.NaN;
}

console.log("\nAudit page: a center's newest 100 entries (median of 15)");
for (const rows of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "audit-bench-"));
  try {
    const db = openDatabase(join(dir, "db.sqlite"));
    seed(db, rows);
    const indexed = medianPageMs(db);
    db.$client.exec("DROP INDEX audit_center_seq");
    const sorted = medianPageMs(db);
    db.$client.close();
    console.log(
      `${rows.toLocaleString("en-US").padStart(9)} entries: ${indexed.toFixed(2)} ms with the (center_id, seq) index, ${sorted.toFixed(1)} ms without (sorting the center's rows)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
