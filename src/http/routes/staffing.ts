/**
 * @module http/routes/staffing
 * `GET /api/centers/{center}/staffing?date=&room=`: the staffing plan of each room (or one) for
 * the seven days from `date`: expected children, counted and required staff per 15-minute slot,
 * and the suggestions a director could propose. Read-only.
 * `POST /api/centers/{center}/staffing/proposals`: a director or assistant director proposes one
 * of those suggestions (named by its id) as a pending approval, once.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { approvalKindSchema } from "../../approvals/index.js";
import { principalOf } from "../../auth/index.js";
import { AppError } from "../../errors/index.js";
import { settled } from "../../offload/index.js";
import { staff as staffRules } from "../../rules/index.js";
import {
  canProposeStaffing,
  proposalRequestSchema,
  proposeFromPlanView,
} from "../../staff/index.js";
import { getCenter, listRooms } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";
import { jsonText } from "./report-response.js";

const staffingBodySchema = z.object({
  centerId: z.string(),
  weekStart: z.string(),
  rooms: z.array(
    staffRules.staffingPlanSchema.extend({
      /** The id of each suggestion, in order: what a proposal names. */
      suggestionIds: z.array(z.string()),
    }),
  ),
});

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
          schema: staffingBodySchema,
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

const proposalBodySchema = z.object({
  approvalId: z.number().int(),
  kind: approvalKindSchema,
  state: z.string(),
  title: z.string(),
  /** False when the suggestion had been proposed already: the existing approval is returned. */
  created: z.boolean(),
});

const proposalRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/staffing/proposals",
  tags: ["Staff"],
  summary: "Propose a staffing plan suggestion as a pending approval (once per suggestion)",
  request: {
    params: z.object({ center: z.string().min(1) }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: proposalRequestSchema.extend({
            room: proposalRequestSchema.shape.room.describe("The room whose plan it is"),
            date: proposalRequestSchema.shape.date.describe("First local date of the plan"),
            suggestion: proposalRequestSchema.shape.suggestion.describe(
              "The suggestion's id, e.g. 2026-11-23.floater.15:30-17:30",
            ),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "Already proposed: the existing approval",
      content: { "application/json": { schema: proposalBodySchema } },
    },
    201: {
      description: "Proposed: a pending approval, sent nowhere until someone approves it",
      content: { "application/json": { schema: proposalBodySchema } },
    },
    400: { description: "Bad input", content: { "application/json": { schema: errorBodySchema } } },
    403: {
      description: "Only a director or assistant director may propose",
      content: { "application/json": { schema: errorBodySchema } },
    },
    404: {
      description: "Unknown center, room or suggestion",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

export function registerStaffingRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(staffingRoute, async (c) => {
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
    const body = await ctx.offload.run("staffingPlans", {
      center,
      roomIds: rooms.map((r) => r.id),
      weekStart: date,
      at: ctx.clock().toISOString(),
    });
    return jsonText<z.infer<typeof staffingBodySchema>>(c, body);
  });

  app.openapi(proposalRoute, async (c) => {
    const { center: centerId } = c.req.valid("param");
    const principal = principalOf(c);
    const center = getCenter(ctx.db, centerId);
    if (!center) {
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    }
    if (!canProposeStaffing(principal, center.id)) {
      throw new AppError(
        "forbidden",
        "only a director or assistant director may propose a staffing change",
      );
    }
    const request = c.req.valid("json");
    const view = await settled(
      ctx.offload.run("staffingView", {
        center,
        roomId: request.room,
        weekStart: request.date,
        actor: principal.actor,
        at: ctx.clock(),
      }),
    );
    if (!view.ok) throw view.error;
    const proposed = proposeFromPlanView(
      ctx.db,
      view.value,
      request,
      ctx.wallClock().toISOString(),
    );
    if (!proposed.ok) throw proposed.error;
    const { row, created } = proposed.value;
    const body = {
      approvalId: row.id,
      kind: row.kind,
      state: row.state,
      title: row.title,
      created,
    };
    return created ? c.json(body, 201) : c.json(body, 200);
  });
}
