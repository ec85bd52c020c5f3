/**
 * @module bench/servers
 * Runs a benchmark server (`bench/*-server.ts`) as its own Node process, so the load
 * generator never shares an event loop or a V8 heap with the server it measures. Each server
 * prints one JSON line `{ "url": ... }` on stdout once it is listening; that line is the handshake.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
  /** Synchronous SIGKILL, for `process.on("exit")`, where nothing async runs. */
  killNow(): void;
  /** User + system CPU the process has used so far, in ms; null where /proc is not available. */
  cpuMs(): number | null;
  /** Null while running; otherwise how it ended and the tail of its stderr, for error messages. */
  exitStatus(): string | null;
  /**
   * Sends `message` over the IPC channel and resolves with the first message back whose `type` is
   * `replyType` (servers started with `ipc: true` only).
   */
  ask<T>(message: { type: string }, replyType: string, timeoutMs?: number): Promise<T>;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks, and it is 100 on every mainstream build. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time from /proc/<pid>/stat, so the report can say whether a server was busy computing or
 * waiting (on fsync, say) while requests queued. Fields 14 and 15 are utime and stime; the command
 * name (field 2) may contain spaces, so count from the closing parenthesis.
 */
function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Starts `script` (relative to the repo root) with `node --import tsx` directly rather than through
 * `npx tsx`, so the pid we hold is the server itself and killing it leaves no orphan behind.
 */
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { timeoutMs?: number; ipc?: boolean } = {},
): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  // Keep the tail of stderr so a server that dies on start-up explains itself.
  let stderrTail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });

  const stop = async () => {
    if (exited(child)) return;
    const gone = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await gone;
    clearTimeout(timer);
  };
  const killNow = () => {
    if (!exited(child)) child.kill("SIGKILL");
  };

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not report its URL within ${timeoutMs} ms`)),
        timeoutMs,
      );
      // readline keeps consuming stdout after the first line, so the pipe never fills and blocks.
      const lines = createInterface({ input: child.stdout! });
      lines.once("line", (line) => {
        clearTimeout(timer);
        try {
          const parsed = JSON.parse(line) as { url?: unknown };
          if (typeof parsed.url !== "string") throw new Error("no url field");
          resolveUrl(parsed.url);
        } catch (error) {
          reject(new Error(`${name} printed ${JSON.stringify(line)}, not {"url":...}: ${error}`));
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${stderrTail}`));
      });
    });
    const pid = child.pid!;
    const exitStatus = () =>
      exited(child)
        ? `${name} exited (${child.signalCode ?? child.exitCode})${stderrTail ? `:\n${stderrTail}` : ""}`
        : null;
    const ask = <T>(message: { type: string }, replyType: string, askTimeoutMs = 10_000) =>
      new Promise<T>((resolveReply, reject) => {
        if (!child.send) {
          reject(new Error(`${name} has no IPC channel (start it with ipc: true)`));
          return;
        }
        const onMessage = (reply: unknown) => {
          if ((reply as { type?: unknown } | null)?.type !== replyType) return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolveReply(reply as T);
        };
        const timer = setTimeout(() => {
          child.off("message", onMessage);
          reject(new Error(`${name} did not answer ${message.type} within ${askTimeoutMs} ms`));
        }, askTimeoutMs);
        child.on("message", onMessage);
        child.send(message);
      });
    return { name, url, pid, stop, killNow, cpuMs: () => procCpuMs(pid), exitStatus, ask };
  } catch (error) {
    await stop();
    throw error;
  }
}
