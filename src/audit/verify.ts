/**
 * @module audit/verify
 * Walks the whole chain in `seq` order and names the first entry that does not hold: its `seq` is
 * not the one after the previous entry's (an entry deleted, or renumbered), its `prev_hash` is not
 * the previous entry's hash (an entry inserted, reordered, or a rewritten entry whose own hash was
 * recomputed), or its hash is not the hash of its own fields (an edited field).
 *
 * What it cannot see: someone who rewrites an entry and recomputes every hash after it, deletes
 * the tail, or appends a well-formed forgery. The signed heads outside the database catch those
 * (`anchor.ts`). A row whose JSON columns cannot be read is named as broken at its seq.
 */
import { z } from "zod";
import { type AuditLogRow, type AuditTextRow, iterateAuditText } from "../storage/audit.js";
import type { Store } from "../storage/db.js";
import { entryHash, GENESIS_HASH } from "./append.js";

export const brokenReasonSchema = z.enum([
  "hash mismatch",
  "prev_hash mismatch",
  "gap in seq",
  "unreadable entry",
]);

export const verifyResultSchema = z
  .discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      /** Entries in the chain, all intact. */
      entries: z.number().int(),
      /** The newest entry's seq and hash (0 and the genesis hash for an empty log). */
      lastSeq: z.number().int(),
      lastHash: z.string(),
    }),
    z.object({
      ok: z.literal(false),
      /** Entries verified intact before the first broken one. */
      checked: z.number().int(),
      firstBroken: z.object({
        seq: z.number().int(),
        action: z.string(),
        at: z.string(),
        reason: brokenReasonSchema,
        /** What the entry should have had at that point (the seq, previous hash or own hash). */
        expected: z.string(),
        found: z.string(),
      }),
    }),
  ])
  .meta({ id: "AuditChainVerification" });

export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** Checks every entry of the log, reading it in batches (bounded memory at any length). */
export function verifyAuditChain(db: Store, options: { batchSize?: number } = {}): VerifyResult {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  for (const text of iterateAuditText(db, options.batchSize)) {
    const row = readRow(text);
    const broken = (
      reason: z.infer<typeof brokenReasonSchema>,
      expected: string,
      found: string,
    ): VerifyResult => ({
      ok: false,
      checked,
      firstBroken: { seq: text.seq, action: text.action, at: text.at, reason, expected, found },
    });
    if (typeof row === "string") {
      return broken("unreadable entry", "JSON in source_ids and data", row);
    }
    if (row.seq !== prevSeq + 1) return broken("gap in seq", String(prevSeq + 1), String(row.seq));
    if (row.prevHash !== prevHash) return broken("prev_hash mismatch", prevHash, row.prevHash);
    const hash = entryHash(row.prevHash, row);
    if (row.hash !== hash) return broken("hash mismatch", hash, row.hash);
    prevHash = row.hash;
    prevSeq = row.seq;
    checked++;
  }
  return { ok: true, entries: checked, lastSeq: prevSeq, lastHash: prevHash };
}

/** The row with its JSON parsed, or what could not be read (a damaged entry is named, not thrown). */
function readRow(row: AuditTextRow): AuditLogRow | string {
  try {
    return {
      ...row,
      sourceIds: JSON.parse(row.sourceIds) as string[],
      data: JSON.parse(row.data) as Record<string, unknown>,
    };
  } catch (error) {
    return `${(error as Error).message}`.slice(0, 120);
  }
}
