/**
 * @module http/routes/reports
 * `GET /api/centers/{center}/reports/ratio?from=&to=&format=json|csv|pdf`: the licensing ratio
 * report for a date range, as data, a CSV, or a PDF to hand to an inspector.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { AppError } from "../../errors/index.js";
import {
  buildRatioReport,
  loadRatioReportRows,
  ratioReportCsv,
  ratioReportPdf,
  ratioReportSchema,
  reportRangeSchema,
} from "../../reports/index.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const ratioReportRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/reports/ratio",
  tags: ["Reports"],
  summary:
    "Licensing ratio report: time in and out of ratio per room, every violation, the rules applied",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      from: z.iso.date().describe("First day, in the center's time zone"),
      to: z.iso.date().describe("Last day (inclusive)"),
      format: z.enum(["json", "csv", "pdf"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The report",
      content: {
        "application/json": { schema: ratioReportSchema },
        "text/csv": { schema: z.string() },
        "application/pdf": { schema: z.string().meta({ format: "binary" }) },
      },
    },
    400: { description: "Bad range", content: { "application/json": { schema: errorBodySchema } } },
    404: {
      description: "Unknown center",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerReportRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(ratioReportRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to, format } = c.req.valid("query");
    const range = reportRangeSchema.safeParse({ from, to });
    if (!range.success) {
      const issue = range.error.issues[0];
      throw new AppError("bad_request", issue?.message ?? "bad range", {
        field: String(issue?.path[0] ?? "from"),
      });
    }
    const rows = loadRatioReportRows(ctx.db, center, range.data);
    if (!rows) throw new AppError("not_found", `unknown center "${center}"`, { field: "center" });
    const report = buildRatioReport(rows, range.data, ctx.clock(), ctx.wallClock());
    const name = `ratio-report-${center}-${from}-${to}`;
    if (format === "csv") {
      return c.body(ratioReportCsv(report), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.csv"`,
      });
    }
    if (format === "pdf") {
      const pdf = await ratioReportPdf(report);
      return c.body(pdf.buffer as ArrayBuffer, 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${name}.pdf"`,
      });
    }
    return c.json(report, 200);
  });
}
