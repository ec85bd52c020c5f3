/**
 * @module storage/audit
 * The audit log's rows: the chain's last entry (to append after), appends, filtered pages for the
 * audit page and the API, and batched iteration in `seq` order for verification and export.
 *
 * Iteration reads in keyset batches (`seq > last` … `LIMIT n`) rather than one open cursor, so a
 * million-row chain is walked in bounded memory without holding a read transaction open, and the
 * same code runs on any SQL database.
 */
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import { auditLog } from "./schema.js";

export type AuditLogRow = typeof auditLog.$inferSelect;

/** Which entries to read. Every field narrows; none set means the whole log. */
export interface AuditFilter {
  centerId?: string | undefined;
  /** `at` ≥ this ISO instant. */
  from?: string | undefined;
  /** `at` < this ISO instant. */
  to?: string | undefined;
  actor?: string | undefined;
  /** `alert.` matches `alert.opened`, `alert.resolved`, … */
  actionPrefix?: string | undefined;
  subject?: string | undefined;
  correlationId?: string | undefined;
  /** Free text, case-insensitive (ASCII), anywhere in the action, subject or data. */
  q?: string | undefined;
}

/** `%`, `_` and the escape character itself match literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.centerId !== undefined) where.push(eq(auditLog.centerId, filter.centerId));
  if (filter.from !== undefined) where.push(gte(auditLog.at, filter.from));
  if (filter.to !== undefined) where.push(lt(auditLog.at, filter.to));
  if (filter.actor !== undefined) where.push(eq(auditLog.actor, filter.actor));
  if (filter.subject !== undefined) where.push(eq(auditLog.subject, filter.subject));
  if (filter.correlationId !== undefined) {
    where.push(eq(auditLog.correlationId, filter.correlationId));
  }
  if (filter.actionPrefix !== undefined && filter.actionPrefix !== "") {
    const pattern = `${likeLiteral(filter.actionPrefix)}%`;
    where.push(sql`${auditLog.action} LIKE ${pattern} ESCAPE '\\'`);
  }
  if (filter.q !== undefined && filter.q.trim() !== "") {
    const pattern = `%${likeLiteral(filter.q.trim())}%`;
    where.push(
      sql`(${auditLog.action} LIKE ${pattern} ESCAPE '\\' OR ${auditLog.subject} LIKE ${pattern} ESCAPE '\\' OR ${auditLog.data} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return where;
}

/** The chain's newest link (seq and hash), or undefined for an empty log. */
export function lastAuditLink(db: Store): { seq: number; hash: string } | undefined {
  return db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
}

export function insertAuditEntry(db: Store, row: AuditLogRow): void {
  db.insert(auditLog).values(row).run();
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditLogRow[];
  /** Pass as `beforeSeq` for the next (older) page; null on the last page. */
  nextBeforeSeq: number | null;
}

/**
 * One page of matching entries, newest first: what the audit page and the API list. `beforeSeq`
 * is the cursor from the previous page, so pages stay stable while new entries are appended.
 */
export function queryAudit(
  db: Store,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number | undefined },
): AuditPage {
  const rows = auditPageQuery(db, filter, page).all();
  const entries = rows.slice(0, page.limit);
  const more = rows.length > page.limit;
  return { entries, nextBeforeSeq: more ? (entries.at(-1)?.seq ?? null) : null };
}

/**
 * The page's statement (one row more than the page, to know whether another follows). Newest
 * first by `seq` within a center reads the `audit_center_seq` index backwards and stops after the
 * page, so a page costs the same at any length of log; exported so a test can explain its plan.
 */
export function auditPageQuery(
  db: Store,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number | undefined },
) {
  const where = conditions(filter);
  if (page.beforeSeq !== undefined) where.push(lt(auditLog.seq, page.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(page.limit + 1);
}

export function countAudit(db: Store, filter: AuditFilter): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(...conditions(filter)))
      .get()?.n ?? 0
  );
}

/**
 * Every matching entry in `seq` order, read `batchSize` rows at a time: for verifying the chain
 * and exporting, whatever its length.
 */
export function* iterateAudit(
  db: Store,
  filter: AuditFilter = {},
  batchSize = 1000,
): Generator<AuditLogRow> {
  const where = conditions(filter);
  // No lower bound on the first batch: a row tampered to a seq below 1 must still be read.
  let after: number | null = null;
  for (;;) {
    const batch = db
      .select()
      .from(auditLog)
      .where(and(...where, after === null ? undefined : gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize)
      .all();
    yield* batch;
    if (batch.length < batchSize) return;
    after = (batch.at(-1) as AuditLogRow).seq;
  }
}

/** The stored hash of the entry at `seq`, if there is one: what an anchor is compared with. */
export function auditHashAt(db: Store, seq: number): string | undefined {
  return db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq)).get()?.hash;
}

/** An entry with its JSON columns as the text stored, so a damaged one can be named, not thrown. */
export type AuditTextRow = Omit<AuditLogRow, "sourceIds" | "data"> & {
  sourceIds: string;
  data: string;
};

/** The whole log in `seq` order with unparsed JSON columns, `batchSize` rows at a time. */
export function* iterateAuditText(db: Store, batchSize = 1000): Generator<AuditTextRow> {
  let after: number | null = null;
  for (;;) {
    const batch: AuditTextRow[] = db
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        actor: auditLog.actor,
        action: auditLog.action,
        centerId: auditLog.centerId,
        subject: auditLog.subject,
        sourceIds: sql<string>`CAST(${auditLog.sourceIds} AS TEXT)`,
        correlationId: auditLog.correlationId,
        data: sql<string>`CAST(${auditLog.data} AS TEXT)`,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(after === null ? undefined : gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize)
      .all();
    yield* batch;
    if (batch.length < batchSize) return;
    after = (batch.at(-1) as AuditTextRow).seq;
  }
}
