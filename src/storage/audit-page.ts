/**
 * @module storage/audit-page
 * The web app's audit search: one center's entries in a time range whose text matches a query,
 * newest first. (Kept apart from the audit part's own query module until the two are merged.)
 */
import { and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import { auditLog } from "./schema.js";

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditSearch {
  centerId: string;
  /** Matched, case-insensitively, against actor, action, subject, correlation id, source ids and data. */
  q?: string;
  /** Instants, `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

/** `%` and `_` in the query match themselves, not any character. */
const pattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function searchAudit(db: Store, search: AuditSearch): AuditRow[] {
  const where: (SQL | undefined)[] = [eq(auditLog.centerId, search.centerId)];
  if (search.from) where.push(gte(auditLog.at, search.from));
  if (search.to) where.push(lt(auditLog.at, search.to));
  const q = search.q?.trim();
  if (q) {
    const p = pattern(q.toLowerCase());
    const match = (column: SQL) => sql`lower(${column}) like ${p} escape '\\'`;
    where.push(
      or(
        match(sql`${auditLog.actor}`),
        match(sql`${auditLog.action}`),
        match(sql`coalesce(${auditLog.subject}, '')`),
        match(sql`coalesce(${auditLog.correlationId}, '')`),
        match(sql`${auditLog.sourceIds}`),
        match(sql`${auditLog.data}`),
      ),
    );
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(search.limit ?? 200)
    .all();
}
