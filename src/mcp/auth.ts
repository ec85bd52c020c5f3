/**
 * @module mcp/auth
 * Scoped MCP bearer tokens from config (`MCP_TOKENS`, `token:role:center1|center2`, `*` for every
 * center) until the approvals issue brings sign-in and API tokens. A token names a role and the
 * centers it may read; nothing over MCP writes.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
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
