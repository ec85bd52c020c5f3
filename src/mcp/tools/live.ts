/**
 * @module mcp/tools/live
 * Live center state: the centers a token may read, room status with the ratio explanation, the
 * 30-minute forecast and who is in each room now.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { centerOutlook, roomsWithRatio } from "../../compliance/index.js";
import { listRooms } from "../../storage/directory.js";
import {
  centersInScope,
  peopleLabels,
  requireCenter,
  requireRoom,
  run,
  type ToolEnv,
} from "../context.js";

const readOnly = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;
const centerId = z.string().min(1).max(128).describe("A center id from list_centers");
const roomId = z.string().min(1).max(128).describe("A room id from the center's resource");

const roomStatusSchema = z.object({
  roomId: z.string(),
  roomName: z.string(),
  ageGroup: z.string(),
  status: z
    .string()
    .nullable()
    .describe("ok, approaching, violation or critical; null before the first evaluation"),
  compliant: z.boolean().nullable(),
  children: z.number().int(),
  countedStaff: z.number().int().nullable(),
  requiredStaff: z.number().int().nullable(),
  slack: z.string().nullable(),
  reasons: z.array(z.string()),
  explanation: z.array(z.string()).describe("The rule, its citation and the arithmetic"),
  evaluatedAt: z.string().nullable(),
});

export function registerLiveTools(server: McpServer, env: ToolEnv): void {
  server.registerTool(
    "list_centers",
    {
      title: "List centers",
      description: "The centers this token may read, with jurisdiction, time zone and rooms.",
      inputSchema: {},
      outputSchema: {
        centers: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            jurisdiction: z.string(),
            timeZone: z.string(),
            provider: z.string(),
            rooms: z.array(z.object({ id: z.string(), name: z.string(), ageGroup: z.string() })),
          }),
        ),
      },
      annotations: readOnly,
    },
    () =>
      run(() => ({
        centers: centersInScope(env).map((c) => ({
          id: c.id,
          name: c.name,
          jurisdiction: c.jurisdiction,
          timeZone: c.timeZone,
          provider: c.provider,
          rooms: listRooms(env.deps.db, c.id).map((r) => ({
            id: r.id,
            name: r.name,
            ageGroup: r.ageGroup,
          })),
        })),
      })),
  );

  server.registerTool(
    "room_status",
    {
      title: "Room ratio status",
      description:
        "The latest ratio evaluation of one room, or of every room of a center, with the rule, its " +
        "citation and the arithmetic that decided it.",
      inputSchema: { centerId, roomId: roomId.optional().describe("Omit for every room") },
      outputSchema: { centerId: z.string(), at: z.string(), rooms: z.array(roomStatusSchema) },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        requireCenter(env, args.centerId);
        if (args.roomId !== undefined) requireRoom(env, args.centerId, args.roomId);
        const rooms = roomsWithRatio(env.deps.db, args.centerId)
          .filter((r) => args.roomId === undefined || r.id === args.roomId)
          .map((r) => ({
            roomId: r.id,
            roomName: r.name,
            ageGroup: r.ageGroup,
            status: r.ratio?.status ?? null,
            compliant: r.ratio?.compliant ?? null,
            children: r.counts.children,
            countedStaff: r.ratio?.countedStaff ?? null,
            requiredStaff: r.ratio?.requiredStaff ?? null,
            slack: r.ratio?.slack ?? null,
            reasons: r.ratio?.reasons ?? [],
            explanation: r.ratio?.explanation ?? [],
            evaluatedAt: r.ratio?.at ?? null,
          }));
        return { centerId: args.centerId, at: env.deps.clock().toISOString(), rooms };
      }),
  );

  server.registerTool(
    "forecast",
    {
      title: "Ratio forecast",
      description:
        "The next minutes of every room of a center (or one room): the first moment out of ratio " +
        "and why, from scheduled arrivals, pick-ups, shift ends and planned breaks.",
      inputSchema: {
        centerId,
        roomId: roomId.optional().describe("Omit for every room"),
        horizonMinutes: z.number().int().min(5).max(240).default(30),
      },
      outputSchema: {
        centerId: z.string(),
        at: z.string(),
        horizonMinutes: z.number().int(),
        rooms: z.array(
          z.object({
            roomId: z.string(),
            roomName: z.string(),
            statusNow: z.string().nullable(),
            firstBreach: z
              .object({
                at: z.string(),
                status: z.string(),
                summary: z.string(),
                reasons: z.array(z.string()),
              })
              .nullable(),
            changes: z.number().int().describe("Forecast steps after now"),
          }),
        ),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        requireCenter(env, args.centerId);
        if (args.roomId !== undefined) requireRoom(env, args.centerId, args.roomId);
        const at = env.deps.clock();
        const rooms = centerOutlook(env.deps.db, args.centerId, at, args.horizonMinutes)
          .filter((r) => args.roomId === undefined || r.roomId === args.roomId)
          .map((r) => {
            const breach = r.forecast.firstBreach;
            return {
              roomId: r.roomId,
              roomName: r.roomName,
              statusNow: r.forecast.timeline[0]?.status ?? null,
              firstBreach: breach
                ? {
                    at: breach.at,
                    status: breach.status,
                    summary: breach.summary,
                    reasons: breach.reasons,
                  }
                : null,
              changes: Math.max(0, r.forecast.timeline.length - 1),
            };
          });
        return {
          centerId: args.centerId,
          at: at.toISOString(),
          horizonMinutes: args.horizonMinutes,
          rooms,
        };
      }),
  );

  server.registerTool(
    "roster",
    {
      title: "Current roster by room",
      description:
        "Who is in each room now, with counts. Names for directors, assistant directors and lead " +
        "teachers; other roles get pseudonyms (CHILD_1, STAFF_1) that are stable per center.",
      inputSchema: { centerId, roomId: roomId.optional().describe("Omit for every room") },
      outputSchema: {
        centerId: z.string(),
        pseudonymized: z.boolean(),
        rooms: z.array(
          z.object({
            roomId: z.string(),
            roomName: z.string(),
            counts: z.object({
              children: z.number().int(),
              staffPresent: z.number().int(),
              staffOnBreak: z.number().int(),
            }),
            children: z.array(z.string()),
            staff: z.array(z.object({ name: z.string(), role: z.string(), onBreak: z.boolean() })),
          }),
        ),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        requireCenter(env, args.centerId);
        if (args.roomId !== undefined) requireRoom(env, args.centerId, args.roomId);
        const labels = peopleLabels(env, args.centerId);
        const rooms = roomsWithRatio(env.deps.db, args.centerId)
          .filter((r) => args.roomId === undefined || r.id === args.roomId)
          .map((r) => ({
            roomId: r.id,
            roomName: r.name,
            counts: r.counts,
            children: r.children.map((c) => labels.child(c.id)),
            staff: r.staff.map((s) => ({
              name: labels.staff(s.id),
              role: s.role,
              onBreak: s.onBreak,
            })),
          }));
        return { centerId: args.centerId, pseudonymized: !labels.names, rooms };
      }),
  );
}
