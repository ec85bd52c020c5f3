/**
 * @module test/support/service
 * Starts the real service on a free port with a fresh SQLite file and the sandbox's directory, but
 * with the sandbox's real-time runner off, so a test decides exactly which deliveries arrive, when,
 * and in what order.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxSignIn } from "../../src/auth/index.js";
import { loadConfig } from "../../src/config/index.js";
import type { Provider } from "../../src/domain/index.js";
import { generateSecret, signWebhook } from "../../src/ingest/standard-webhooks.js";
import { silentLogger } from "../../src/logging/index.js";
import type { Sandbox, SandboxDelivery } from "../../src/sandbox/index.js";
import { type RunningService, startService } from "../../src/service.js";

export const SANDBOX_DATE = "2026-11-23";

export interface TestService {
  service: RunningService;
  sandbox: Sandbox;
  databasePath: string;
  secrets: Record<Provider, string>;
  /** CENTERLINE_BOOTSTRAP_TOKEN of this service: an admin bearer token for every center. */
  bootstrapToken: string;
  /** `fetch` of a path on the service with `Authorization: Bearer <bootstrap token>` (unless given). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** The sandbox's seeded users, one per role, with this run's passwords. */
  users: SandboxSignIn[];
  /**
   * Signs in through `POST /sign-in` (as a browser on this origin would); the session's cookie
   * (`name=value`) and its CSRF token, or undefined if refused.
   */
  signIn(
    email: string,
    password: string,
  ): Promise<{ cookie: string; csrfToken: string } | undefined>;
  /** Signs (with the current time unless given) and POSTs a delivery; returns status and body. */
  post(
    delivery: SandboxDelivery,
    options?: { secret?: string; nowSeconds?: number; body?: string },
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** POSTs an arbitrary body, signed correctly for `provider`. */
  postRaw(
    provider: Provider,
    body: string,
    webhookId?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Projects everything in the inbox now (the service also does it on its own, asynchronously). */
  settle(): void;
  stop(): Promise<void>;
  /** Starts a second service on the same database file (after `stop`), as a restart would. */
  restart(): Promise<TestService>;
}

export async function startTestService(
  options: {
    databasePath?: string;
    secrets?: Record<Provider, string>;
    /** More environment variables (e.g. Slack and Twilio settings). */
    env?: Record<string, string>;
  } = {},
): Promise<TestService> {
  const dir = options.databasePath ? null : mkdtempSync(join(tmpdir(), "centerline-test-"));
  const databasePath = options.databasePath ?? join(dir as string, "centerline.db");
  const secrets = options.secrets ?? { procare: generateSecret(), kangarootime: generateSecret() };
  const bootstrapToken =
    options.env?.CENTERLINE_BOOTSTRAP_TOKEN ?? `boot_${randomBytes(24).toString("base64url")}`;
  const service = await startService({
    config: loadConfig({
      PORT: "0",
      DATABASE_PATH: databasePath,
      SANDBOX_DATE,
      RECONCILE_INTERVAL_SECONDS: "0",
      DIRECTORY_SYNC_INTERVAL_SECONDS: "0",
      STAFF_CREDENTIALS_INTERVAL_SECONDS: "0",
      EVALUATE_INTERVAL_SECONDS: "0",
      ALERT_TICK_SECONDS: "0",
      DRAFTING_TICK_SECONDS: "0",
      LOG_LEVEL: "silent",
      PROCARE_WEBHOOK_SECRETS: secrets.procare,
      KANGAROOTIME_WEBHOOK_SECRETS: secrets.kangarootime,
      CENTERLINE_BOOTSTRAP_TOKEN: bootstrapToken,
      ...options.env,
    }),
    logger: silentLogger,
    runSandbox: false,
  });
  const sandbox = service.sandbox as Sandbox;

  const send = async (provider: Provider, body: string, headers: Record<string, string>) => {
    const res = await fetch(`${service.url}/webhooks/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const api = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${bootstrapToken}`);
    return fetch(`${service.url}${path}`, { ...init, headers });
  };
  const signIn = async (email: string, password: string) => {
    const res = await fetch(`${service.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: service.url },
      body: new URLSearchParams({ email, password }),
    });
    const cookie = res.headers.getSetCookie()[0]?.split(";")[0];
    if (res.status !== 303 || !cookie) return undefined;
    const page = await (await fetch(`${service.url}/`, { headers: { cookie } })).text();
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!csrfToken) throw new Error("signed in, but the board has no CSRF token");
    return { cookie, csrfToken };
  };

  const harness: TestService = {
    service,
    sandbox,
    databasePath,
    secrets,
    bootstrapToken,
    api,
    users: service.sandboxUsers,
    signIn,
    post: (delivery, o = {}) => {
      const body = o.body ?? delivery.body;
      const headers = sandbox.signDelivery(
        { ...delivery, body },
        o.secret ?? secrets[delivery.provider],
        o.nowSeconds ?? Math.floor(Date.now() / 1000),
      );
      return send(delivery.provider, body, { ...headers });
    },
    postRaw: (provider, body, webhookId = `msg_raw_${randomUUID()}`) => {
      const headers = signWebhook(
        secrets[provider],
        webhookId,
        Math.floor(Date.now() / 1000),
        body,
      );
      return send(provider, body, { ...headers });
    },
    settle: () => {
      service.ctx.processor.drain();
    },
    stop: async () => {
      await service.stop();
    },
    restart: async () =>
      startTestService({
        databasePath,
        secrets,
        env: { CENTERLINE_BOOTSTRAP_TOKEN: bootstrapToken, ...options.env },
      }),
  };
  if (dir) process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return harness;
}
