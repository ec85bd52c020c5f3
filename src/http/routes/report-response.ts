/**
 * @module http/routes/report-response
 * A report served three ways from one route: JSON by default, or with `format=csv|pdf` a download
 * named after the report. The documented content types and the response live together here so every
 * report route answers alike.
 */
import type { z as zType } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";

/** The OpenAPI content of a report's 200: its JSON schema, CSV text, or PDF bytes. */
export const reportContent = <S extends zType.ZodType>(schema: S) => ({
  "application/json": { schema },
  "text/csv": { schema: z.string() },
  "application/pdf": { schema: z.string().meta({ format: "binary" }) },
});

/** The report in the asked format, as a download named `name`.csv/.pdf for CSV and PDF. */
export async function respondWithReport<T>(
  c: Context<AppEnv>,
  format: "json" | "csv" | "pdf",
  name: string,
  report: T,
  csv: (r: T) => string,
  pdf: (r: T) => Promise<Uint8Array>,
) {
  if (format === "csv") {
    return c.body(csv(report), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  }
  if (format === "pdf") {
    const bytes = await pdf(report);
    return c.body(bytes.buffer as ArrayBuffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}.pdf"`,
    });
  }
  return c.json(report as object, 200);
}
