/**
 * @module mcp/inspect
 * `npm run mcp:inspect`: the official MCP Inspector in CLI mode (@modelcontextprotocol/inspector-cli,
 * the package behind `inspector --cli`; the current inspector needs Node 22) against this server.
 * With no arguments it starts the stdio server on DATABASE_PATH and lists tools, resources and
 * prompts, then calls list_centers. `-- <url> <token>` inspects a running `/mcp` instead.
 * The CLI finds its own package.json relative to the working directory, so it runs from its
 * build folder and every path given to it is absolute.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

function inspectorEntry(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@modelcontextprotocol/inspector-cli/package.json");
  return resolve(dirname(pkg), "build", "index.js");
}

export interface InspectTarget {
  /** An HTTP endpoint (`…/mcp`) and its bearer token, or undefined for the stdio server. */
  url?: string;
  token?: string;
  env?: Record<string, string>;
}

/** Runs one inspector method and returns its parsed JSON output. */
export async function inspect(
  target: InspectTarget,
  method: string[],
): Promise<Record<string, unknown>> {
  const entry = inspectorEntry();
  const where = target.url
    ? [
        target.url,
        "--transport",
        "http",
        ...(target.token ? ["--header", `Authorization: Bearer ${target.token}`] : []),
      ]
    : [process.execPath, "--import", "tsx", resolve(here, "stdio.ts")];
  const { stdout } = await run(process.execPath, [entry, ...where, ...method], {
    cwd: dirname(entry),
    env: {
      ...process.env,
      // The stdio server runs from the inspector's folder: resolve tsx and the database from here.
      NODE_PATH: resolve(here, "../../node_modules"),
      DATABASE_PATH: resolve(process.env.DATABASE_PATH ?? "./data/centerline.db"),
      ...target.env,
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [url, token] = process.argv.slice(2).filter((a) => a !== "--");
  const target: InspectTarget = url ? { url, token } : {};
  for (const method of [
    ["--method", "tools/list"],
    ["--method", "resources/list"],
    ["--method", "prompts/list"],
    ["--method", "tools/call", "--tool-name", "list_centers"],
  ]) {
    const out = await inspect(target, method);
    process.stdout.write(`# ${method.slice(1).join(" ")}\n${JSON.stringify(out, null, 2)}\n\n`);
  }
}
