/**
 * @module http/docs
 * `GET /docs`: an interactive reference for `/openapi.json`, rendered by Scalar's standalone
 * browser bundle served from node_modules. Nothing loads from outside the service, so the page
 * works offline and on closed networks and tells no CDN who reads our docs.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.js";

// The production build (scripts/build.mjs) ships the one file beside the code, so an install
// without dev dependencies serves it too; from source, it is read from the package, whose main
// entry sits beside the bundle in dist/ (the package exports no path to it).
function findBundle(): string {
  const shipped = fileURLToPath(new URL("./assets/api-reference.js", import.meta.url));
  if (existsSync(shipped)) return shipped;
  const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
  return join(dirname(entry), "browser", "standalone.js");
}

interface Bundle {
  body: Uint8Array<ArrayBuffer>;
  /** Content-addressed, so the file can be cached forever and an upgrade still reaches browsers. */
  path: string;
}

let bundle: Promise<Bundle> | undefined;

/** Read on first use, not at start-up: most processes (and tests) never serve the docs. */
function loadBundle(): Promise<Bundle> {
  bundle ??= readFile(findBundle()).then((file) => {
    const hash = createHash("sha256").update(file).digest("hex").slice(0, 16);
    // A copy that owns its ArrayBuffer: a Buffer may be a view into a shared pool.
    return { body: new Uint8Array(file), path: `/docs/assets/api-reference.${hash}.js` };
  });
  return bundle;
}

// Scalar's defaults reach its own hosts: fonts from its font host and, as soon as the page opens,
// the "Ask AI" agent's registry of public APIs. Its "Open API Client" button and developer
// toolbar (share, deploy) send the document's address to scalar.com when clicked.
const referenceConfig = {
  url: "/openapi.json",
  withDefaultFonts: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
};

export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.get("/docs", async (c) => {
    const { path } = await loadBundle();
    return c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Centerline API reference</title>
    <!-- An empty icon, so the browser does not ask for /favicon.ico and log a 404. -->
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="app"></div>
    <script src="${path}"></script>
    <script>Scalar.createApiReference("#app", ${JSON.stringify(referenceConfig)});</script>
  </body>
</html>`);
  });

  app.get("/docs/assets/:file", async (c) => {
    const { body, path } = await loadBundle();
    if (c.req.path !== path) return c.notFound();
    return c.body(body, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
}
