/**
 * @module staff/records
 * The center's own staff records, which neither platform syncs: hire dates (review due dates and
 * hire-anchored training periods count from them) and completed training (the evidence behind
 * mandated training hours). Both arrive as JSON or CSV imports, or one at a time from the staff
 * page; every line is validated before anything is stored, and every change is audited in its own
 * transaction.
 */
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { dateSchema, idSchema } from "../domain/ids.js";
import { AppError } from "../errors/index.js";
import { type Db, inTransaction } from "../storage/db.js";
import {
  appendTraining,
  putHireDates,
  type StaffRecordSource,
  type TrainingRow,
} from "../storage/staff-records.js";

/** Empty text (a blank CSV cell or form field) means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const hireDateEntrySchema = z
  .object({ staffId: idSchema, hireDate: dateSchema })
  .meta({ id: "StaffHireDate" });
export type HireDateEntry = z.infer<typeof hireDateEntrySchema>;
export const hireDatesImportSchema = z.object({
  hireDates: z.array(hireDateEntrySchema).min(1).max(5000),
});

export const trainingEntrySchema = z
  .object({
    staffId: idSchema,
    /** Matched against a requirement's topics; null counts only toward "any training" hours. */
    topic: optionalText(120),
    hours: z.coerce.number().positive().max(200),
    completedOn: dateSchema,
    provider: z.string().trim().min(1).max(120),
    /** The certificate or course number. */
    reference: optionalText(120),
  })
  .meta({ id: "TrainingRecordInput" });
export type TrainingEntry = z.infer<typeof trainingEntrySchema>;
export const trainingImportSchema = z.object({
  training: z.array(trainingEntrySchema).min(1).max(5000),
});

export const HIRE_DATE_COLUMNS = ["staffId", "hireDate"] as const;
export const TRAINING_COLUMNS = [
  "staffId",
  "topic",
  "hours",
  "completedOn",
  "provider",
  "reference",
] as const;

/**
 * The first problem, naming the entry and field (`training.3.hours`) and, for a CSV, its line
 * (the header is line 1).
 */
function invalid(list: string, index: number, field: string, message: string, csv: boolean) {
  const path = `${list}.${index}.${field}`;
  const where = csv ? `line ${index + 2}, ${field}` : path;
  return new AppError("bad_request", `${where}: ${message}`, {
    field: path,
    ...(csv ? { line: index + 2 } : {}),
  });
}

function parseList<T>(
  schema: z.ZodType<Record<string, T[]>>,
  list: string,
  input: unknown,
  csv: boolean,
): T[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data[list] as T[];
  const issue = parsed.error.issues[0];
  const [, index, ...rest] = issue?.path ?? [];
  if (typeof index === "number") {
    throw invalid(list, index, rest.join(".") || "entry", issue?.message ?? "invalid", csv);
  }
  throw new AppError("bad_request", `${list}: ${issue?.message ?? "invalid"}`, { field: list });
}

function unknownStaff(list: string, staffIds: readonly string[], known: ReadonlySet<string>) {
  const unknown = [...new Set(staffIds.filter((id) => !known.has(id)))];
  if (unknown.length === 0) return;
  throw new AppError(
    "bad_request",
    `no staff member at this center with id ${unknown.join(", ")}`,
    {
      field: `${list}.${staffIds.findIndex((id) => !known.has(id))}.staffId`,
      staffIds: unknown,
    },
  );
}

/** Validates a hire-date import (JSON `{hireDates}` or parsed CSV lines) against the staff list. */
export function validateHireDates(
  input: unknown,
  knownStaffIds: ReadonlySet<string>,
  csv = false,
): HireDateEntry[] {
  const list = parseList<HireDateEntry>(hireDatesImportSchema, "hireDates", input, csv);
  unknownStaff(
    "hireDates",
    list.map((h) => h.staffId),
    knownStaffIds,
  );
  const seen = new Set<string>();
  list.forEach((h, i) => {
    if (seen.has(h.staffId)) {
      throw invalid("hireDates", i, "staffId", `${h.staffId} appears twice`, csv);
    }
    seen.add(h.staffId);
  });
  return list;
}

/**
 * Validates a training import (JSON `{training}` or parsed CSV lines): known staff, and no
 * completion after `today` (the center's local date).
 */
export function validateTraining(
  input: unknown,
  knownStaffIds: ReadonlySet<string>,
  today: string,
  csv = false,
): TrainingEntry[] {
  const list = parseList<TrainingEntry>(trainingImportSchema, "training", input, csv);
  list.forEach((t, i) => {
    if (t.completedOn > today) {
      throw invalid(
        "training",
        i,
        "completedOn",
        `${t.completedOn} is after today (${today})`,
        csv,
      );
    }
  });
  unknownStaff(
    "training",
    list.map((t) => t.staffId),
    knownStaffIds,
  );
  return list;
}

export function recordHireDates(
  db: Db,
  centerId: string,
  list: readonly HireDateEntry[],
  source: StaffRecordSource,
  actor: string,
  at: Date,
): number {
  const iso = at.toISOString();
  return inTransaction(db, (tx) => {
    putHireDates(tx, centerId, list, source, actor, iso);
    appendAudit(
      tx,
      {
        actor,
        action: "staff.hire_dates_recorded",
        centerId,
        subject: list.length === 1 ? `staff:${list[0]!.staffId}` : `center:${centerId}`,
        sourceIds: list.map((h) => `staff:${h.staffId}`),
        correlationId: null,
        data: { source, count: list.length, hireDates: list },
      },
      iso,
    );
    return list.length;
  });
}

export function recordTraining(
  db: Db,
  centerId: string,
  list: readonly TrainingEntry[],
  source: StaffRecordSource,
  actor: string,
  at: Date,
): { inserted: TrainingRow[]; skipped: number } {
  const iso = at.toISOString();
  return inTransaction(db, (tx) => {
    const result = appendTraining(tx, centerId, list, source, actor, iso);
    appendAudit(
      tx,
      {
        actor,
        action: "staff.training_recorded",
        centerId,
        subject: list.length === 1 ? `staff:${list[0]!.staffId}` : `center:${centerId}`,
        sourceIds: result.inserted.map((r) => `training:${r.id}`),
        correlationId: null,
        data: {
          source,
          inserted: result.inserted.length,
          skipped: result.skipped,
          staffIds: [...new Set(list.map((t) => t.staffId))],
        },
      },
      iso,
    );
    return result;
  });
}

export const storedTrainingSchema = z
  .object({
    id: z.string().describe("`training:<n>`, as the credential report's evidence names it"),
    staffId: z.string(),
    topic: z.string().nullable(),
    hours: z.number(),
    completedOn: z.iso.date(),
    provider: z.string(),
    reference: z.string().nullable(),
    source: z.enum(["import", "form", "sandbox"]),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "TrainingRecord" });
export type StoredTraining = z.infer<typeof storedTrainingSchema>;

export function storedTraining(row: TrainingRow): StoredTraining {
  const { id, centerId: _center, dedupeKey: _key, ...rest } = row;
  return { id: `training:${id}`, ...rest };
}
