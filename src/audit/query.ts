/**
 * @module audit/query
 * A center's audit log as people search it (the audit page, the API): local dates, free text,
 * actor, action prefix, subject, correlation id, newest first, a page at a time.
 */
import { z } from "zod";
import type { Center } from "../domain/index.js";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import { type AuditFilter, iterateAudit, queryAudit } from "../storage/audit.js";
import type { Store } from "../storage/db.js";
import type { AuditRow } from "./append.js";

export const auditQuerySchema = z.object({
  from: z.iso.date().optional().describe("First local date at the center, inclusive"),
  to: z.iso.date().optional().describe("Last local date at the center, inclusive"),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Free text, anywhere in the action, subject or data (case-insensitive)"),
  actor: z.string().min(1).max(200).optional().describe("Exactly this actor, e.g. system:alerts"),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("Action prefix, e.g. `alert.` or `outbox.sent`"),
  subject: z.string().min(1).max(200).optional().describe("Exactly this subject, e.g. alert:3"),
  correlationId: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe("Everything one event caused, e.g. procare:evt_123"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Page size (default 100)"),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("Only entries older than this seq: the `nextBefore` of the previous page"),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The storage filter for one center and a query; `to` before `from` is a bad request on `to`. */
export function auditFilterFor(
  center: Pick<Center, "id" | "timeZone">,
  query: AuditQuery,
): Result<AuditFilter> {
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    return err(
      new AppError("bad_request", `to: ${query.to} is before from ${query.from}`, { field: "to" }),
    );
  }
  const startOf = (date: string) =>
    zonedDateTimeToInstant(date, "00:00", center.timeZone).toISOString();
  return ok({
    centerId: center.id,
    from: query.from === undefined ? undefined : startOf(query.from),
    to: query.to === undefined ? undefined : startOf(addDays(query.to, 1)),
    actor: query.actor,
    actionPrefix: query.action,
    subject: query.subject,
    correlationId: query.correlationId,
    q: query.q,
  });
}

export interface AuditSearchPage {
  entries: AuditRow[];
  /** Pass as `before` for the next (older) page; null on the last one. */
  nextBefore: number | null;
}

/** One page of a center's matching entries, newest first. */
export function searchAudit(
  db: Store,
  center: Pick<Center, "id" | "timeZone">,
  query: AuditQuery,
): Result<AuditSearchPage> {
  const filter = auditFilterFor(center, query);
  if (!filter.ok) return filter;
  const page = queryAudit(db, filter.value, { limit: query.limit ?? 100, beforeSeq: query.before });
  return ok({ entries: page.entries, nextBefore: page.nextBeforeSeq });
}

/** Every matching entry of a center, oldest first, read in batches: for a CSV download. */
export function iterateCenterAudit(
  db: Store,
  center: Pick<Center, "id" | "timeZone">,
  query: AuditQuery,
): Result<Iterable<AuditRow>> {
  const filter = auditFilterFor(center, query);
  if (!filter.ok) return filter;
  return ok(iterateAudit(db, filter.value));
}
