/**
 * @module http/routes/ratio
 * The record an inspector asks for: a room's ratio history for a day (every change of status with
 * the evaluation and the event that caused it) and a center's violations (start, end, worst).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { unknownCenter } from "../../auth/index.js";
import { addDays, instantToZoned, zonedDateTimeToInstant } from "../../domain/time.js";
import { AppError } from "../../errors/index.js";
import { evaluationSchema, statusSchema } from "../../rules/index.js";
import { getCenter, listRooms } from "../../storage/directory.js";
import { listViolations } from "../../storage/ratio.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

export const historyResponseSchema = z
  .object({
    centerId: z.string(),
    roomId: z.string(),
    date: z.iso.date().describe("The center's local date"),
    changes: z.array(
      z.object({
        at: z.string(),
        status: statusSchema,
        previousStatus: statusSchema.nullable(),
        cause: z
          .string()
          .describe("The event that caused the change (provider:event id), or timer/start-up"),
        evaluation: evaluationSchema,
      }),
    ),
  })
  .meta({ id: "RatioHistory" });

export const violationsResponseSchema = z
  .object({
    centerId: z.string(),
    violations: z.array(
      z.object({
        id: z.number().int(),
        roomId: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        minutes: z.number().nullable().describe("Length in minutes; null while still open"),
        worstStatus: statusSchema,
        startCause: z.string(),
        endCause: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Violations" });

const notFound = {
  description: "Unknown center or room",
  content: { "application/json": { schema: errorBodySchema } },
};

const historyRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/rooms/{room}/history",
  tags: ["Ratio"],
  summary: "A room's ratio history for one local day",
  request: {
    params: z.object({ center: z.string().min(1), room: z.string().min(1) }),
    query: z.object({
      date: z.iso.date().optional().describe("Local date; default: today at the center"),
    }),
  },
  responses: {
    200: {
      description: "Every change of status that day",
      content: { "application/json": { schema: historyResponseSchema } },
    },
    400: { description: "Bad date", content: { "application/json": { schema: errorBodySchema } } },
    404: notFound,
  },
});

const violationsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/violations",
  tags: ["Ratio"],
  summary: "A center's ratio violations, open and closed",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      open: z.enum(["true", "false"]).optional().describe("Only those still open"),
    }),
  },
  responses: {
    200: {
      description: "Violations, oldest first",
      content: { "application/json": { schema: violationsResponseSchema } },
    },
    400: { description: "Bad query", content: { "application/json": { schema: errorBodySchema } } },
    404: notFound,
  },
});

export function registerRatioRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(historyRoute, async (c) => {
    const { center: centerId, room: roomId } = c.req.valid("param");
    const center = getCenter(ctx.db, centerId);
    if (!center) throw unknownCenter(centerId);
    if (!listRooms(ctx.db, centerId).some((r) => r.id === roomId)) {
      throw new AppError("not_found", `unknown room "${roomId}" in center "${centerId}"`, {
        field: "room",
      });
    }
    const date = c.req.valid("query").date ?? instantToZoned(ctx.clock(), center.timeZone).date;
    const from = zonedDateTimeToInstant(date, "00:00", center.timeZone).toISOString();
    const to = zonedDateTimeToInstant(addDays(date, 1), "00:00", center.timeZone).toISOString();
    const changes = await ctx.offload.run("roomHistory", { centerId, roomId, from, to });
    return c.json({ centerId, roomId, date, changes }, 200);
  });

  app.openapi(violationsRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    if (!getCenter(ctx.db, centerId)) {
      throw unknownCenter(centerId);
    }
    const openOnly = c.req.valid("query").open === "true";
    const violations = listViolations(ctx.db, centerId, { openOnly }).map((v) => ({
      id: v.id,
      roomId: v.roomId,
      startedAt: v.startedAt,
      endedAt: v.endedAt,
      minutes:
        v.endedAt === null ? null : (Date.parse(v.endedAt) - Date.parse(v.startedAt)) / 60_000,
      worstStatus: statusSchema.parse(v.worstStatus),
      startCause: v.startCause,
      endCause: v.endCause,
    }));
    return c.json({ centerId, violations }, 200);
  });
}
