/**
 * @module http/routes/drills
 * Running an emergency drill through the API (the phone page posts the same actions as forms):
 * `POST /api/centers/{center}/drills` starts one, `.../drills/{id}/marks` records a person as
 * accounted for, `.../drills/{id}/end` ends it. Each answers with the drill's reconciliation so
 * far (the report routes give it as CSV and PDF).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { principalOf } from "../../auth/index.js";
import {
  drillMarkSchema,
  drillStartSchema,
  endDrill,
  markDrill,
  startDrill,
} from "../../drills/index.js";
import { AppError } from "../../errors/index.js";
import { buildDrillReport, drillReportSchema, loadDrillReportRows } from "../../reports/index.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});
const params = z.object({ center: z.string().min(1) });
const drillParams = params.extend({ id: z.coerce.number().int().positive() });
const ok = (description: string) => ({
  description,
  content: { "application/json": { schema: drillReportSchema } },
});

const startRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/drills",
  tags: ["Drills"],
  summary: "Start a drill: who is present now (live state) is who must be accounted for",
  request: {
    params,
    body: { required: false, content: { "application/json": { schema: drillStartSchema } } },
  },
  responses: {
    201: ok("Started"),
    400: error("Bad body"),
    403: error("May not run drills here"),
    404: error("Unknown center"),
    409: error("A drill is already running"),
  },
});

const markRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/drills/{id}/marks",
  tags: ["Drills"],
  summary: "Record a child or staff member as accounted for at the assembly point (now)",
  request: {
    params: drillParams,
    body: { required: true, content: { "application/json": { schema: drillMarkSchema } } },
  },
  responses: {
    200: ok("Recorded (a repeated tap keeps the first time)"),
    400: error("Unknown person or bad body"),
    403: error("May not run drills here"),
    404: error("Unknown center or drill"),
    409: error("The drill has ended"),
  },
});

const endRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/drills/{id}/end",
  tags: ["Drills"],
  summary: "End a drill",
  request: { params: drillParams },
  responses: {
    200: ok("Ended"),
    403: error("May not run drills here"),
    404: error("Unknown center or drill"),
    409: error("The drill has already ended"),
  },
});

export function registerDrillRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const report = (centerId: string, id: number) => {
    const rows = loadDrillReportRows(ctx.db, centerId, id);
    if (!rows) throw new AppError("not_found", `no drill ${id} at this center`, { field: "id" });
    return buildDrillReport(rows, ctx.wallClock());
  };

  app.openapi(startRoute, async (c) => {
    const { center } = c.req.valid("param");
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : undefined;
    const { kind } = drillStartSchema.parse(body ?? {});
    const drill = startDrill(ctx.db, center, principalOf(c), kind, ctx.clock());
    return c.json(report(center, drill.id), 201);
  });

  app.openapi(markRoute, (c) => {
    const { center, id } = c.req.valid("param");
    markDrill(ctx.db, center, id, principalOf(c), c.req.valid("json"), ctx.clock());
    return c.json(report(center, id), 200);
  });

  app.openapi(endRoute, (c) => {
    const { center, id } = c.req.valid("param");
    endDrill(ctx.db, center, id, principalOf(c), ctx.clock());
    return c.json(report(center, id), 200);
  });
}
