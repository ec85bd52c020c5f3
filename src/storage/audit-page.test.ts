/**
 * The audit page reads a center's newest entries off the `audit_center_seq` index and stops after
 * the page: no sort of the center's whole log, so a page costs the same at 300 or 300,000 rows.
 */
import { describe, expect, it } from "vitest";
import { appendAudit } from "../audit/append.js";
import { type AuditFilter, auditPageQuery, queryAudit } from "./audit.js";
import { type Db, openDatabase } from "./db.js";

function seeded(): Db {
  const db = openDatabase(":memory:");
  const start = Date.UTC(2026, 10, 23, 14);
  for (let i = 1; i <= 60; i++) {
    appendAudit(
      db,
      {
        actor: i % 3 === 0 ? "user:director" : "system:alerts",
        action: i % 2 === 0 ? "alert.opened" : "outbox.sent",
        centerId: i % 4 === 0 ? "c2" : "c1",
        subject: `alert:${i}`,
        sourceIds: [],
        correlationId: null,
        data: { n: i },
      },
      new Date(start + i * 60_000).toISOString(),
    );
  }
  return db;
}

function plan(db: Db, filter: AuditFilter, page: { limit: number; beforeSeq?: number }): string {
  const { sql, params } = auditPageQuery(db, filter, page).toSQL();
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join(" | ");
}

describe("the audit page's query", () => {
  const db = seeded();

  it.each([
    ["the first page", { centerId: "c1" }, { limit: 100 }],
    ["a later page", { centerId: "c1" }, { limit: 100, beforeSeq: 40 }],
    ["a search", { centerId: "c1", q: "alert", actor: "system:alerts" }, { limit: 50 }],
    ["an action prefix", { centerId: "c1", actionPrefix: "alert." }, { limit: 100 }],
  ])("reads %s newest-first off the (center_id, seq) index without sorting", (_, filter, page) => {
    const detail = plan(db, filter, page);
    expect(detail).toMatch(/USING (COVERING )?INDEX audit_center_seq \(center_id=\?/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("pages through one center's entries newest first, and only that center's", () => {
    const first = queryAudit(db, { centerId: "c1" }, { limit: 20 });
    const c1 = Array.from({ length: 60 }, (_, i) => i + 1)
      .filter((i) => i % 4 !== 0)
      .reverse();
    expect(first.entries.map((e) => e.data.n)).toEqual(c1.slice(0, 20));
    const second = queryAudit(
      db,
      { centerId: "c1" },
      { limit: 20, beforeSeq: first.nextBeforeSeq ?? 0 },
    );
    expect(second.entries.map((e) => e.data.n)).toEqual(c1.slice(20, 40));
    const last = queryAudit(
      db,
      { centerId: "c1" },
      { limit: 20, beforeSeq: second.nextBeforeSeq ?? 0 },
    );
    expect(last.entries.map((e) => e.data.n)).toEqual(c1.slice(40));
    expect(last.nextBeforeSeq).toBeNull();
  });

  it("still filters a search read off the index", () => {
    const page = queryAudit(db, { centerId: "c2", actor: "user:director" }, { limit: 100 });
    expect(page.entries.map((e) => e.data.n)).toEqual([60, 48, 36, 24, 12]);
  });
});
