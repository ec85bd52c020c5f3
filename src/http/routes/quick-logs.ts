/**
 * @module http/routes/quick-logs
 * A teacher's quick log ("napped 12:30-2, ate half her lunch, wet diaper 3pm") about one child,
 * queued for the `quick-log` drafting job; the structured entries then wait as an approval.
 */
import { createHash } from "node:crypto";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { membershipAt } from "../../auth/principal.js";
import { AppError } from "../../errors/index.js";
import { findAgentJob } from "../../storage/agent-jobs.js";
import { getCenter, listChildren } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

export const quickLogBodySchema = z.object({
  text: z.string().trim().min(1).max(4000),
  childId: z.string().min(1),
  by: z.string().trim().min(1).max(200).optional(),
});

const errorBody = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});

const postRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/rooms/{room}/quick-logs",
  tags: ["Drafting"],
  summary: "Queue a teacher's quick log about a child of the room, to be drafted into log entries",
  description:
    "A lead teacher of the room, an assistant director or a director may post. The text is " +
    "untrusted: the drafter quotes it to the model as data. The structured entries wait as a " +
    "`structured_log` approval. Posting the same text for the same room within a minute is one job.",
  request: {
    params: z.object({ center: z.string().min(1), room: z.string().min(1) }),
    body: { required: true, content: { "application/json": { schema: quickLogBodySchema } } },
  },
  responses: {
    202: {
      description: "Queued (or already queued)",
      content: {
        "application/json": {
          schema: z.object({ jobId: z.number().int(), dedupeKey: z.string() }),
        },
      },
    },
    400: errorBody("Bad input"),
    403: errorBody("Not a lead teacher of the room, assistant director or director"),
    404: errorBody("Unknown center, room or child"),
  },
});

const notFound = (what: string, value: string) =>
  new AppError("not_found", `unknown ${what} "${value}"`, { field: what });

export function registerQuickLogRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(postRoute, (c) => {
    const { center, room } = c.req.valid("param");
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const role = membershipAt(principal, center);
    if (!role || !getCenter(ctx.db, center)) throw notFound("center", center);
    const allowed =
      role.role === "director" ||
      role.role === "assistant_director" ||
      (role.role === "lead_teacher" && role.roomIds.includes(room));
    if (!allowed) {
      throw new AppError("forbidden", "only the room's lead teacher or a director may post", {
        role: role.role,
      });
    }
    const child = listChildren(ctx.db, center, [body.childId])[0];
    if (!child || child.homeRoomId !== room) throw notFound("childId", body.childId);
    if (!ctx.quickLog) throw new AppError("internal", "drafting has not started");
    const writtenAt = ctx.clock();
    const minute = writtenAt.toISOString().slice(0, 16);
    const logId = createHash("sha256")
      .update(`${room}\n${minute}\n${body.text}`)
      .digest("hex")
      .slice(0, 24);
    ctx.quickLog(center, {
      logId,
      childId: child.id,
      text: body.text,
      writtenAt,
      writtenBy: body.by ?? principal.name,
    });
    const dedupeKey = `quick-log:${center}:${logId}`;
    const job = findAgentJob(ctx.db, {
      job: "quick-log",
      centerId: center,
      triggerEventId: dedupeKey,
    });
    if (!job) throw new AppError("internal", "the quick log could not be queued");
    return c.json({ jobId: job.id, dedupeKey }, 202);
  });
}
