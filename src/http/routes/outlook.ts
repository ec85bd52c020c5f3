/**
 * @module http/routes/outlook
 * `GET /api/centers/{center}/outlook`: each room's forecast for the next 30 minutes and, for a room
 * that is or will be out of ratio, coverage moves to approve. `GET .../alerts` and
 * `POST .../alerts/{alert}/acknowledge`: the open alerts, and stopping an alert's escalation.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { principalOf, unknownCenter } from "../../auth/index.js";
import { centerOutlook } from "../../compliance/index.js";
import { AppError } from "../../errors/index.js";
import { statusSchema } from "../../rules/index.js";
import { listOpenAlerts } from "../../storage/alerts.js";
import { getCenter } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const step = z.object({
  at: z.string(),
  status: statusSchema,
  compliant: z.boolean(),
  children: z.number().int(),
  countedStaff: z.number().int(),
  requiredStaff: z.number().int(),
  reasons: z.array(z.string()),
});

export const outlookResponseSchema = z
  .object({
    centerId: z.string(),
    asOf: z.string(),
    horizonMinutes: z.number().int(),
    rooms: z.array(
      z.object({
        roomId: z.string(),
        roomName: z.string(),
        firstBreach: z
          .object({
            at: z.string(),
            status: statusSchema,
            reasons: z.array(z.string()),
            summary: z.string(),
          })
          .nullable()
          .describe(
            "The first moment out of ratio within the horizon (now, if it already is); null if none",
          ),
        timeline: z
          .array(step)
          .describe("The room now, then after each known event that changes it"),
        coverage: z
          .object({
            proposals: z.array(
              z.object({
                staffId: z.string(),
                fromRoomId: z.string().nullable(),
                toRoomId: z.string(),
                kind: z.enum(["floater", "room_with_slack", "unassigned"]),
                fixesFully: z.boolean(),
                reasoning: z.array(z.string()),
                targetStatusAfter: statusSchema,
                donorStatusAfter: statusSchema.nullable(),
                requiresApproval: z.literal(true),
              }),
            ),
            reasons: z.array(z.string()),
          })
          .nullable()
          .describe("Ranked moves for a person to approve; null when the room needs no cover"),
      }),
    ),
  })
  .meta({ id: "Outlook" });

const alertSchema = z
  .object({
    id: z.number().int(),
    roomId: z.string(),
    roomName: z.string(),
    kind: z.enum(["approaching", "out_of_ratio"]),
    severity: z.enum(["approaching", "violation", "critical"]),
    roomStatus: z.string(),
    state: z.enum(["open", "resolving", "resolved"]),
    openedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    escalationLevel: z.number().int(),
    shadow: z.boolean(),
    /** When the in-app notice reached the board (wall time); null until it has. */
    inAppDeliveredAt: z.string().nullable(),
  })
  .meta({ id: "Alert" });
export const alertsResponseSchema = z
  .object({ centerId: z.string(), alerts: z.array(alertSchema) })
  .meta({ id: "AlertList" });

const notFound = {
  description: "Unknown center or alert",
  content: { "application/json": { schema: errorBodySchema } },
};
const centerParam = z.object({ center: z.string().min(1) });

const outlookRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/outlook",
  tags: ["Ratio"],
  summary: "Forecast and coverage suggestions for every room",
  request: {
    params: centerParam,
    query: z.object({
      minutes: z.coerce.number().int().min(1).max(240).optional().describe("Horizon, default 30"),
    }),
  },
  responses: {
    200: {
      description: "Each room's next minutes",
      content: { "application/json": { schema: outlookResponseSchema } },
    },
    400: { description: "Bad query", content: { "application/json": { schema: errorBodySchema } } },
    404: notFound,
  },
});

const alertsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/alerts",
  tags: ["Alerts"],
  summary: "Open alerts, worst first",
  request: { params: centerParam },
  responses: {
    200: {
      description: "Open and resolving alerts",
      content: { "application/json": { schema: alertsResponseSchema } },
    },
    404: notFound,
  },
});

const ackRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/alerts/{alert}/acknowledge",
  tags: ["Alerts"],
  summary: "Acknowledge an alert (stops its escalation at the current severity)",
  request: {
    params: centerParam.extend({ alert: z.coerce.number().int().positive() }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            by: z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe(
                "Who acknowledged, as the caller names them; recorded after the signed-in actor",
              ),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The acknowledged alert",
      content: { "application/json": { schema: alertSchema } },
    },
    400: { description: "Bad body", content: { "application/json": { schema: errorBodySchema } } },
    404: notFound,
  },
});

type AlertRowLike = z.input<typeof alertSchema> & Record<string, unknown>;
const toAlert = (row: AlertRowLike) => alertSchema.parse(row);

export function registerOutlookRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const center = (id: string) => {
    const found = getCenter(ctx.db, id);
    if (!found) throw unknownCenter(id);
    return found;
  };

  app.openapi(outlookRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    center(centerId);
    const minutes = c.req.valid("query").minutes ?? 30;
    const at = ctx.clock();
    const rooms = centerOutlook(ctx.db, centerId, at, minutes).map((o) => ({
      roomId: o.roomId,
      roomName: o.roomName,
      firstBreach: o.forecast.firstBreach
        ? {
            at: o.forecast.firstBreach.at,
            status: o.forecast.firstBreach.status,
            reasons: o.forecast.firstBreach.reasons,
            summary: o.forecast.firstBreach.summary,
          }
        : null,
      timeline: o.forecast.timeline.map((s) => ({
        at: s.at,
        status: s.status,
        compliant: s.compliant,
        children: s.children,
        countedStaff: s.countedStaff,
        requiredStaff: s.requiredStaff,
        reasons: s.reasons,
      })),
      coverage: o.coverage
        ? {
            reasons: o.coverage.reasons,
            proposals: o.coverage.proposals.map((p) => ({
              staffId: p.staffId,
              fromRoomId: p.fromRoomId,
              toRoomId: p.toRoomId,
              kind: p.kind,
              fixesFully: p.fixesFully,
              reasoning: p.reasoning,
              targetStatusAfter: p.targetAfter.status,
              donorStatusAfter: p.donorAfter?.status ?? null,
              requiresApproval: true as const,
            })),
          }
        : null,
    }));
    return c.json({ centerId, asOf: at.toISOString(), horizonMinutes: minutes, rooms }, 200);
  });

  app.openapi(alertsRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    center(centerId);
    return c.json({ centerId, alerts: listOpenAlerts(ctx.db, centerId).map(toAlert) }, 200);
  });

  app.openapi(ackRoute, (c) => {
    const { center: centerId, alert: alertId } = c.req.valid("param");
    center(centerId);
    const open = listOpenAlerts(ctx.db, centerId, { includeShadow: true }).find(
      (a) => a.id === alertId,
    );
    const alerting = ctx.alerting;
    if (!open || !alerting)
      throw new AppError("not_found", `no open alert ${alertId} in center "${centerId}"`, {
        field: "alert",
      });
    // The signed-in actor is the record; a name the caller gives is kept beside it, never instead.
    const { by } = c.req.valid("json");
    const actor = principalOf(c).actor;
    const result = alerting.engine.acknowledge(alertId, by ? `${actor} (${by})` : actor);
    if (!result.ok) throw result.error;
    return c.json(toAlert(result.value), 200);
  });
}
