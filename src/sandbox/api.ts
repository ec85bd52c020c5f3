/**
 * @module sandbox/api
 * One Hono app serving both fake platforms: Procare under `/sandbox/procare`, Kangarootime under
 * `/sandbox/kangarootime`. Every route needs `Authorization: Bearer <apiKey>`, like the real APIs,
 * so a client that forgets its key fails here and not first in production.
 */
import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { fail, type SandboxApiSource } from "./api-common.js";
import { kangarootimeApi } from "./api-kangarootime.js";
import { procareApi } from "./api-procare.js";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSandboxApi(source: SandboxApiSource): Hono {
  const app = new Hono();

  // Kangarootime's only clock for presence is the response's Date header: make it the sim's.
  app.use("/sandbox/kangarootime/*", async (c, next) => {
    await next();
    c.res.headers.set("Date", source.now().toUTCString());
  });

  app.use("/sandbox/*", async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token || !sameSecret(token, source.apiKey)) {
      c.header("WWW-Authenticate", 'Bearer realm="centerline-sandbox"');
      return fail(c, 401, "unauthorized", "missing or wrong bearer token");
    }
    await next();
  });

  app.route("/sandbox/procare", procareApi(source));
  app.route("/sandbox/kangarootime", kangarootimeApi(source));

  app.notFound((c) => fail(c, 404, "not_found", `no sandbox route ${c.req.method} ${c.req.path}`));
  return app;
}
