/**
 * @module mcp/stdio
 * `npm run -s mcp` (or the `centerline-mcp` bin): the same read-only MCP server over stdio, for
 * desktop clients, reading the database at DATABASE_PATH. Scope: `--token <API token>` gets that
 * token's user's centers and roles (or a deprecated MCP_TOKENS entry's, and with MCP_TOKENS set a
 * token is required); with neither, a director on every center (whoever can run this can read the
 * database file anyway). Business time is the wall
 * clock, or `--at <ISO instant>` (e.g. a sandbox day). Logs go to stderr: stdout is the protocol.
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { principalFromApiToken } from "../auth/api-tokens.js";
import { loadConfig } from "../config/index.js";
import { AppError } from "../errors/index.js";
import { VERSION } from "../service.js";
import { openDatabase } from "../storage/index.js";
import { authenticate, type McpScope, scopeForPrincipal } from "./auth.js";
import { createMcpServer } from "./server.js";

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fatal(message: string): never {
  process.stderr.write(`centerline-mcp: ${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  fatal(AppError.is(error) ? error.message : String(error));
}

const atArg = argument("--at");
const at = atArg === undefined ? undefined : new Date(atArg);
if (at && Number.isNaN(at.getTime())) fatal(`--at "${atArg}" is not an ISO instant`);

const db = openDatabase(config.DATABASE_PATH);
let scope: McpScope = { role: "director", centers: "*" };
const token = argument("--token");
if (token !== undefined || config.MCP_TOKENS !== undefined) {
  const principal = token ? principalFromApiToken(db, token, new Date()) : undefined;
  const found = principal
    ? scopeForPrincipal(principal)
    : token
      ? authenticate(config.MCP_TOKENS ?? [], `Bearer ${token}`)
      : undefined;
  if (!found) fatal("pass --token with a valid API token (or one of MCP_TOKENS)");
  scope = found;
}
const server = createMcpServer(
  { db, clock: () => (at ? new Date(at) : new Date()), version: VERSION },
  scope,
);
await server.connect(new StdioServerTransport());
const close = () => {
  void server.close().finally(() => {
    db.$client.close();
    process.exit(0);
  });
};
process.stdin.once("end", close);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, close);
