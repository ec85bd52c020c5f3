/**
 * @module http/app
 * The Hono app: request ids and structured request logs, the routes, the OpenAPI document and the
 * one error handler.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { registerAuth, withBearerAuth } from "../auth/index.js";
import { AppError, fromZodError } from "../errors/index.js";
import { registerBoard } from "../web/board.js";
import { registerWebApp } from "../web/index.js";
import type { AppContext, AppEnv } from "./context.js";
import { registerDocs } from "./docs.js";
import { errorResponse, toAppError } from "./errors.js";
import { registerApprovalRoutes } from "./routes/approvals.js";
import { registerAuditRoutes } from "./routes/audit.js";
import { registerCenterRoutes } from "./routes/centers.js";
import { registerCustodyRoutes } from "./routes/custody.js";
import { registerDoorRoutes } from "./routes/door.js";
import { registerDrillRoutes } from "./routes/drills.js";
import { registerHealthRoute } from "./routes/health.js";
import { registerOutlookRoutes } from "./routes/outlook.js";
import { registerQuickLogRoutes } from "./routes/quick-logs.js";
import { registerRatioRoutes } from "./routes/ratio.js";
import { registerReportRoutes } from "./routes/reports.js";
import { registerStaffRoutes } from "./routes/staff.js";
import { registerStaffRecordRoutes } from "./routes/staff-records.js";
import { registerStaffingRoutes } from "./routes/staffing.js";
import { registerWebhookRoutes } from "./routes/webhooks.js";

/** The largest `/api` request body: a CSV import of some thousands of rows fits well within. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

export function createApp(ctx: AppContext): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Invalid params or bodies on documented routes get the shared error shape, naming the field.
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, fromZodError(result.error, "bad_request"));
    },
  });

  app.use(requestId());
  app.use(async (c, next) => {
    const log = ctx.logger.child({ requestId: c.get("requestId") });
    c.set("log", log);
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  });

  // Refused before it is read (by Content-Length, or as a chunked body streams past the limit).
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: API_BODY_LIMIT_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", "request bodies are limited to 1 MiB", {
          field: "body",
          limitBytes: API_BODY_LIMIT_BYTES,
        });
      },
    }),
  );

  registerAuth(app, ctx);
  registerHealthRoute(app, ctx);
  registerCenterRoutes(app, ctx);
  registerRatioRoutes(app, ctx);
  registerOutlookRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerStaffRecordRoutes(app, ctx);
  registerStaffingRoutes(app, ctx);
  registerDrillRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerApprovalRoutes(app, ctx);
  registerDoorRoutes(app, ctx);
  registerQuickLogRoutes(app, ctx);
  registerCustodyRoutes(app, ctx);
  registerBoard(app, ctx);
  registerWebApp(app, ctx);
  registerDocs(app);
  if (ctx.sandboxApi) app.route("/", ctx.sandboxApi);

  app.get("/openapi.json", (c) =>
    c.json(
      withBearerAuth(
        app.getOpenAPI31Document({
          openapi: "3.1.0",
          info: {
            title: "Centerline API",
            version: ctx.version,
            description:
              "Live center state and platform webhooks. Every error response has the shape " +
              "`{ error: { code, message, details } }`. Every `/api` operation takes " +
              "`Authorization: Bearer <token>`.",
          },
        }),
      ),
    ),
  );

  app.notFound((c) =>
    errorResponse(c, new AppError("not_found", `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === "internal") c.get("log")?.error({ err: error }, "unhandled error");
    return errorResponse(c, appError);
  });
  return app;
}
