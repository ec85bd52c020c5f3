/**
 * @module mcp/auth
 * What an MCP caller may read: the scope of its principal (an API token or the bootstrap token,
 * resolved like any `/api` call), or of a deprecated `MCP_TOKENS` entry
 * (`token:role:center1|center2`, `*` for every center). Nothing over MCP writes.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Principal } from "../auth/principal.js";
import type { McpRole, McpScope, McpToken } from "../config/mcp-tokens.js";

export type { McpRole, McpScope, McpToken } from "../config/mcp-tokens.js";
export { mcpRoleSchema, mcpTokensSchema } from "../config/mcp-tokens.js";

/** Roles that see children's and staff's names; the others get pseudonyms (CHILD_1, STAFF_1). */
export function maySeeNames(role: McpRole): boolean {
  return role === "director" || role === "assistant_director" || role === "lead_teacher";
}

export function inScope(scope: McpScope, centerId: string): boolean {
  return scope.centers === "*" || scope.centers.includes(centerId);
}

/** The caller's role at one center. */
export function roleAt(scope: McpScope, centerId: string): McpRole {
  return scope.roles?.[centerId] ?? scope.roles?.["*"] ?? scope.role;
}

/** A principal's memberships as an MCP scope: its centers, and its role at each. */
export function scopeForPrincipal(principal: Principal): McpScope {
  const roles = Object.fromEntries(principal.memberships.map((m) => [m.centerId, m.role]));
  const all = principal.memberships.some((m) => m.centerId === "*");
  const least = principal.memberships.find((m) => !maySeeNames(m.role)) ?? principal.memberships[0];
  return {
    role: least?.role ?? "auditor",
    centers: all ? "*" : principal.memberships.map((m) => m.centerId),
    roles,
  };
}

/** A random director token for every center: what the sandbox uses when MCP_TOKENS is unset. */
export function generateMcpToken(): McpToken {
  return { token: `mcp_${randomBytes(24).toString("base64url")}`, role: "director", centers: "*" };
}

/** The token's scope, or undefined when the header is missing or the token unknown. */
export function authenticate(
  tokens: readonly McpToken[],
  authorization: string | undefined,
): McpScope | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return undefined;
  const given = Buffer.from(match[1] as string);
  for (const t of tokens) {
    const known = Buffer.from(t.token);
    if (known.length === given.length && timingSafeEqual(known, given)) {
      return { role: t.role, centers: t.centers };
    }
  }
  return undefined;
}
