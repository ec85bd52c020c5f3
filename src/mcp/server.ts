/**
 * @module mcp/server
 * The read-only MCP server over live center state. One server per request (stateless HTTP) or per
 * process (stdio); the token's scope is fixed when it is built, so every tool, resource and list
 * only sees the centers that scope allows. Nothing here writes.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { McpScope } from "./auth.js";
import type { McpDeps } from "./context.js";
import { registerPrompts } from "./prompts.js";
import { registerResources } from "./resources.js";
import { registerLiveTools } from "./tools/live.js";
import { registerRecordTools } from "./tools/records.js";

export type { McpDeps } from "./context.js";

export function createMcpServer(deps: McpDeps, scope: McpScope): McpServer {
  const server = new McpServer(
    { name: "centerline", version: deps.version },
    {
      instructions:
        "Read-only live state of child-care centers: ratio status with its explanation, forecasts, " +
        "rosters, alerts, attendance, credentials and ratio history. Start with list_centers.",
    },
  );
  const env = { deps, scope };
  registerLiveTools(server, env);
  registerRecordTools(server, env);
  registerResources(server, env);
  registerPrompts(server);
  return server;
}
