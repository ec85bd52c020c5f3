/**
 * @module http/routes/staff
 * `GET /api/centers/{center}/staff/credentials?format=json|csv&room=`: every staff member's
 * required credentials with their status on the center's date, as data or an inspector's CSV.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { AppError } from "../../errors/index.js";
import {
  credentialMatrix,
  credentialReport,
  credentialReportCsv,
  credentialReportSchema,
  RENEWAL_TAG,
} from "../../staff/index.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const credentialsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/staff/credentials",
  tags: ["Staff"],
  summary: "Staff credential status: each required credential, its dates, status and source",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      format: z.enum(["json", "csv"]).default("json"),
      room: z.string().min(1).optional().describe("Only staff whose home room this is"),
    }),
  },
  responses: {
    200: {
      description: "The credential report",
      content: {
        "application/json": { schema: credentialReportSchema },
        "text/csv": { schema: z.string() },
      },
    },
    404: {
      description: "Unknown center",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerStaffRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(credentialsRoute, (c) => {
    const { center } = c.req.valid("param");
    const { format, room } = c.req.valid("query");
    const matrix = credentialMatrix(ctx.db, center, ctx.clock(), room);
    if (!matrix) throw new AppError("not_found", `unknown center "${center}"`, { field: "center" });
    if (room !== undefined && !matrix.rooms.some((r) => r.id === room)) {
      throw new AppError("not_found", `unknown room "${room}"`, { field: "room" });
    }
    const report = credentialReport(matrix, RENEWAL_TAG);
    if (format === "csv") {
      return c.body(credentialReportCsv(report), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="staff-credentials-${center}-${report.asOf}.csv"`,
      });
    }
    return c.json(report, 200);
  });
}
