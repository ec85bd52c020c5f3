/**
 * @module evals/harness/world
 * The sandbox world the model-facing suites run against: one in-memory database per case, its
 * directory synced from the sandbox platform API (served through msw, as the service would read
 * it), a record of every platform request (any write is a side effect no draft may cause), and
 * the personal data of the world (names, phones, e-mails) no model request may carry.
 */
import { type SetupServer, setupServer } from "msw/node";
import type { PlatformReader } from "../../src/agent/index.js";
import { silentLogger } from "../../src/logging/index.js";
import { getAdapter } from "../../src/platforms/index.js";
import { createSandbox, type Sandbox, type SimCenter } from "../../src/sandbox/index.js";
import { sandboxHandlers } from "../../src/sandbox/msw.js";
import { type Db, openDatabase } from "../../src/storage/index.js";
import { syncDirectory } from "../../src/sync/index.js";

export const EVAL_DATE = "2026-11-23";
const PLATFORM_URL = "http://platform.eval";

let sandbox: Sandbox | undefined;
/** The sandbox every suite shares (deterministic: the same date gives the same world). */
export function evalSandbox(): Sandbox {
  sandbox ??= createSandbox({ date: EVAL_DATE });
  return sandbox;
}

/** The Procare center the cases are set in; its ids and names fill the cases' placeholders. */
export function evalCenter(): SimCenter {
  const center = evalSandbox().world.centers.find((c) => c.provider === "procare");
  if (!center) throw new Error("the sandbox world has no procare center");
  return center;
}

export interface PlatformRequest {
  method: string;
  url: string;
}

let server: SetupServer | undefined;
const platformLog: PlatformRequest[] = [];

/**
 * The process's msw server: the sandbox platform API always, plus whatever a case adds with
 * `server.use` (the scripted model). Requests nothing handles pass through, so a suite that calls
 * the real Anthropic API with a key still can.
 */
export function evalServer(): SetupServer {
  if (server) return server;
  const created = setupServer(...sandboxHandlers(evalSandbox(), PLATFORM_URL));
  created.events.on("request:start", ({ request }) => {
    if (request.url.startsWith(PLATFORM_URL)) {
      platformLog.push({ method: request.method, url: request.url });
    }
  });
  created.listen({ onUnhandledRequest: "bypass" });
  server = created;
  return created;
}

/** Platform requests since `mark` (a length of the log taken before the case). */
export function platformRequestsSince(mark: number): PlatformRequest[] {
  return platformLog.slice(mark);
}
export const platformMark = (): number => platformLog.length;

function platformClient() {
  return getAdapter("procare").createClient({
    baseUrl: `${PLATFORM_URL}/sandbox/procare`,
    apiKey: evalSandbox().apiKey,
    sleep: async () => {},
  });
}

/** Read-only platform access for the case's tools, as the service gives the agent. */
export function evalPlatformReader(): PlatformReader {
  return platformClient();
}

/** A fresh in-memory database holding the center's directory, synced as the service syncs it. */
export async function seededDb(now: Date): Promise<Db> {
  evalServer();
  const db = openDatabase(":memory:");
  await syncDirectory(db, platformClient(), now, silentLogger);
  return db;
}

/**
 * Every piece of personal data in the world that must never be sent to a model: full names of
 * children, guardians, pick-up people and staff, guardians' phones and e-mails. First names
 * alone are included for the case's own center, where the loop masks them.
 */
export function personalData(center: SimCenter = evalCenter()): string[] {
  const out = new Set<string>();
  for (const c of evalSandbox().world.centers) {
    for (const k of c.children) out.add(`${k.firstName} ${k.lastName}`);
    for (const s of c.staff) out.add(`${s.firstName} ${s.lastName}`);
    for (const f of c.families) {
      for (const g of f.guardians) {
        out.add(g.name);
        out.add(g.phone);
        out.add(g.email);
      }
      for (const p of f.extraPickups) out.add(p.name);
    }
  }
  for (const k of center.children) out.add(k.firstName);
  for (const s of center.staff) out.add(s.firstName);
  return [...out].filter((s) => s.length >= 3);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The personal data found in `text`, as whole words (case-sensitive, as names are written). */
export function findPersonalData(text: string, data: readonly string[]): string[] {
  return data.filter((d) =>
    new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(d)}(?![A-Za-z0-9])`).test(text),
  );
}
