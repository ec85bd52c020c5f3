/**
 * The service as an orchestrator runs it (`npm start`'s entry point in its own process): `/readyz`
 * says ready only once start-up has finished, and SIGTERM ends open live-board streams and exits 0
 * instead of waiting for the browser to go away.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_DATE } from "./support/service.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});

describe("start-up and shutdown of the real process", () => {
  it("is ready only after start-up, and SIGTERM with a board open exits 0 promptly", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), "centerline-shutdown-"));
    let stdout = "";
    const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: join(dir, "centerline.db"),
        SANDBOX_DATE,
        SANDBOX_SPEED: "1",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    proc.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));

    type Readiness = { status: string; waitingFor: string[] };
    const answers: { status: number; body: Readiness }[] = [];
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${url}/readyz`).catch(() => undefined);
      if (res) {
        answers.push({ status: res.status, body: (await res.json()) as Readiness });
        if (res.status === 200) break;
      }
      await sleep(100);
    }
    const last = answers.at(-1);
    expect(last).toEqual({ status: 200, body: { status: "ready", waitingFor: [] } });
    for (const early of answers.slice(0, -1)) {
      expect(early.status).toBe(503);
      expect(early.body.status).toBe("starting");
      expect(early.body.waitingFor).not.toContain("migrations");
      expect(early.body.waitingFor.length).toBeGreaterThan(0);
    }
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    for (let i = 0; i < 100 && !/passwords new every start/.test(stdout); i++) await sleep(100);
    const line = stdout
      .split("\n")
      .map((l) => /^\s{4}(\S+@\S+)\s+(\S+)\s+/.exec(l))
      .find((m) => m && m[2] !== "(no");
    if (!line) throw new Error(`no sandbox sign-in line in:\n${stdout}`);
    const signIn = await fetch(`${url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: url },
      body: new URLSearchParams({ email: line[1] as string, password: line[2] as string }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0] as string;
    expect(signIn.status).toBe(303);

    const stream = await fetch(`${url}/board/stream`, { headers: { cookie } });
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: hello");

    const stoppedAt = Date.now();
    proc.kill("SIGTERM");
    let ended = false;
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const }));
      if (chunk.done) {
        ended = true;
        break;
      }
    }
    expect(ended).toBe(true);
    expect(await exited).toBe(0);
    // Well inside the 10 s shutdown deadline: nothing waited on the open board.
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  }, 90_000);
});
