/**
 * @module http/routes/reports
 * The reports a center is asked for, each as data, a CSV, or a PDF to hand over:
 * - `GET /api/centers/{center}/reports/ratio?from=&to=`: the licensing ratio report;
 * - `GET /api/centers/{center}/reports/subsidy?month=`: the subsidy claim for a month;
 * - `GET /api/centers/{center}/reports/meals?from=&to=`: meal participation counts;
 * - `GET /api/centers/{center}/reports/drills?from=&to=`: emergency drill reconciliations;
 * - `POST /api/centers/{center}/subsidy/authorizations`: replace the subsidy authorizations
 *   (JSON or CSV), which the claim is checked against.
 */
import { createRoute, type OpenAPIHono, type z as zType } from "@hono/zod-openapi";
import { z } from "zod";
import { membershipAt, principalOf, unknownCenter } from "../../auth/index.js";
import { AppError } from "../../errors/index.js";
import {
  drillLogSchema,
  importSubsidyAuthorizations,
  mealReportSchema,
  monthSchema,
  parseSubsidyCsv,
  type ReportRange,
  ratioReportSchema,
  reportRangeSchema,
  subsidyImportSchema,
  subsidyReportSchema,
  validateSubsidyImport,
} from "../../reports/index.js";
import { listChildren } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";
import { reportContent, respondWithReport } from "./report-response.js";

const formatSchema = z.enum(["json", "csv", "pdf"]).default("json");
const rangeQuery = {
  from: z.iso.date().describe("First day, in the center's time zone"),
  to: z.iso.date().describe("Last day (inclusive)"),
  format: formatSchema,
};
const errors = {
  400: { description: "Bad request", content: { "application/json": { schema: errorBodySchema } } },
  404: {
    description: "Unknown center",
    content: { "application/json": { schema: errorBodySchema } },
  },
};
function reportRoute<Q extends z.ZodRawShape, S extends zType.ZodType>(
  name: string,
  summary: string,
  query: Q,
  schema: S,
) {
  return createRoute({
    method: "get",
    path: `/api/centers/{center}/reports/${name}`,
    tags: ["Reports"],
    summary,
    request: { params: z.object({ center: z.string().min(1) }), query: z.object(query) },
    responses: { 200: { description: "The report", content: reportContent(schema) }, ...errors },
  });
}

const ratioReportRoute = reportRoute(
  "ratio",
  "Licensing ratio report: time in and out of ratio per room, every violation, the rules applied",
  rangeQuery,
  ratioReportSchema,
);
const subsidyReportRoute = reportRoute(
  "subsidy",
  "Subsidy claim for a month: attended days and hours per child and program against the authorization, flags to fix first",
  { month: monthSchema, format: formatSchema },
  subsidyReportSchema,
);
const mealReportRoute = reportRoute(
  "meals",
  "Meal participation counts per day and meal service, from approved daily logs",
  rangeQuery,
  mealReportSchema,
);
const drillReportRoute = reportRoute(
  "drills",
  "Emergency drill reconciliation: missing, extra and time to account for everyone, per drill",
  rangeQuery,
  drillLogSchema,
);

const importRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/subsidy/authorizations",
  tags: ["Reports"],
  summary:
    "Replace the center's subsidy authorizations (JSON, or CSV with the same column names); directors only",
  request: {
    params: z.object({ center: z.string().min(1) }),
    body: {
      required: false,
      content: {
        "application/json": { schema: subsidyImportSchema },
        "text/csv": { schema: z.string() },
      },
    },
  },
  responses: {
    200: {
      description: "Stored",
      content: { "application/json": { schema: z.object({ imported: z.number().int() }) } },
    },
    ...errors,
    403: {
      description: "Not a director here",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

function validRange(from: string, to: string): ReportRange {
  const range = reportRangeSchema.safeParse({ from, to });
  if (range.success) return range.data;
  const issue = range.error.issues[0];
  throw new AppError("bad_request", issue?.message ?? "bad range", {
    field: String(issue?.path[0] ?? "from"),
  });
}

export function registerReportRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(ratioReportRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to, format } = c.req.valid("query");
    const range = validRange(from, to);
    return respondWithReport(c, ctx, format, `ratio-report-${center}-${from}-${to}`, {
      report: "ratio",
      centerId: center,
      range,
    });
  });

  app.openapi(subsidyReportRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { month, format } = c.req.valid("query");
    return respondWithReport(c, ctx, format, `subsidy-claim-${center}-${month}`, {
      report: "subsidy",
      centerId: center,
      month,
    });
  });

  app.openapi(mealReportRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to, format } = c.req.valid("query");
    const range = validRange(from, to);
    return respondWithReport(c, ctx, format, `meal-counts-${center}-${from}-${to}`, {
      report: "meals",
      centerId: center,
      range,
    });
  });

  app.openapi(drillReportRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to, format } = c.req.valid("query");
    const range = validRange(from, to);
    return respondWithReport(c, ctx, format, `drills-${center}-${from}-${to}`, {
      report: "drills",
      centerId: center,
      range,
    });
  });

  app.openapi(importRoute, async (c) => {
    const { center } = c.req.valid("param");
    const principal = principalOf(c);
    const role = membershipAt(principal, center)?.role;
    if (role !== "director" && role !== "assistant_director") {
      throw new AppError("forbidden", "only a director imports subsidy authorizations");
    }
    const children = new Set(listChildren(ctx.db, center).map((ch) => ch.id));
    if (children.size === 0) throw unknownCenter(center);
    const csv = /^text\/csv/i.test(c.req.header("content-type") ?? "");
    const body = csv
      ? { authorizations: parseSubsidyCsv(await c.req.text()) }
      : await c.req.json().catch(() => {
          throw new AppError("bad_request", "expected a JSON body or text/csv", { field: "body" });
        });
    const list = validateSubsidyImport(body, children);
    const imported = importSubsidyAuthorizations(
      ctx.db,
      center,
      list,
      "import",
      principal.actor,
      ctx.wallClock(),
    );
    return c.json({ imported }, 200);
  });
}
