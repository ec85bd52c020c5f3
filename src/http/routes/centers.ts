/**
 * @module http/routes/centers
 * `GET /api/centers`, `GET /api/centers/{center}/rooms` and `.../rooms/{room}`: who is in each room
 * now, with the room's latest ratio evaluation (re-run on every event that touches the room and on
 * a timer).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { canSeeCenter } from "../../auth/index.js";
import { roomsWithRatio } from "../../compliance/index.js";
import { centerSchema, roomStateSchema } from "../../domain/index.js";
import { AppError } from "../../errors/index.js";
import { evaluationSchema } from "../../rules/index.js";
import { getCenter, listCenters } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const Center = centerSchema.meta({ id: "Center" });
const Room = roomStateSchema
  .extend({
    ratio: evaluationSchema
      .nullable()
      .describe(
        "The latest ratio evaluation; null until the room is first evaluated, or when the center's jurisdiction has no rule pack",
      ),
  })
  .meta({ id: "Room" });

export const centersResponseSchema = z
  .object({ centers: z.array(Center) })
  .meta({ id: "CenterList" });
export const roomsResponseSchema = z
  .object({
    center: Center,
    asOf: z.iso
      .datetime()
      .describe("Business time of this snapshot (the sandbox clock in the sandbox)"),
    rooms: z.array(Room),
  })
  .meta({ id: "CenterRooms" });
export const roomResponseSchema = z
  .object({ center: Center, asOf: z.iso.datetime(), room: Room })
  .meta({ id: "CenterRoom" });

const listCentersRoute = createRoute({
  method: "get",
  path: "/api/centers",
  tags: ["Centers"],
  summary: "List centers",
  responses: {
    200: {
      description: "Every center the caller may see",
      content: { "application/json": { schema: centersResponseSchema } },
    },
  },
});

const listRoomsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/rooms",
  tags: ["Centers"],
  summary: "Rooms of a center with the children and staff present now",
  request: { params: z.object({ center: z.string().min(1).describe("Center id") }) },
  responses: {
    200: {
      description: "Each room with who is in it",
      content: { "application/json": { schema: roomsResponseSchema } },
    },
    404: {
      description: "Unknown center",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

const getRoomRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/rooms/{room}",
  tags: ["Centers"],
  summary: "One room with the children and staff present now and its ratio evaluation",
  request: {
    params: z.object({
      center: z.string().min(1).describe("Center id"),
      room: z.string().min(1).describe("Room id"),
    }),
  },
  responses: {
    200: {
      description: "The room",
      content: { "application/json": { schema: roomResponseSchema } },
    },
    404: {
      description: "Unknown center or room",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerCenterRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(listCentersRoute, (c) => {
    const principal = c.get("principal");
    const centers = listCenters(ctx.db).filter((center) => canSeeCenter(principal, center.id));
    return c.json({ centers }, 200);
  });

  app.openapi(listRoomsRoute, (c) => {
    const { center: id } = c.req.valid("param");
    const center = getCenter(ctx.db, id);
    if (!center) throw new AppError("not_found", `unknown center "${id}"`, { field: "center" });
    return c.json(
      { center, asOf: ctx.clock().toISOString(), rooms: roomsWithRatio(ctx.db, id) },
      200,
    );
  });

  app.openapi(getRoomRoute, (c) => {
    const { center: centerId, room: roomId } = c.req.valid("param");
    const center = getCenter(ctx.db, centerId);
    if (!center)
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    const room = roomsWithRatio(ctx.db, centerId).find((r) => r.id === roomId);
    if (!room)
      throw new AppError("not_found", `unknown room "${roomId}" in center "${centerId}"`, {
        field: "room",
      });
    return c.json({ center, asOf: ctx.clock().toISOString(), room }, 200);
  });
}
