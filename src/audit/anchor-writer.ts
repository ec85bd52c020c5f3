/**
 * @module audit/anchor-writer
 * Writes the chain's signed head to the anchor file (see `anchor.ts`): at start-up, every
 * `intervalMs` (at most an hour) and at shutdown. At start-up it also checks the chain against the
 * anchors already in the file and logs an error if they disagree, so tampering while the service
 * was down is noticed at once, not only when someone runs `audit verify --anchor`.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Logger } from "../logging/index.js";
import { auditHashAt, lastAuditLink } from "../storage/audit.js";
import type { Store } from "../storage/db.js";
import { type AnchorKind, appendAnchor, checkAnchors, readAnchors, signAnchor } from "./anchor.js";
import { GENESIS_HASH } from "./append.js";

export interface AnchorWriterOptions {
  db: Store;
  /** AUDIT_ANCHOR_KEY. */
  key: string;
  path: string;
  wallClock: () => Date;
  logger: Logger;
  intervalMs: number;
}

export interface AnchorWriter {
  /** Writes an anchor now (the timer's job; exposed for tests and shutdown). */
  write(kind: AnchorKind): void;
  /** Stops the timer and writes the shutdown anchor. Call before closing the database. */
  stop(): void;
}

export function startAnchorWriter(options: AnchorWriterOptions): AnchorWriter {
  const { db, key, path, wallClock, logger } = options;
  checkOnStart(options);
  const write = (kind: AnchorKind) => {
    const head = lastAuditLink(db) ?? { seq: 0, hash: GENESIS_HASH };
    try {
      appendAnchor(path, signAnchor(key, { kind, at: wallClock().toISOString(), ...head }));
    } catch (error) {
      // The service keeps running: a missing anchor weakens evidence, a stopped service risks children.
      logger.error({ err: error, path }, "cannot write the audit anchor");
    }
  };
  write("start");
  const timer = setInterval(() => write("hourly"), options.intervalMs);
  timer.unref();
  return {
    write,
    stop: () => {
      clearInterval(timer);
      write("shutdown");
    },
  };
}

function checkOnStart({ db, key, path, logger }: AnchorWriterOptions): void {
  if (!existsSync(path)) return;
  const anchors = readAnchors(readFileSync(path, "utf8"), key);
  if (!anchors.ok) {
    logger.error({ path, reason: anchors.error.message }, "the audit anchor file does not verify");
    return;
  }
  const check = checkAnchors(anchors.value, {
    lastSeq: lastAuditLink(db)?.seq ?? 0,
    hashAt: (seq) => auditHashAt(db, seq),
  });
  if (!check.ok) {
    logger.error({ path, ...check }, "the audit log does not match its anchors");
  }
}
