/**
 * @module audit/anchor
 * The audit chain anchored outside the database. Someone with the database file can rewrite an
 * entry and recompute every hash after it, delete the tail, renumber, or append a well-formed
 * forgery, and the chain alone still verifies. So the service records the chain's head (seq and
 * hash) at start-up, at least hourly and at shutdown, each line signed with HMAC-SHA256 under
 * `AUDIT_ANCHOR_KEY` (a key that is not in the database), to an append-only file outside the data
 * directory. `checkAnchors` then compares a chain with those heads:
 *
 * - an anchored seq the chain no longer reaches: **truncated** (the tail deleted);
 * - an anchored seq whose hash differs: **rewritten** (an entry changed and everything after it
 *   re-hashed, or entries deleted and the rest renumbered);
 * - entries between a shutdown anchor and the next start-up's head, or after a final shutdown
 *   anchor: **appended while the service was stopped** (a forged append).
 *
 * Entries after the newest anchor of a running (or crashed) service are reported as not yet
 * anchored; nothing can vouch for them until the next anchor. Pure except `appendAnchor`.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { z } from "zod";
import { AppError, err, ok, type Result } from "../errors/index.js";

export const anchorKindSchema = z.enum(["start", "hourly", "shutdown"]);
export type AnchorKind = z.infer<typeof anchorKindSchema>;

export const anchorSchema = z.object({
  v: z.literal(1),
  kind: anchorKindSchema,
  /** When the head was read (wall clock, ISO 8601 UTC). */
  at: z.string(),
  /** The chain's head then: 0 and the genesis hash for an empty log. */
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** HMAC-SHA256 (hex) under AUDIT_ANCHOR_KEY of `v|kind|at|seq|hash`. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Anchor = z.infer<typeof anchorSchema>;

const signedText = (a: Omit<Anchor, "mac">) => `${a.v}|${a.kind}|${a.at}|${a.seq}|${a.hash}`;
const macOf = (key: string, a: Omit<Anchor, "mac">) =>
  createHmac("sha256", key).update(signedText(a)).digest("hex");

export function signAnchor(
  key: string,
  head: { kind: AnchorKind; at: string; seq: number; hash: string },
): Anchor {
  const unsigned = { v: 1 as const, ...head };
  return { ...unsigned, mac: macOf(key, unsigned) };
}

/** One line of the anchor file. */
export function anchorLine(anchor: Anchor): string {
  return `${JSON.stringify(anchor)}\n`;
}

/** Appends one anchor and waits for it to reach the disk (it is the evidence). */
export function appendAnchor(path: string, anchor: Anchor): void {
  const fd = openSync(path, "a", 0o600);
  try {
    writeSync(fd, anchorLine(anchor));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every anchor of a file, each checked against the key; the first bad line is an error. */
export function readAnchors(text: string, key: string): Result<Anchor[]> {
  const anchors: Anchor[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const where = { field: "anchor", line: i + 1 };
    let parsed: ReturnType<typeof anchorSchema.safeParse>;
    try {
      parsed = anchorSchema.safeParse(JSON.parse(line));
    } catch {
      return err(new AppError("bad_request", `anchor line ${i + 1} is not JSON`, where));
    }
    if (!parsed.success) {
      return err(new AppError("bad_request", `anchor line ${i + 1} is not an anchor`, where));
    }
    const expected = Buffer.from(macOf(key, parsed.data), "hex");
    if (!timingSafeEqual(expected, Buffer.from(parsed.data.mac, "hex"))) {
      return err(
        new AppError(
          "bad_request",
          `anchor line ${i + 1} is not signed with this AUDIT_ANCHOR_KEY (altered, or another key)`,
          where,
        ),
      );
    }
    anchors.push(parsed.data);
  }
  return ok(anchors);
}

export const anchorProblemSchema = z.enum(["truncated", "rewritten", "appended while stopped"]);

export const anchorCheckSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    anchors: z.number().int(),
    /** The newest anchor, or null when the file has none. */
    last: z.object({ kind: anchorKindSchema, at: z.string(), seq: z.number().int() }).nullable(),
    /** Entries written after the newest anchor (a running or crashed service's latest). */
    unanchored: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    problem: anchorProblemSchema,
    /** The first seq that does not hold. */
    seq: z.number().int(),
    message: z.string(),
  }),
]);
export type AnchorCheck = z.infer<typeof anchorCheckSchema>;

/**
 * Compares the chain (its `lastSeq`, and `hashAt(seq)` for the stored hash of an entry) with the
 * anchors in file order. Check the chain itself first (`verifyAuditChain`): this only says whether
 * an intact-looking chain is the one the service anchored.
 */
export function checkAnchors(
  anchors: readonly Anchor[],
  chain: { lastSeq: number; hashAt: (seq: number) => string | undefined },
): AnchorCheck {
  for (const [i, a] of anchors.entries()) {
    if (a.seq > chain.lastSeq) {
      return {
        ok: false,
        problem: "truncated",
        seq: chain.lastSeq + 1,
        message: `the anchor of ${a.at} (${a.kind}) recorded seq ${a.seq}, but the chain ends at seq ${chain.lastSeq}: entries ${chain.lastSeq + 1}–${a.seq} are gone`,
      };
    }
    if (a.seq > 0 && chain.hashAt(a.seq) !== a.hash) {
      return {
        ok: false,
        problem: "rewritten",
        seq: a.seq,
        message: `seq ${a.seq} has hash ${chain.hashAt(a.seq) ?? "(none)"}, but the anchor of ${a.at} (${a.kind}) recorded ${a.hash}: the chain up to it was rewritten`,
      };
    }
    const next = anchors[i + 1];
    if (a.kind === "shutdown" && next?.kind === "start" && next.seq !== a.seq) {
      return {
        ok: false,
        problem: "appended while stopped",
        seq: a.seq + 1,
        message: `entries ${a.seq + 1}–${next.seq} were written between the shutdown at ${a.at} and the start at ${next.at}, while the service was stopped`,
      };
    }
  }
  const last = anchors.at(-1);
  if (last?.kind === "shutdown" && chain.lastSeq > last.seq) {
    return {
      ok: false,
      problem: "appended while stopped",
      seq: last.seq + 1,
      message: `entries ${last.seq + 1}–${chain.lastSeq} were written after the shutdown at ${last.at}, with no start since`,
    };
  }
  return {
    ok: true,
    anchors: anchors.length,
    last: last ? { kind: last.kind, at: last.at, seq: last.seq } : null,
    unanchored: chain.lastSeq - (last?.seq ?? 0),
  };
}

/** One line for a person. */
export function describeAnchorCheck(check: AnchorCheck): string {
  if (!check.ok) return `ANCHOR MISMATCH (${check.problem}) at seq ${check.seq}: ${check.message}`;
  if (!check.last) return "ANCHORS: the file holds no anchor yet";
  return (
    `ANCHORS OK: ${check.anchors} anchors; the newest (${check.last.kind} at ${check.last.at}) ` +
    `covers seq ${check.last.seq}; ${check.unanchored} entries written since`
  );
}
