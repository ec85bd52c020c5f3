/**
 * @module auth/routes
 * Puts authentication into the app: the middleware in front of `/api` and the pages, and the
 * sign-in page (`GET`/`POST /sign-in`) and `POST /sign-out`. Register it before any route.
 */

import { getConnInfo } from "@hono/node-server/conninfo";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { raw } from "hono/html";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { errorResponse } from "../http/errors.js";
import { getCenter } from "../storage/directory.js";
import {
  apiAuth,
  centerAccess,
  originCheck,
  pageAuth,
  safeNext,
  sessionCookieName,
} from "./http.js";
import { checkPassword, createSession, endSession } from "./sessions.js";
import { createSignInLimiter } from "./sign-in-limits.js";

const styles = `
:root { font-family: system-ui, sans-serif; color: #1d2430; background: #f5f6f8; }
body { margin: 0; padding: 1rem; }
main { max-width: 24rem; margin: 10vh auto 0; background: #fff; border: 1px solid #d8dce3;
  border-radius: 8px; padding: 1.25rem; }
h1 { font-size: 1.3rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input { box-sizing: border-box; width: 100%; font-size: 1rem; padding: .6rem; border: 1px solid #9aa3b0;
  border-radius: 6px; }
input:focus, button:focus { outline: 3px solid #2b6cb0; outline-offset: 1px; }
button { margin-top: 1.25rem; width: 100%; font-size: 1rem; padding: .7rem; border: 0; border-radius: 6px;
  background: #1d4e89; color: #fff; cursor: pointer; }
.error { background: #fde2e1; color: #8f1d18; border-radius: 6px; padding: .5rem .6rem; }
`;

function SignInPage({ next, error, email }: { next: string; error?: string; email?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in — Centerline</title>
        <style>{raw(styles)}</style>
      </head>
      <body>
        <main>
          <h1>Sign in to Centerline</h1>
          {error ? (
            <p class="error" role="alert" id="sign-in-error">
              {error}
            </p>
          ) : null}
          <form method="post" action="/sign-in">
            <input type="hidden" name="next" value={next} />
            <label for="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              autofocus
              value={email ?? ""}
              aria-describedby={error ? "sign-in-error" : undefined}
            />
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
    </html>
  );
}

/**
 * Where a sign-in lands: the page that sent the person here, or — coming from nowhere in
 * particular (the default `/`, the all-centers board) — the app, which opens their center's board
 * or, with several centers, the list of them.
 */
export function landing(next: string): string {
  return next === "/" ? APP_HOME : next;
}
const APP_HOME = "/centers";

function page(
  c: Context<AppEnv>,
  props: Parameters<typeof SignInPage>[0],
  status: 200 | 401 | 429,
) {
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${(<SignInPage {...props} />).toString()}`, status);
}

export function registerAuth(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const cookieName = sessionCookieName(ctx.auth);
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: ctx.auth.https,
  } as const;
  const sameOrigin = originCheck(ctx.auth);
  const limiter = createSignInLimiter(ctx.auth.signInLimits);

  app.use("/api/*", apiAuth(ctx));
  const centerExists = (id: string) => getCenter(ctx.db, id) !== undefined;
  app.use("/api/centers/:center", centerAccess(centerExists));
  app.use("/api/centers/:center/*", centerAccess(centerExists));
  app.use("*", pageAuth(ctx));

  app.get("/sign-in", (c) => {
    const next = safeNext(c.req.query("next"), c.req.url);
    if (!next.ok) return errorResponse(c, next.error);
    return page(c, { next: next.value }, 200);
  });

  app.post("/sign-in", async (c) => {
    // No session yet, so no synchronizer token: the Origin check stops a cross-site login form.
    if (!(await sameOrigin(c))) {
      return errorResponse(c, new AppError("forbidden", "cross-site sign-in refused"));
    }
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    const password = typeof form.password === "string" ? form.password : "";
    const wanted = safeNext(typeof form.next === "string" ? form.next : undefined, c.req.url);
    if (!wanted.ok) return errorResponse(c, wanted.error);
    const next = wanted.value;
    const address = clientAddress(c);
    const wait = await limiter.retryAfter(email, address);
    if (wait !== undefined) {
      c.get("log").warn({ email, address, retryAfterSeconds: wait }, "sign-in rate limited");
      c.header("Retry-After", String(wait));
      const minutes = Math.ceil(wait / 60);
      const error = `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
      return page(c, { next, email, error }, 429);
    }
    const userId = email && password ? await checkPassword(ctx.db, email, password) : undefined;
    if (!userId) {
      await limiter.failed(email, address);
      c.get("log").info({ email, address }, "sign-in refused");
      return page(c, { next, email, error: "That email and password do not match." }, 401);
    }
    await limiter.succeeded(email);
    const session = createSession(ctx.db, userId, ctx.wallClock(), ctx.auth.sessionTtlSeconds);
    setCookie(c, cookieName, session.id, { ...cookieOptions, maxAge: ctx.auth.sessionTtlSeconds });
    c.get("log").info({ userId }, "signed in");
    return c.redirect(landing(next), 303);
  });

  // Behind pageAuth, so only a live session with its CSRF token gets here.
  app.post("/sign-out", (c) => {
    const cookie = getCookie(c, cookieName);
    if (cookie) endSession(ctx.db, cookie, ctx.wallClock());
    deleteCookie(c, cookieName, cookieOptions);
    return c.redirect("/sign-in", 303);
  });
}

/** The peer's address as the socket saw it (a proxy in front makes this the proxy's). */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Not served by @hono/node-server (app.request in a test): no socket to ask.
    return "unknown";
  }
}
