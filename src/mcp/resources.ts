/**
 * @module mcp/resources
 * Each center and room as a resource with a stable URI, and every jurisdiction's rule pack:
 *   centerline://centers/{centerId}
 *   centerline://centers/{centerId}/rooms/{roomId}
 *   centerline://rules/{jurisdiction}
 */
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { roomsWithRatio } from "../compliance/index.js";
import { getRulePack, listRulePacks } from "../rules/index.js";
import { listRooms } from "../storage/directory.js";
import { centersInScope, requireCenter, requireRoom, type ToolEnv, ToolError } from "./context.js";

export const centerUri = (centerId: string) =>
  `centerline://centers/${encodeURIComponent(centerId)}`;
export const roomUri = (centerId: string, roomId: string) =>
  `${centerUri(centerId)}/rooms/${encodeURIComponent(roomId)}`;
export const rulesUri = (code: string) => `centerline://rules/${encodeURIComponent(code)}`;

function one(value: string | string[] | undefined): string {
  return decodeURIComponent(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
}

/** An unknown or out-of-scope resource: the same InvalidParams error either way. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ToolError) throw new McpError(ErrorCode.InvalidParams, error.message);
    throw error;
  }
}

function json(uri: URL, data: unknown) {
  return {
    contents: [
      { uri: uri.href, mimeType: "application/json", text: JSON.stringify(data, null, 2) },
    ],
  };
}

export function registerResources(server: McpServer, env: ToolEnv): void {
  server.registerResource(
    "center",
    new ResourceTemplate("centerline://centers/{centerId}", {
      list: () => ({
        resources: centersInScope(env).map((c) => ({
          uri: centerUri(c.id),
          name: c.name,
          mimeType: "application/json",
        })),
      }),
    }),
    { title: "Center", description: "A center with its rooms", mimeType: "application/json" },
    (uri, vars) =>
      guard(() => {
        const center = requireCenter(env, one(vars.centerId));
        const rooms = listRooms(env.deps.db, center.id).map((r) => ({
          ...r,
          uri: roomUri(center.id, r.id),
        }));
        return json(uri, { ...center, rulesUri: rulesUri(center.jurisdiction), rooms });
      }),
  );

  server.registerResource(
    "room",
    new ResourceTemplate("centerline://centers/{centerId}/rooms/{roomId}", {
      list: () => ({
        resources: centersInScope(env).flatMap((c) =>
          listRooms(env.deps.db, c.id).map((r) => ({
            uri: roomUri(c.id, r.id),
            name: `${c.name} — ${r.name}`,
            mimeType: "application/json",
          })),
        ),
      }),
    }),
    {
      title: "Room",
      description: "A room, its counts now and its latest ratio evaluation (no names)",
      mimeType: "application/json",
    },
    (uri, vars) =>
      guard(() => {
        const centerId = one(vars.centerId);
        const room = requireRoom(env, centerId, one(vars.roomId));
        const live = roomsWithRatio(env.deps.db, centerId).find((r) => r.id === room.id);
        return json(uri, {
          ...room,
          counts: live?.counts ?? null,
          ratio: live?.ratio ?? null,
        });
      }),
  );

  server.registerResource(
    "rule-pack",
    new ResourceTemplate("centerline://rules/{jurisdiction}", {
      list: () => ({
        resources: listRulePacks().map((p) => ({
          uri: rulesUri(p.code),
          name: `${p.code} rule pack`,
          mimeType: "application/json",
        })),
      }),
    }),
    {
      title: "Rule pack",
      description: "A jurisdiction's cited ratio rules",
      mimeType: "application/json",
    },
    (uri, vars) => {
      const code = one(vars.jurisdiction);
      const pack = getRulePack(code);
      if (!pack) throw new McpError(ErrorCode.InvalidParams, `no rule pack for "${code}"`);
      return json(uri, pack);
    },
  );
}
