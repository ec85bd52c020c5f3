/**
 * @module http/routes/quick-logs
 * A teacher's quick log ("napped 12:30-2, ate half her lunch, wet diaper 3pm") about one child,
 * queued for the `quick-log` drafting job; the structured entries then wait as an approval.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { quickLogBodySchema, submitQuickLog } from "../../drafting/quick-log-intake.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

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

export function registerQuickLogRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(postRoute, (c) => {
    const { center, room } = c.req.valid("param");
    return c.json(submitQuickLog(ctx, c.get("principal"), center, room, c.req.valid("json")), 202);
  });
}
