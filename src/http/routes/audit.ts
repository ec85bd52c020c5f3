/**
 * @module http/routes/audit
 * `GET /api/centers/{center}/audit`: a center's audit log, searched by local date range, free
 * text, actor, action prefix, subject and correlation id. `format=json` (default) pages newest
 * first; `format=csv` downloads every matching entry, oldest first, as an attachment (RFC 4180,
 * with the hashes, as `audit export` writes it).
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  auditCsv,
  auditEntrySchema,
  auditQuerySchema,
  chunked,
  exportFormatSchema,
  iterateCenterAudit,
  searchAudit,
} from "../../audit/index.js";
import { canSeeCenter } from "../../auth/principal.js";
import { AppError } from "../../errors/index.js";
import { getCenter } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

/** Characters of CSV per streamed chunk: a few dozen entries, a few milliseconds of work. */
const CHUNK_CHARS = 16 * 1024;

export const auditPageSchema = z
  .object({
    centerId: z.string(),
    entries: z.array(auditEntrySchema).describe("Newest first"),
    nextBefore: z
      .number()
      .int()
      .nullable()
      .describe("Pass as `before` for the next page; null on the last page"),
  })
  .meta({ id: "AuditPage" });

const auditRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/audit",
  tags: ["Audit"],
  summary: "Search a center's audit log, or download it as CSV",
  request: {
    params: z.object({ center: z.string().min(1).describe("Center id") }),
    query: auditQuerySchema.extend({
      format: exportFormatSchema
        .optional()
        .describe("json (default): a page; csv: every matching entry as a download"),
    }),
  },
  responses: {
    200: {
      description: "A page of entries (JSON), or all matching entries (CSV)",
      content: {
        "application/json": { schema: auditPageSchema },
        "text/csv": { schema: z.string().describe("RFC 4180, a header row, CRLF line ends") },
      },
    },
    400: { description: "Bad query", content: { "application/json": { schema: errorBodySchema } } },
    404: {
      description: "Unknown center",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(auditRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    const { format, ...query } = c.req.valid("query");
    // Scope: a signed-in principal sees only its own centers' log; outside them the center does
    // not exist for it (404, as for an unknown id).
    const principal = c.get("principal");
    const center = getCenter(ctx.db, centerId);
    if (!center || (principal && !canSeeCenter(principal, centerId))) {
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    }
    if (format === "csv") {
      const rows = iterateCenterAudit(ctx.db, center, query);
      if (!rows.ok) throw rows.error;
      const chunks = chunked(auditCsv(rows.value), CHUNK_CHARS)[Symbol.iterator]();
      const encoder = new TextEncoder();
      // Pulled a chunk at a time, so a long range streams instead of being built in memory; each
      // chunk after a turn of the event loop, so a long export never holds it (the socket may take
      // chunk after chunk without ever making the writer wait).
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await yieldToLoop();
          const next = chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      const name = `audit-${centerId}-${query.from ?? "start"}-${query.to ?? "now"}.csv`;
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      });
    }
    const page = searchAudit(ctx.db, center, query);
    if (!page.ok) throw page.error;
    return c.json({ centerId, ...page.value }, 200);
  });
}
