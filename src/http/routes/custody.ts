/**
 * @module http/routes/custody
 * A child's custody restrictions: who may not collect them. A director adds one (audited); the
 * pick-up gate holds a check-out by that person from then on.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { unknownCenter } from "../../auth/index.js";
import { canSeeCenter } from "../../auth/principal.js";
import { addCustodyRestriction, custodyRestrictionInputSchema } from "../../door/index.js";
import { AppError } from "../../errors/index.js";
import { getCenter, listChildren } from "../../storage/directory.js";
import { listCustodyRestrictions } from "../../storage/door.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const restrictionSchema = z
  .object({
    id: z.number().int(),
    childId: z.string(),
    name: z.string(),
    kind: z.enum(["no_contact", "court_order", "supervised_only"]),
    note: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "CustodyRestriction" });

const params = z.object({ center: z.string().min(1), child: z.string().min(1) });
const errorBody = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});
const path = "/api/centers/{center}/children/{child}/custody-restrictions";

const listRoute = createRoute({
  method: "get",
  path,
  tags: ["Door"],
  summary: "A child's custody restrictions",
  request: { params },
  responses: {
    200: {
      description: "Restrictions, oldest first",
      content: {
        "application/json": { schema: z.object({ restrictions: z.array(restrictionSchema) }) },
      },
    },
    404: errorBody("Unknown center or child"),
  },
});

const addRoute = createRoute({
  method: "post",
  path,
  tags: ["Door"],
  summary: "A director adds a custody restriction (audited); check-outs by that person are held",
  request: {
    params,
    body: {
      required: true,
      content: { "application/json": { schema: custodyRestrictionInputSchema } },
    },
  },
  responses: {
    201: {
      description: "The restriction",
      content: { "application/json": { schema: restrictionSchema } },
    },
    400: errorBody("Bad input"),
    403: errorBody("Not a director"),
    404: errorBody("Unknown center or child"),
  },
});

const toRestriction = (r: z.input<typeof restrictionSchema>) => restrictionSchema.parse(r);

export function registerCustodyRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const known = (principal: Parameters<typeof canSeeCenter>[0], center: string, child: string) => {
    if (!canSeeCenter(principal, center) || !getCenter(ctx.db, center)) {
      throw unknownCenter(center);
    }
    if (!listChildren(ctx.db, center, [child])[0]) {
      throw new AppError("not_found", `unknown child "${child}"`, { field: "child" });
    }
  };

  app.openapi(listRoute, (c) => {
    const { center, child } = c.req.valid("param");
    known(c.get("principal"), center, child);
    const rows = listCustodyRestrictions(ctx.db, center, child);
    return c.json({ restrictions: rows.map(toRestriction) }, 200);
  });

  app.openapi(addRoute, (c) => {
    const { center, child } = c.req.valid("param");
    known(c.get("principal"), center, child);
    const row = addCustodyRestriction(
      ctx.db,
      c.get("principal"),
      center,
      child,
      c.req.valid("json"),
      ctx.wallClock(),
    );
    return c.json(toRestriction(row), 201);
  });
}
