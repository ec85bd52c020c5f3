/**
 * @module mcp/http
 * The Streamable HTTP transport at `/mcp`, stateless: every POST gets a fresh server and transport
 * built for the caller's scope (no session ids, nothing kept between requests), answered with plain
 * JSON. The bearer token is resolved like any `/api` call's (an API token, whose user's centers and
 * roles become the scope, or CENTERLINE_BOOTSTRAP_TOKEN), with the deprecated MCP_TOKENS entries
 * as a fallback. A missing or unknown bearer token gets 401 with `WWW-Authenticate: Bearer`; on
 * a localhost bind the Host and Origin headers must name localhost (DNS-rebinding protection, as
 * the SDK's host-header middleware does), and any Origin must match the Host.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Hono } from "hono";
import { bearerToken, principalFromBearer } from "../auth/http.js";
import type { Config } from "../config/index.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { errorResponse } from "../http/errors.js";
import { authenticate, type McpScope, type McpToken, scopeForPrincipal } from "./auth.js";
import { createMcpServer } from "./server.js";

export const MCP_PATH = "/mcp";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function hostnameOf(hostHeader: string): string | undefined {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/** Why a request's Host or Origin is refused, or undefined when it is acceptable. */
export function checkHostAndOrigin(
  bindHost: string,
  host: string | undefined,
  origin: string | undefined,
): string | undefined {
  const localBind = LOCAL_HOSTS.has(bindHost);
  const hostname = host ? hostnameOf(host) : undefined;
  if (localBind && (!hostname || !LOCAL_HOSTS.has(hostname))) {
    return `Host "${host ?? ""}" is not allowed on a localhost server`;
  }
  if (origin !== undefined && origin !== "null") {
    let originUrl: URL;
    try {
      originUrl = new URL(origin);
    } catch {
      return `Origin "${origin}" is not a URL`;
    }
    if (localBind ? !LOCAL_HOSTS.has(originUrl.hostname) : originUrl.host !== host) {
      return `Origin "${origin}" is not allowed`;
    }
  } else if (origin === "null") {
    return `Origin "null" is not allowed`;
  }
  return undefined;
}

export function mountMcp(
  app: Hono<AppEnv>,
  ctx: AppContext,
  config: Pick<Config, "HOST" | "MCP_TOKENS">,
): void {
  const tokens: readonly McpToken[] = config.MCP_TOKENS ?? [];
  const deps = { db: ctx.db, clock: ctx.clock, version: ctx.version };
  const scopeOf = (authorization: string | undefined): McpScope | undefined => {
    const token = bearerToken(authorization);
    const principal = token === undefined ? undefined : principalFromBearer(ctx, token);
    return principal ? scopeForPrincipal(principal) : authenticate(tokens, authorization);
  };
  app.all(MCP_PATH, async (c) => {
    const refused = checkHostAndOrigin(config.HOST, c.req.header("host"), c.req.header("origin"));
    if (refused) {
      return c.json(
        { jsonrpc: "2.0", error: { code: -32000, message: `Forbidden: ${refused}` }, id: null },
        403,
      );
    }
    const scope = scopeOf(c.req.header("authorization"));
    if (!scope) {
      const given = c.req.header("authorization") !== undefined;
      c.header(
        "WWW-Authenticate",
        given
          ? 'Bearer realm="centerline-mcp", error="invalid_token", error_description="unknown token"'
          : 'Bearer realm="centerline-mcp"',
      );
      return errorResponse(
        c,
        new AppError(
          "unauthorized",
          given ? "the bearer token is not valid" : "an MCP bearer token is required",
        ),
      );
    }
    if (c.req.method !== "POST") {
      // Stateless: no server-to-client stream to open (GET) and no session to end (DELETE).
      c.header("Allow", "POST");
      return c.json(
        { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed." }, id: null },
        405,
      );
    }
    const server = createMcpServer(deps, scope);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      void server.close();
    }
  });
}
