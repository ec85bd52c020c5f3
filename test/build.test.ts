/**
 * The production build as an operator uses it: `scripts/build.mjs` writes plain JavaScript that
 * runs without tsx: the CLI answers `ratio check`, and the service starts, migrates, serves the API
 * reference's bundle from beside itself and runs heavy reads on its worker threads.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_DATE } from "./support/service.js";

// Inside the checkout (test/output is ignored), so the bundles find node_modules as dist/ does.
mkdirSync("test/output", { recursive: true });
const out = resolve(mkdtempSync(join("test/output", "build-")));
const stops: (() => void)[] = [];
afterAll(() => {
  for (const stop of stops) stop();
  rmSync(out, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("npm run build", () => {
  it("builds a CLI and a service that run as plain JavaScript", async () => {
    execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", out], { stdio: "pipe" });
    for (const file of ["main.js", "cli.js", "mcp.js", "worker.mjs", "assets/api-reference.js"]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }

    // No loader: a .ts import left in the output would fail here.
    const answer = execFileSync(
      process.execPath,
      [join(out, "cli.js"), "ratio", "check", "--jurisdiction", "US-PA"],
      { input: JSON.stringify({ children: [{ ageMonths: 6 }], staff: [] }), encoding: "utf8" },
    );
    expect(JSON.parse(answer)).toMatchObject({ status: "critical", requiredStaff: 1 });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [join(out, "main.js")], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: join(out, "data", "centerline.db"),
        SANDBOX_DATE,
        LOG_LEVEL: "silent",
        CENTERLINE_BOOTSTRAP_TOKEN: "build-test-bootstrap-token-0123456789abcdef",
      },
      stdio: "ignore",
    });
    stops.push(() => child.kill("SIGKILL"));
    let ready = false;
    for (let i = 0; i < 600 && !ready; i++) {
      ready = (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(true);

    const docs = await (await fetch(`${url}/docs`)).text();
    const asset = /\/docs\/assets\/api-reference\.[0-9a-f]+\.js/.exec(docs)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(`${url}${asset}`)).status).toBe(200);

    // The credentials matrix is computed on the offload pool: the built worker must load.
    const auth = { authorization: "Bearer build-test-bootstrap-token-0123456789abcdef" };
    const centers = (await (await fetch(`${url}/api/centers`, { headers: auth })).json()) as {
      centers: { id: string }[];
    };
    const first = centers.centers[0]?.id as string;
    const matrix = await fetch(`${url}/api/centers/${first}/staff/credentials`, { headers: auth });
    expect(matrix.status).toBe(200);
    expect(((await matrix.json()) as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
  }, 120_000);
});
