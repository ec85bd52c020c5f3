/**
 * @module http/routes/staffing
 * `GET /api/centers/{center}/staffing?date=&room=`: the staffing plan of each room (or one) for
 * the seven days from `date`: expected children, counted and required staff per 15-minute slot,
 * and the suggestions a director could propose. Read-only.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { AppError } from "../../errors/index.js";
import { staff as staffRules } from "../../rules/index.js";
import { roomStaffingPlan } from "../../staff/index.js";
import { getCenter, listRooms } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const staffingRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/staffing",
  tags: ["Staff"],
  summary: "Staffing plan: expected children vs scheduled staff per room and 15-minute slot",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      date: z.iso.date().describe("First local date of the seven days planned"),
      room: z.string().min(1).optional().describe("Only this room"),
    }),
  },
  responses: {
    200: {
      description: "One plan per room",
      content: {
        "application/json": {
          schema: z.object({
            centerId: z.string(),
            weekStart: z.string(),
            rooms: z.array(staffRules.staffingPlanSchema),
          }),
        },
      },
    },
    400: { description: "Bad input", content: { "application/json": { schema: errorBodySchema } } },
    404: {
      description: "Unknown center or room",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerStaffingRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(staffingRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    const { date, room } = c.req.valid("query");
    const center = getCenter(ctx.db, centerId);
    if (!center) {
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    }
    const rooms = listRooms(ctx.db, center.id).filter((r) => room === undefined || r.id === room);
    if (room !== undefined && rooms.length === 0) {
      throw new AppError("not_found", `unknown room "${room}"`, { field: "room" });
    }
    const plans = rooms.map((r) => {
      const plan = roomStaffingPlan(ctx.db, center, { roomId: r.id, weekStart: date });
      if (!plan.ok) throw plan.error;
      return plan.value;
    });
    return c.json({ centerId: center.id, weekStart: date, rooms: plans }, 200);
  });
}
