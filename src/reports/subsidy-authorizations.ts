/**
 * @module reports/subsidy-authorizations
 * What a funding agency authorizes for a child, as a center imports it: JSON (a list of objects)
 * or CSV with the same column names. Deliberately small: one row per child and program, monthly
 * limits only (no weekly caps, no co-pays, no part-day units), and each import replaces the
 * center's whole list.
 */
import { z } from "zod";
import { dateSchema, idSchema } from "../domain/index.js";
import { AppError } from "../errors/index.js";
import { parseCsvTable } from "./csv.js";

export const subsidyAuthorizationSchema = z
  .object({
    childId: idSchema,
    program: z.string().trim().min(1).max(80),
    reference: z.string().trim().min(1).max(80).describe("The agency's authorization number"),
    startDate: dateSchema,
    endDate: dateSchema,
    hoursPerMonth: z.coerce.number().min(0).max(744),
    daysPerMonth: z.coerce.number().int().min(0).max(31),
    absenceDaysPerMonth: z.coerce.number().int().min(0).max(31),
  })
  .refine((a) => a.startDate <= a.endDate, {
    message: "startDate must not be after endDate",
    path: ["endDate"],
  })
  .meta({ id: "SubsidyAuthorization" });
export type SubsidyAuthorization = z.infer<typeof subsidyAuthorizationSchema>;

export const subsidyImportSchema = z.object({
  authorizations: z.array(subsidyAuthorizationSchema).max(5000),
});

const CSV_COLUMNS = [
  "childId",
  "program",
  "reference",
  "startDate",
  "endDate",
  "hoursPerMonth",
  "daysPerMonth",
  "absenceDaysPerMonth",
] as const;

/** CSV with a header naming every column (any order) into rows for `subsidyImportSchema`. */
export function parseSubsidyCsv(text: string): Record<string, string>[] {
  return parseCsvTable(text, CSV_COLUMNS);
}

/**
 * Validates an import against the schema and the center's children; the error names the row and
 * field (`authorizations.3.childId`), so nothing is half-stored.
 */
export function validateSubsidyImport(
  input: unknown,
  knownChildIds: ReadonlySet<string>,
): SubsidyAuthorization[] {
  const parsed = subsidyImportSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request", issue?.message ?? "invalid authorizations", {
      field: issue?.path.join(".") || "authorizations",
    });
  }
  const seen = new Set<string>();
  parsed.data.authorizations.forEach((a, i) => {
    if (!knownChildIds.has(a.childId)) {
      throw new AppError("bad_request", `no child "${a.childId}" at this center`, {
        field: `authorizations.${i}.childId`,
      });
    }
    const key = `${a.childId}|${a.program}|${a.startDate}`;
    if (seen.has(key)) {
      throw new AppError("bad_request", "the same child, program and start date appear twice", {
        field: `authorizations.${i}`,
      });
    }
    seen.add(key);
  });
  return parsed.data.authorizations;
}
