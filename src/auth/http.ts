/**
 * @module auth/http
 * The request pipeline's "who is calling" step. `/api/*` takes `Authorization: Bearer` (an API
 * token or the bootstrap token) or, for same-origin browser calls, the session cookie; pages take
 * the session cookie only and send everyone else to `/sign-in`. A request authenticated by cookie
 * that changes something must also pass the Origin check and carry the session's CSRF token.
 * Whatever the route, a center the principal cannot see answers exactly like one that does not
 * exist.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { AppError, err, ok, type Result } from "../errors/index.js";
import type { AppContext, AppEnv, AuthSettings } from "../http/context.js";
import { errorResponse } from "../http/errors.js";
import { principalFromApiToken } from "./api-tokens.js";
import { canSeeCenter, membershipAt, type Principal } from "./principal.js";
import { safeEqual } from "./secrets.js";
import { type LiveSession, sessionFromCookie } from "./sessions.js";

/** The form field and the header that carry the session's CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** `__Host-` pins the cookie to this exact origin, but browsers only accept it over https. */
export function sessionCookieName(settings: Pick<AuthSettings, "https">): string {
  return settings.https ? "__Host-centerline_session" : "centerline_session";
}

/** Paths anyone may reach: signed webhooks, the sandbox's fake platforms, health, readiness, metrics (own token), docs, sign-in. */
export function isPublicPath(path: string): boolean {
  return (
    path === "/openapi.json" ||
    path === "/docs" ||
    path === "/sign-in" ||
    path === "/readyz" ||
    path === "/metrics" ||
    /^\/(health|webhooks\/|sandbox\/|docs\/|sign-in\/)/.test(path)
  );
}

/** `CENTERLINE_BOOTSTRAP_TOKEN`: a director at every center, for scripted set-up and monitoring. */
export function bootstrapPrincipal(): Principal {
  return {
    kind: "bootstrap",
    actor: "bootstrap",
    userId: null,
    name: "bootstrap token",
    memberships: [{ centerId: "*", role: "director", roomIds: [] }],
    scopes: ["read", "write"],
  };
}

/** The token of an `Authorization: Bearer <token>` header, if that is what the header holds. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
}

/** The principal behind a bearer token (the bootstrap token or an API token), if any. */
export function principalFromBearer(ctx: AppContext, token: string): Principal | undefined {
  const bootstrap = ctx.auth.bootstrapToken;
  if (bootstrap !== undefined && safeEqual(token, bootstrap)) return bootstrapPrincipal();
  return principalFromApiToken(ctx.db, token, ctx.wallClock());
}

export function sessionOf(ctx: AppContext, c: Context<AppEnv>): LiveSession | undefined {
  const cookie = getCookie(c, sessionCookieName(ctx.auth));
  return cookie ? sessionFromCookie(ctx.db, cookie, ctx.wallClock()) : undefined;
}

/** The principal set by the auth middleware; `unauthorized` if a route forgot to sit behind it. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get("principal") as Principal | undefined;
  if (!principal) throw new AppError("unauthorized", "sign in or send a bearer token");
  return principal;
}

/** The error for a center the principal cannot see: word for word the one for an unknown center. */
export function unknownCenter(centerId: string): AppError {
  return new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
}

/** Throws the unknown-center 404 unless the principal may see the center. */
export function requireVisibleCenter(c: Context<AppEnv>, centerId: string): void {
  if (!canSeeCenter(principalOf(c), centerId)) throw unknownCenter(centerId);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const isSafe = (c: Context) => SAFE_METHODS.has(c.req.method);

function unauthorized(c: Context<AppEnv>, given: boolean) {
  c.header(
    "WWW-Authenticate",
    given
      ? 'Bearer realm="centerline", error="invalid_token", error_description="unknown, revoked or expired token"'
      : 'Bearer realm="centerline"',
  );
  return errorResponse(
    c,
    new AppError(
      "unauthorized",
      given ? "the bearer token is not valid" : "send Authorization: Bearer <token>",
    ),
  );
}

/**
 * Hono's `csrf()` (the Origin, or failing that Sec-Fetch-Site, must be this site's) as a check that
 * answers with the shared error body instead of a bare 403.
 */
export function originCheck(settings: AuthSettings) {
  const check = csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || settings.trustedOrigins.includes(origin),
  });
  return async (c: Context<AppEnv>): Promise<boolean> => {
    try {
      await check(c, async () => {});
      return true;
    } catch {
      return false;
    }
  };
}

/** Whether the request carries the session's CSRF token (form field `_csrf` or `X-CSRF-Token`). */
async function hasCsrfToken(c: Context<AppEnv>, expected: string): Promise<boolean> {
  let given = c.req.header(CSRF_HEADER);
  const type = c.req.header("content-type") ?? "";
  if (
    given === undefined &&
    /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)
  ) {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    given = typeof field === "string" ? field : undefined;
  }
  return given !== undefined && safeEqual(given, expected);
}

/**
 * For a request authenticated by cookie that changes something: the Origin check and the
 * synchronizer token. Answers the refusal, or undefined to go on.
 */
export function csrfGuard(settings: AuthSettings) {
  const sameOrigin = originCheck(settings);
  return async (c: Context<AppEnv>, csrfToken: string): Promise<Response | undefined> => {
    if (isSafe(c)) return undefined;
    if (!(await sameOrigin(c))) {
      return errorResponse(
        c,
        new AppError("forbidden", "cross-site form post refused (Origin does not match)"),
      );
    }
    if (!(await hasCsrfToken(c, csrfToken))) {
      return errorResponse(
        c,
        new AppError("forbidden", `missing or wrong CSRF token (form field ${CSRF_FIELD})`, {
          field: CSRF_FIELD,
        }),
      );
    }
    return undefined;
  };
}

/**
 * `/api/*`: a bearer token, or a session cookie (then CSRF-checked when it changes something).
 * Missing or bad credentials: 401 with `WWW-Authenticate: Bearer`. A change needs `write` scope.
 */
export function apiAuth(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const csrfCheck = csrfGuard(ctx.auth);
  return async (c, next) => {
    const header = c.req.header("authorization");
    let principal: Principal | undefined;
    if (header !== undefined) {
      const token = bearerToken(header);
      principal = token === undefined ? undefined : principalFromBearer(ctx, token);
      if (!principal) return unauthorized(c, true);
    } else {
      const session = sessionOf(ctx, c);
      if (!session) return unauthorized(c, false);
      const refused = await csrfCheck(c, session.csrfToken);
      if (refused) return refused;
      principal = session.principal;
      c.set("csrfToken", session.csrfToken);
    }
    if (!isSafe(c) && !principal.scopes.includes("write")) {
      return errorResponse(
        c,
        new AppError("forbidden", "this token is read-only; changes need a token with write scope"),
      );
    }
    c.set("principal", principal);
    await next();
  };
}

/**
 * `/api/centers/{center}/…`: 404, worded as for an unknown center, when the principal cannot see
 * it; 403 for a change by someone who is only an auditor there.
 */
export function centerAccess(centerExists: (id: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const centerId = c.req.param("center");
    if (centerId === undefined) return next();
    const principal = principalOf(c);
    const membership = membershipAt(principal, centerId);
    // An all-centers membership would otherwise let a made-up center reach the route's SQL.
    if (!membership || !centerExists(centerId)) throw unknownCenter(centerId);
    if (!isSafe(c) && membership.role === "auditor") {
      throw new AppError("forbidden", "auditors have read-only access", { field: "center" });
    }
    await next();
  };
}

/**
 * A path on this origin to return to after signing in. `next` is resolved the way a browser would
 * resolve the redirect (against `base`, the request's URL) and kept only if the origin is still
 * ours; anything else becomes `/`. Control characters are refused outright: browsers strip tabs
 * and newlines from URLs, which is how `/\t/evil.example` turns into `//evil.example`.
 */
export function safeNext(next: string | undefined, base: string): Result<string> {
  if (!next) return ok("/");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(next)) {
    return err(
      new AppError("bad_request", "next must not contain control characters", { field: "next" }),
    );
  }
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return ok("/");
  }
  if (url.origin !== new URL(base).origin || !next.startsWith("/")) return ok("/");
  // A path that starts with `//` would be read as another host by whoever follows the Location.
  return ok(`${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`);
}

/**
 * Every page (anything not public, not `/api`, not `/mcp`): a live session, or a redirect to
 * `/sign-in?next=…`; a form post must also pass the CSRF checks.
 */
export function pageAuth(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const csrfCheck = csrfGuard(ctx.auth);
  return async (c, next) => {
    const path = c.req.path;
    if (isPublicPath(path) || path === "/mcp" || path === "/api" || path.startsWith("/api/")) {
      return next();
    }
    const session = sessionOf(ctx, c);
    if (!session) {
      const url = new URL(c.req.url);
      const back = isSafe(c) ? `${url.pathname}${url.search}` : "/";
      return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
    }
    const refused = await csrfCheck(c, session.csrfToken);
    if (refused) return refused;
    c.set("principal", session.principal);
    c.set("csrfToken", session.csrfToken);
    await next();
  };
}
