/**
 * @module http/context
 * What the HTTP app needs from the rest of the service, passed in once at start-up.
 */
import type { EventEmitter } from "node:events";
import type { Hono } from "hono";
import type { Alerting } from "../alerts/index.js";
import type { Principal } from "../auth/principal.js";
import type { SignInLimits } from "../auth/sign-in-limits.js";
import type { Provider } from "../domain/index.js";
import type { EnqueuedJob, QuickLogEntry } from "../drafting/index.js";
import type { InboxProcessor } from "../ingest/processor.js";
import type { Logger } from "../logging/index.js";
import type { Offload } from "../offload/index.js";
import type { PlatformClient } from "../platforms/types.js";
import type { ReviewPolicy } from "../rules/index.js";
import type { Db } from "../storage/db.js";
import type { Lifecycle } from "./lifecycle.js";

export interface AppContext {
  db: Db;
  logger: Logger;
  /** Business time: the sandbox's simulated clock when it runs, otherwise the wall clock. */
  clock: () => Date;
  /** Wall-clock time, for signature tolerance and receipt times. */
  wallClock: () => Date;
  webhookSecrets: Record<Provider, readonly string[]>;
  webhookToleranceSeconds: number;
  processor: InboxProcessor;
  /** Emits `rooms` with `{ centerId, roomIds }` whenever live state may have changed. */
  events: EventEmitter;
  /** Heavy reads (plans, report files, timelines, exports), run off the event loop. */
  offload: Offload;
  /** The sandbox's fake platform APIs, mounted at `/sandbox` when the sandbox runs. */
  sandboxApi?: Hono;
  /** Set once alerting has started (it needs the platform clients, which need the server up). */
  alerting?: Alerting;
  /** The platform client serving a center (set once the clients exist); reads timecards. */
  platformFor?: (centerId: string) => PlatformClient | undefined;
  version: string;
  /** Start-up progress and shutdown: `/readyz` reads it, live streams end when it stops. */
  lifecycle: Lifecycle;
  auth: AuthSettings;
  /** Set once drafting has started: enqueues a teacher's quick log and kicks the worker. */
  quickLog?: (centerId: string, log: QuickLogEntry) => EnqueuedJob[];
  /** The center's review interval and lead time (its drafting policy); defaults when unset. */
  reviewPolicyFor?: (centerId: string) => ReviewPolicy;
}

/** How requests are authenticated (see `auth/http.ts`). */
export interface AuthSettings {
  /** `CENTERLINE_BOOTSTRAP_TOKEN`: when set, an admin bearer token for every center. */
  bootstrapToken: string | undefined;
  /** Served over https (PUBLIC_URL is https): cookies get `Secure` and the `__Host-` prefix. */
  https: boolean;
  sessionTtlSeconds: number;
  /** Origins accepted on form posts besides the request's own (PUBLIC_URL's, behind a proxy). */
  trustedOrigins: readonly string[];
  /** Failed sign-ins allowed per account and per address; unset: `defaultSignInLimits`. */
  signInLimits?: SignInLimits;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    /**
     * Who is calling. Set by `auth/http.ts` before every `/api` route, `/mcp` and every page; not
     * set on the public routes (webhooks, health, docs, sign-in).
     */
    principal: Principal;
    /** The web session's CSRF token, when the request came with a session cookie. */
    csrfToken: string | undefined;
  };
};
