/**
 * @module mcp/context
 * What the MCP server reads, and the shared helpers its tools use: scope checks that never say
 * whether an out-of-scope center exists, pseudonyms, and tool results.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Center, Room } from "../domain/index.js";
import type { Store } from "../storage/db.js";
import {
  getCenter,
  listCenters,
  listChildren,
  listRooms,
  listStaff,
} from "../storage/directory.js";
import { inScope, type McpScope, maySeeNames, roleAt } from "./auth.js";

export interface McpDeps {
  db: Store;
  /** Business time (the sandbox's clock while it runs). */
  clock: () => Date;
  version: string;
}

export interface ToolEnv {
  deps: McpDeps;
  scope: McpScope;
}

/** A failure the caller can fix: a tool result with `isError`, not a protocol error. */
export class ToolError extends Error {}

export function centersInScope(env: ToolEnv): Center[] {
  return listCenters(env.deps.db).filter((c) => inScope(env.scope, c.id));
}

/** The same message whether the center does not exist or is outside the token's scope. */
export function requireCenter(env: ToolEnv, centerId: string): Center {
  const center = inScope(env.scope, centerId) ? getCenter(env.deps.db, centerId) : undefined;
  if (!center) {
    throw new ToolError(
      `center "${centerId}" is unknown or not in this token's scope; list_centers shows the centers you can read`,
    );
  }
  return center;
}

export function requireRoom(env: ToolEnv, centerId: string, roomId: string): Room {
  requireCenter(env, centerId);
  const room = listRooms(env.deps.db, centerId).find((r) => r.id === roomId);
  if (!room) throw new ToolError(`room "${roomId}" is unknown in center "${centerId}"`);
  return room;
}

/** Labels for people: real names for roles that may see them, else CHILD_n / STAFF_n stable per center. */
export function peopleLabels(
  env: ToolEnv,
  centerId: string,
): { child(id: string): string; staff(id: string): string; names: boolean } {
  const names = maySeeNames(roleAt(env.scope, centerId));
  const label = (
    list: { id: string; firstName: string; lastName: string }[],
    prefix: string,
  ): Map<string, string> =>
    new Map(
      [...list]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((p, i) => [p.id, names ? `${p.firstName} ${p.lastName}` : `${prefix}_${i + 1}`]),
    );
  const children = label(listChildren(env.deps.db, centerId), "CHILD");
  const staff = label(listStaff(env.deps.db, centerId), "STAFF");
  return {
    names,
    child: (id) => children.get(id) ?? "CHILD_UNKNOWN",
    staff: (id) => staff.get(id) ?? "STAFF_UNKNOWN",
  };
}

export function ok<T extends Record<string, unknown>>(data: T): CallToolResult {
  return {
    content: [{ type: "text", text: JSON.stringify(data, null, 2) }],
    structuredContent: data,
  };
}

export function fail(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

/** Runs a tool body, turning a ToolError into an `isError` result. */
export function run<T extends Record<string, unknown>>(body: () => T): CallToolResult {
  try {
    return ok(body());
  } catch (error) {
    if (error instanceof ToolError) return fail(error.message);
    throw error;
  }
}
