/**
 * @module sandbox/msw
 * The sandbox's fake APIs as msw handlers, so tests of the platform clients and the reconciliation
 * job talk HTTP to the same fake `npm start` uses, with no port. msw is a dev dependency: import this
 * module from tests only.
 */
import { http, type RequestHandler } from "msw";
import type { Sandbox } from "./sandbox.js";

/** Handlers for `${baseUrl}/sandbox/*`, e.g. `setupServer(...sandboxHandlers(sb, "http://platform.test"))`. */
export function sandboxHandlers(sandbox: Sandbox, baseUrl: string): RequestHandler[] {
  const base = baseUrl.replace(/\/+$/, "");
  return [http.all(`${base}/sandbox/*`, ({ request }) => sandbox.api.fetch(request))];
}
