/**
 * @module http/routes/centers
 * `GET /api/centers` and `GET /api/centers/{center}/rooms`: the live state of every room.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { centerSchema, roomStateSchema } from "../../domain/index.js";
import { AppError } from "../../errors/index.js";
import { roomStates } from "../../live/index.js";
import { getCenter, listCenters } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const Center = centerSchema.meta({ id: "Center" });
const RoomState = roomStateSchema.meta({ id: "RoomState" });

export const centersResponseSchema = z
  .object({ centers: z.array(Center) })
  .meta({ id: "CenterList" });
export const roomsResponseSchema = z
  .object({
    center: Center,
    asOf: z.iso
      .datetime()
      .describe("Business time of this snapshot (the sandbox clock in the sandbox)"),
    rooms: z.array(RoomState),
  })
  .meta({ id: "CenterRooms" });

const listCentersRoute = createRoute({
  method: "get",
  path: "/api/centers",
  tags: ["Centers"],
  summary: "List centers",
  responses: {
    200: {
      description: "Every center Centerline knows",
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

export function registerCenterRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(listCentersRoute, (c) => c.json({ centers: listCenters(ctx.db) }, 200));

  app.openapi(listRoomsRoute, (c) => {
    const { center: id } = c.req.valid("param");
    const center = getCenter(ctx.db, id);
    if (!center) throw new AppError("not_found", `unknown center "${id}"`, { field: "center" });
    return c.json({ center, asOf: ctx.clock().toISOString(), rooms: roomStates(ctx.db, id) }, 200);
  });
}
