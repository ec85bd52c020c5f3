// Runs one of the built entry points (`main`, `cli`, `mcp`) from dist/ when the build is at least as
// new as the sources, and from the TypeScript sources through tsx otherwise, so an edited checkout
// never runs stale code and a built one starts without compiling anything.
// Usage: node scripts/run.mjs <entry> [args...]; `--build` first rebuilds a stale dist/ instead.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sources = { main: "src/main.ts", cli: "src/cli/main.ts", mcp: "src/mcp/stdio.ts" };

const args = process.argv.slice(2);
const rebuild = args[0] === "--build";
if (rebuild) args.shift();
const entry = args.shift();
if (!entry || !(entry in sources)) {
  console.error(
    `usage: node scripts/run.mjs [--build] <${Object.keys(sources).join("|")}> [args...]`,
  );
  process.exit(2);
}
// The entry sees the remaining arguments as if it had been started directly.
process.argv = [process.argv[0], join(root, sources[entry]), ...args];

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = join(root, "dist", `${entry}.js`);
const fresh = () =>
  existsSync(built) &&
  statSync(built).mtimeMs >=
    Math.max(newestSource(join(root, "src")), newestSource(join(root, "prompts")));

if (!fresh() && rebuild) await import("./build.mjs");
if (fresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, sources[entry])).href);
}
