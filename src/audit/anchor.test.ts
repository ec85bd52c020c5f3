/**
 * The attacks the chain alone cannot see, each done the way someone with the database file would
 * (triggers dropped, hashes recomputed with the published algorithm), and the anchors catching it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { auditHashAt, lastAuditLink } from "../storage/audit.js";
import { type Db, openDatabase } from "../storage/index.js";
import {
  type Anchor,
  type AnchorKind,
  anchorLine,
  checkAnchors,
  readAnchors,
  signAnchor,
} from "./anchor.js";
import { appendAudit, entryHash, GENESIS_HASH } from "./append.js";
import { verifyAuditChain } from "./verify.js";

const KEY = "k".repeat(40);
let db: Db;
const sqlite = () => db.$client;

function append(i: number, action = "alert.opened"): void {
  appendAudit(
    db,
    {
      actor: "system:test",
      action,
      centerId: "center_001",
      subject: `alert:${i}`,
      sourceIds: [`procare:evt_${i}`],
      correlationId: null,
      data: { n: i },
    },
    new Date(Date.UTC(2026, 10, 23, 9, 0, 0, i)).toISOString(),
  );
}

function anchorNow(kind: AnchorKind, at = "2026-11-23T10:00:00.000Z"): Anchor {
  const head = lastAuditLink(db) ?? { seq: 0, hash: GENESIS_HASH };
  return signAnchor(KEY, { kind, at, ...head });
}

const check = (anchors: Anchor[]) =>
  checkAnchors(anchors, {
    lastSeq: lastAuditLink(db)?.seq ?? 0,
    hashAt: (seq) => auditHashAt(db, seq),
  });

function dropTriggers(): void {
  sqlite().exec(`DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_log_append_at_end;`);
}

/** Recomputes every hash from `fromSeq` on, as a careful forger would. */
function rehashFrom(fromSeq: number): void {
  const rows = sqlite()
    .prepare("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq")
    .all(fromSeq) as Record<string, string | number | null>[];
  let prev = auditHashAt(db, fromSeq - 1) ?? GENESIS_HASH;
  const update = sqlite().prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?");
  for (const r of rows) {
    const hash = entryHash(prev, {
      seq: r.seq as number,
      at: r.at as string,
      actor: r.actor as string,
      action: r.action as string,
      centerId: r.center_id as string | null,
      subject: r.subject as string | null,
      sourceIds: JSON.parse(r.source_ids as string),
      correlationId: r.correlation_id as string | null,
      data: JSON.parse(r.data as string),
    });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

beforeEach(() => {
  db = openDatabase(":memory:");
  for (let i = 1; i <= 300; i++) append(i);
});

describe("anchors against the attacks the chain alone misses", () => {
  it("passes an untouched chain, counting what was written after the newest anchor", () => {
    const anchors = [anchorNow("hourly")];
    append(301);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(check(anchors)).toMatchObject({ ok: true, anchors: 1, unanchored: 1 });
  });

  it("catches truncation: the last 50 entries deleted", () => {
    const anchors = [anchorNow("hourly")];
    dropTriggers();
    sqlite().prepare("DELETE FROM audit_log WHERE seq > 250").run();
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(check(anchors)).toMatchObject({ ok: false, problem: "truncated", seq: 251 });
  });

  it("catches row 200 rewritten and every later hash recomputed", () => {
    const anchors = [anchorNow("hourly")];
    dropTriggers();
    sqlite().prepare(`UPDATE audit_log SET data = '{"n":"edited"}' WHERE seq = 200`).run();
    rehashFrom(200);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(check(anchors)).toMatchObject({ ok: false, problem: "rewritten", seq: 300 });
  });

  it("catches a deletion with the rest renumbered and re-hashed", () => {
    const mid = anchorNow("hourly");
    append(301);
    const anchors = [mid, anchorNow("hourly", "2026-11-23T11:00:00.000Z")];
    dropTriggers();
    sqlite().prepare("DELETE FROM audit_log WHERE seq = 100").run();
    sqlite().prepare("UPDATE audit_log SET seq = seq - 1 WHERE seq > 100").run();
    rehashFrom(100);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(check(anchors)).toMatchObject({ ok: false, problem: "rewritten", seq: 300 });
  });

  it("catches a well-formed append while the service was stopped, with the triggers in place", () => {
    const shutdown = anchorNow("shutdown");
    append(301, "approval.approved");
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(check([shutdown])).toMatchObject({
      ok: false,
      problem: "appended while stopped",
      seq: 301,
    });
    // And after the next start, whose head includes the forgery.
    const start = anchorNow("start", "2026-11-23T12:00:00.000Z");
    expect(check([shutdown, start])).toMatchObject({
      ok: false,
      problem: "appended while stopped",
    });
  });

  it("accepts a crash (no shutdown anchor) followed by a start", () => {
    const hourly = anchorNow("hourly");
    append(301);
    expect(check([hourly, anchorNow("start", "2026-11-23T12:00:00.000Z")]).ok).toBe(true);
  });

  it("refuses an anchor file edited to match, or signed with another key", () => {
    const anchor = anchorNow("hourly");
    const edited = { ...anchor, seq: 250, hash: auditHashAt(db, 250)! };
    const read = readAnchors(anchorLine(anchor) + anchorLine(edited), KEY);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/^anchor line 2 is not signed/);
    expect(readAnchors(anchorLine(anchor), "another key of forty characters......").ok).toBe(false);
    expect(readAnchors(`${anchorLine(anchor)}\n`, KEY)).toEqual({ ok: true, value: [anchor] });
  });
});

describe("the database refuses a forged entry on insert", () => {
  it("refuses an entry whose hash is not the hash of its own fields, triggers in place", () => {
    const last = lastAuditLink(db)!;
    const forged = sqlite().prepare(
      `INSERT INTO audit_log (seq, at, actor, action, center_id, subject, source_ids, correlation_id, data, prev_hash, hash)
       VALUES (?, '2026-11-23T10:00:00.000Z', 'user:dana', 'approval.approved', 'center_001', 'approval:9', '[]', NULL, '{}', ?, ?)`,
    );
    expect(() => forged.run(last.seq + 1, last.hash, "f".repeat(64))).toThrow(
      /carry the hash of its own fields/,
    );
    // Unreadable JSON has no hash at all.
    expect(() => forged.run(last.seq + 1, last.hash, null)).toThrow();
    expect(lastAuditLink(db)?.seq).toBe(300);
  });
});
