/**
 * @module config/mcp-tokens
 * `MCP_TOKENS`: scoped MCP bearer tokens from config (`token:role:center1|center2`, `*` for every
 * center). Deprecated: `/mcp` takes API tokens and CENTERLINE_BOOTSTRAP_TOKEN; these still work.
 */
import { z } from "zod";

export const mcpRoleSchema = z.enum([
  "director",
  "assistant_director",
  "lead_teacher",
  "auditor",
  "service",
]);
export type McpRole = z.infer<typeof mcpRoleSchema>;

export interface McpScope {
  role: McpRole;
  /** Center ids the token may read, or "*" for every center. */
  centers: "*" | readonly string[];
  /**
   * The role at each center (`*` for every other), when it differs by center (a user's
   * memberships); `role` is then the least-seeing of them, for anything not about one center.
   */
  roles?: Readonly<Record<string, McpRole>>;
}

export interface McpToken extends McpScope {
  token: string;
}

const tokenEntrySchema = z
  .string()
  .transform((entry) => entry.split(":"))
  .pipe(
    z.tuple([
      z.string().min(24, "each MCP token must be at least 24 characters"),
      mcpRoleSchema,
      z.string().min(1, "name the centers (center1|center2) or *"),
    ]),
  )
  .transform(
    ([token, role, centers]): McpToken => ({
      token,
      role,
      centers: centers === "*" ? "*" : centers.split("|").filter(Boolean),
    }),
  );

/** `MCP_TOKENS`: comma-separated `token:role:center1|center2` (or `*`). */
export const mcpTokensSchema = z
  .string()
  .transform((raw) =>
    raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(tokenEntrySchema));
