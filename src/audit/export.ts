/**
 * @module audit/export
 * A date range of the audit log as CSV or JSON for a licensing inspector. Pure: rows in, text
 * chunks out (generators, so a long range streams instead of being built in memory); the CLI and
 * the HTTP route do the reading and writing.
 *
 * Each entry keeps its `prevHash` and `hash`, so the export can be checked on its own: an entry's
 * hash is SHA-256 over its `prevHash`, a newline, and the canonical JSON (keys sorted) of
 * `{seq, at, actor, action, centerId, subject, sourceIds, correlationId, data}`.
 */
import { z } from "zod";
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { AppError, err, ok, type Result } from "../errors/index.js";
import { csvRecord } from "../reports/csv.js";
import type { AuditRow } from "./append.js";
import type { VerifyResult } from "./verify.js";

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().describe("When it was recorded (wall clock, ISO 8601 UTC)"),
    actor: z.string().describe("`user:<id>`, `token:<id>`, `system:<component>` or `agent:<run>`"),
    action: z.string().describe("Dotted verb, e.g. `alert.opened`, `outbox.sent`"),
    centerId: z.string().nullable(),
    subject: z.string().nullable().describe("What it is about, e.g. `alert:3`"),
    sourceIds: z.array(z.string()).describe("The records it was decided from"),
    correlationId: z
      .string()
      .nullable()
      .describe("The triggering event (`provider:event id`), shared by everything it caused"),
    data: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });

export const exportFormatSchema = z.enum(["csv", "json"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface ExportRange {
  /** First local date, inclusive. */
  from: string;
  /** Last local date, inclusive. */
  to: string;
  centerId: string | null;
  /** The zone the dates are read in: the center's, or UTC for the whole log. */
  timeZone: string;
  /** The instants the dates cover: `at` ≥ fromInstant and < toInstant. */
  fromInstant: string;
  toInstant: string;
}

/** Local dates `from`..`to` (both inclusive) in `timeZone`, as the instants they cover. */
export function dayRange(
  from: string,
  to: string,
  timeZone: string,
  centerId: string | null,
): Result<ExportRange> {
  if (to < from) {
    return err(
      new AppError("bad_request", `to: ${to} is before from ${from}`, { field: "to", from, to }),
    );
  }
  return ok({
    from,
    to,
    centerId,
    timeZone,
    fromInstant: zonedDateTimeToInstant(from, "00:00", timeZone).toISOString(),
    toInstant: zonedDateTimeToInstant(addDays(to, 1), "00:00", timeZone).toISOString(),
  });
}

/** The CSV columns, named as the JSON fields (and the hashed fields) are. */
export const CSV_COLUMNS = [
  "seq",
  "at",
  "actor",
  "action",
  "centerId",
  "subject",
  "sourceIds",
  "correlationId",
  "data",
  "prevHash",
  "hash",
] as const;

function csvValues(row: AuditRow): (string | number | null)[] {
  return [
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.centerId,
    row.subject,
    JSON.stringify(row.sourceIds),
    row.correlationId,
    JSON.stringify(row.data),
    row.prevHash,
    row.hash,
  ];
}

/**
 * The note the CSV starts with: its cells are exact (nothing a spreadsheet would run as a formula
 * is neutralized, since that would change the hashed bytes), so it is for checking, not opening.
 */
export const CSV_NOTE =
  "# Centerline audit log: data for hash verification; not for a spreadsheet (cells are exact and formulas are not neutralized)";

/** The note record, a header record, then one record per entry. */
export function* auditCsv(rows: Iterable<AuditRow>): Generator<string> {
  yield csvRecord([CSV_NOTE]);
  yield csvRecord(CSV_COLUMNS);
  for (const row of rows) yield csvRecord(csvValues(row));
}

/** `{ range, chain, entries }`: the range asked for, the whole chain's verification, the entries. */
export function* auditJson(
  range: ExportRange,
  chain: VerifyResult,
  rows: Iterable<AuditRow>,
): Generator<string> {
  yield `{"range":${JSON.stringify(range)},"chain":${JSON.stringify(chain)},"entries":[`;
  let first = true;
  for (const row of rows) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
    first = false;
  }
  yield "\n]}\n";
}

/** Joins small chunks into pieces of about `size` characters, for fewer writes. */
export function* chunked(parts: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = "";
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
