/**
 * @module http/routes/health
 * `GET /healthz`: liveness plus the inbox backlog. `GET /readyz`: ready for traffic (start-up
 * finished, not shutting down), for load balancers and orchestrators.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { countInbox } from "../../storage/inbox.js";
import type { AppContext, AppEnv } from "../context.js";
import { startupSteps } from "../lifecycle.js";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    database: z.enum(["ok", "error"]),
    inbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: "Health" });

const route = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Operations"],
  summary: "Service health",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: healthSchema } } },
    503: {
      description: "The database is unreachable",
      content: { "application/json": { schema: healthSchema } },
    },
  },
});

export const readinessSchema = z
  .object({
    status: z.enum(["starting", "ready", "stopping"]),
    waitingFor: z.array(z.enum(startupSteps)),
  })
  .meta({ id: "Readiness" });

const readyRoute = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["Operations"],
  summary: "Ready for traffic",
  description:
    "200 once start-up has run the migrations, the first directory sync and the inbox drain; 503 " +
    "before that and from the moment shutdown begins. `/healthz` is the liveness check.",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: readinessSchema } } },
    503: {
      description: "Starting or stopping",
      content: { "application/json": { schema: readinessSchema } },
    },
  },
});

export function registerHealthRoute(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(route, (c) => {
    try {
      ctx.db.run(sql`select 1`);
      const inbox = {
        pending: countInbox(ctx.db, "pending"),
        failed: countInbox(ctx.db, "failed"),
      };
      return c.json(
        { status: "ok" as const, version: ctx.version, database: "ok" as const, inbox },
        200,
      );
    } catch {
      return c.json(
        {
          status: "degraded" as const,
          version: ctx.version,
          database: "error" as const,
          inbox: { pending: 0, failed: 0 },
        },
        503,
      );
    }
  });
  app.openapi(readyRoute, (c) => {
    const body = { status: ctx.lifecycle.state, waitingFor: ctx.lifecycle.waitingFor };
    return c.json(body, body.status === "ready" ? 200 : 503);
  });
}
