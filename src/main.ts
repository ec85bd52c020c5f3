/**
 * @module main
 * `npm start`: the service, with the sandbox center unless `--no-sandbox` or `SANDBOX=off`.
 */
import { loadConfig } from "./config/index.js";
import { AppError } from "./errors/index.js";
import { createLogger } from "./logging/index.js";
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

// The sandbox writes a request log line for every simulated delivery; at `info` they would scroll
// the sign-in lines away within a second. Unless LOG_LEVEL is set, the sandbox logs warnings only.
const logLevel = env.LOG_LEVEL ? config.LOG_LEVEL : config.SANDBOX === "on" ? "warn" : "info";
const logger = createLogger(logLevel);
const service = await startService({ config, logger });

// The sandbox's people, with this run's random passwords: nothing well-known to guess.
const signIns = service.sandboxUsers.map((u) =>
  u.password
    ? `    ${u.email.padEnd(46)} ${u.password}   ${u.scope}`
    : `    ${u.email.padEnd(46)} (no password) ${u.scope}`,
);
const serviceToken = service.sandboxUsers.find((u) => u.token)?.token;
const sandboxLines = service.sandbox
  ? `
Sign in at ${service.url}/sign-in (sandbox users, passwords new every start):
${signIns.join("\n")}
  Service account API token (read+write):
    ${serviceToken}
    curl -H "Authorization: Bearer ${serviceToken}" ${service.url}/api/centers
`
  : "";

// The sign-in lines come last, so they are what is on screen once the service has started.
console.log(`\nCenterline is running.
  Web app:          ${service.url}/centers (sign in; lands on your center's board)
  Open board:       ${service.url}/ (every center, signed in)
  API:              ${service.url}/api/centers
  API reference:    ${service.url}/docs (OpenAPI: ${service.url}/openapi.json)
  Webhooks:         ${service.url}/webhooks/procare, ${service.url}/webhooks/kangarootime
  MCP:              ${service.url}/mcp (bearer: an API token${config.CENTERLINE_BOOTSTRAP_TOKEN ? " or CENTERLINE_BOOTSTRAP_TOKEN" : ""})
  Sandbox:          ${service.sandbox ? `on (seed ${config.SANDBOX_SEED}, speed ${config.SANDBOX_SPEED}x)` : "off"}
  Logs:             ${logLevel}${env.LOG_LEVEL ? "" : " (LOG_LEVEL=info for every request)"}
  Press Ctrl+C to stop.
${sandboxLines}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
