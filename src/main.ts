/**
 * @module main
 * `npm start`: the service, with the sandbox center unless `--no-sandbox` or `SANDBOX=off`.
 */
import { loadConfig } from "./config/index.js";
import { AppError } from "./errors/index.js";
import { createLogger } from "./logging/index.js";
import { generateMcpToken } from "./mcp/auth.js";
import { startService } from "./service.js";

const env = { ...process.env };
if (process.argv.includes("--no-sandbox")) env.SANDBOX = "off";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(env);
} catch (error) {
  console.error(AppError.is(error) ? error.message : error);
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);
// The sandbox with no MCP_TOKENS: one random director token for every center, for this run only.
const mcpToken =
  config.SANDBOX === "on" && config.MCP_TOKENS === undefined ? generateMcpToken() : undefined;
if (mcpToken) config = { ...config, MCP_TOKENS: [mcpToken] };
const service = await startService({ config, logger });

console.log(`\nCenterline is running.
  Live room board:  ${service.url}/
  API:              ${service.url}/api/centers
  API reference:    ${service.url}/docs (OpenAPI: ${service.url}/openapi.json)
  Webhooks:         ${service.url}/webhooks/procare, ${service.url}/webhooks/kangarootime
  MCP:              ${service.url}/mcp${mcpToken ? ` (bearer ${mcpToken.token})` : config.MCP_TOKENS?.length ? " (tokens from MCP_TOKENS)" : " (off: set MCP_TOKENS)"}
  Sandbox:          ${service.sandbox ? `on (seed ${config.SANDBOX_SEED}, speed ${config.SANDBOX_SPEED}x)` : "off"}
Press Ctrl+C to stop.\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
