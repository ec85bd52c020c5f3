/**
 * @module http/routes/report-response
 * A report served three ways from one route: JSON by default, or with `format=csv|pdf` a download
 * named after the report. The report is built and rendered off the event loop (offload's `report`
 * job); the documented content types and the response live together here so every report route
 * answers alike.
 */
import type { z as zType } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import { z } from "zod";
import { unknownCenter } from "../../auth/index.js";
import type { ReportFormat, ReportRequest } from "../../offload/index.js";
import type { AppContext, AppEnv } from "../context.js";

/** The OpenAPI content of a report's 200: its JSON schema, CSV text, or PDF bytes. */
export const reportContent = <S extends zType.ZodType>(schema: S) => ({
  "application/json": { schema },
  "text/csv": { schema: z.string() },
  "application/pdf": { schema: z.string().meta({ format: "binary" }) },
});

/**
 * The report in the asked format, as a download named `name`.csv/.pdf for CSV and PDF; an unknown
 * center is a 404. Business and wall time are read here, when the request is answered.
 */
export async function respondWithReport(
  c: Context<AppEnv>,
  ctx: AppContext,
  format: ReportFormat,
  name: string,
  request: ReportRequest,
) {
  const rendered = await ctx.offload.run("report", {
    ...request,
    format,
    clock: ctx.clock(),
    wallClock: ctx.wallClock(),
  });
  if (!rendered) throw unknownCenter(request.centerId);
  if (rendered.format === "pdf") {
    return c.body(rendered.body.buffer as ArrayBuffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}.pdf"`,
    });
  }
  if (rendered.format === "csv") {
    return c.body(rendered.body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  }
  return c.body(rendered.body, 200, { "content-type": "application/json" });
}

/**
 * JSON text a job serialized off the loop (of a `T`), answered as `c.json` answers a `T`: parsing
 * it back only to serialize it again would put the cost back on the loop.
 */
export function jsonText<T>(c: Context<AppEnv>, text: string) {
  return c.body(text, 200, { "content-type": "application/json" }) as unknown as Response &
    TypedResponse<T, 200, "json">;
}
