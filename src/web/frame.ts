/**
 * @module web/frame
 * The first step of every signed-in page and form: who is asking (401 when nobody), and the
 * center in the path (404 when it does not exist or the principal may not see it).
 */
import type { Context } from "hono";
import type { Principal } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { visibleCenter, visibleCenters } from "./access.js";
import { holdBannerItems } from "./hold-banner.js";
import { type PageFrame, renderBare, type Section } from "./layout.js";

export type Framed =
  | {
      ok: true;
      principal: Principal;
      center: Center;
      frame: Omit<PageFrame, "title" | "children">;
    }
  | { ok: false; response: Response };

export function notFound(c: Context<AppEnv>): Response {
  return renderBare(c, 404, "Not found", "There is no such page, or it is not yours to see.");
}

export function signInRequired(c: Context<AppEnv>): Response {
  return renderBare(c, 401, "Sign in required", "Sign in to see your centers.");
}

export function frameFor(c: Context<AppEnv>, ctx: AppContext, section: Section): Framed {
  const principal = c.get("principal");
  if (!principal) return { ok: false, response: signInRequired(c) };
  const center = visibleCenter(ctx.db, principal, c.req.param("centerId") ?? "");
  if (!center) return { ok: false, response: notFound(c) };
  return {
    ok: true,
    principal,
    center,
    frame: {
      principal,
      centers: visibleCenters(ctx.db, principal),
      center,
      section,
      csrfToken: c.get("csrfToken"),
      holds: holdBannerItems(ctx.db, center, ctx.clock()),
    },
  };
}
