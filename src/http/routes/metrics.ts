/**
 * @module http/routes/metrics
 * `GET /metrics`: Prometheus exposition, on the service's port only behind `METRICS_TOKEN` (a
 * bearer the scraper sends), or without a token on a separate `METRICS_PORT` an operator keeps
 * off the public network. Neither set: the route does not exist.
 */
import { timingSafeEqual } from "node:crypto";
import type { Env, Hono } from "hono";
import { bearerToken } from "../../auth/index.js";
import { AppError } from "../../errors/index.js";
import type { Metrics } from "../../metrics/index.js";

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Mounts `/metrics`; with `token`, only a request bearing it gets an answer. */
export function registerMetricsRoute<E extends Env>(
  app: Hono<E>,
  metrics: Metrics,
  token: string | undefined,
): void {
  app.get("/metrics", async (c) => {
    if (token !== undefined) {
      if (!sameToken(bearerToken(c.req.header("authorization")), token)) {
        throw new AppError("unauthorized", "send Authorization: Bearer <METRICS_TOKEN>");
      }
    }
    return c.body(await metrics.render(), 200, { "content-type": metrics.contentType });
  });
}
