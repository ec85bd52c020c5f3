// `npm run build`: the service, the CLI, the stdio MCP server and the offload worker as plain
// JavaScript in dist/ (esbuild bundles our code; packages stay in node_modules), plus what they read
// at run time beside them: the migrations and the one API-reference bundle /docs serves.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// `--if-possible` (npm's `prepare`, run by every install): an install without dev dependencies
// (production, from an already built dist/) has no esbuild; that is not an error there.
let build;
try {
  ({ build } = await import("esbuild"));
} catch (error) {
  if (!process.argv.includes("--if-possible")) throw error;
  process.stdout.write("esbuild is not installed (production install?): dist/ left as it is\n");
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--outdir DIR` builds elsewhere (the build test does, so it never races a run from dist/).
const outFlag = process.argv.indexOf("--outdir");
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1] ?? "") : join(root, "dist");
const started = performance.now();

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: "src/main.ts",
    cli: "src/cli/main.ts",
    mcp: "src/mcp/stdio.ts",
  },
  outdir: out,
  outExtension: { ".js": ".js" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
// The pool starts `./worker.mjs` beside the code that uses it (src/offload/pool.ts).
await build({
  absWorkingDir: root,
  entryPoints: ["src/offload/worker.ts"],
  outfile: join(out, "worker.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});

// src/storage/db.ts reads `migrations/` beside itself.
cpSync(join(root, "src/storage/migrations"), join(out, "migrations"), { recursive: true });
// /docs serves Scalar's standalone browser bundle; production needs that one file, not the package.
const scalar = dirname(createRequire(import.meta.url).resolve("@scalar/api-reference"));
mkdirSync(join(out, "assets"), { recursive: true });
cpSync(join(scalar, "browser", "standalone.js"), join(out, "assets", "api-reference.js"));

process.stdout.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
