/**
 * @module test/support/principal
 * The service's HTTP app with a stand-in for the sign-in middleware: each request's principal
 * comes from `principalFor` (e.g. by a test header) instead of a session or bearer token. Until
 * the auth middleware is in the tree, this is how whole-service tests act as a given role.
 */
import { Hono } from "hono";
import type { Principal } from "../../src/auth/index.js";
import { createApp } from "../../src/http/app.js";
import type { AppContext, AppEnv } from "../../src/http/context.js";

export function appAs(
  ctx: AppContext,
  principalFor: (request: Request) => Principal | undefined,
): Hono<AppEnv> {
  const outer = new Hono<AppEnv>();
  outer.use(async (c, next) => {
    const principal = principalFor(c.req.raw);
    if (principal) c.set("principal", principal);
    await next();
  });
  outer.route("/", createApp(ctx));
  return outer;
}
