/**
 * @module auth/openapi
 * Documents the bearer scheme on every `/api` operation of the generated OpenAPI document, so a new
 * route is documented as protected (and with its 401/403 answers) without anyone remembering to.
 */

type Document = { paths?: object; components?: object };
type Operation = { security?: unknown; responses?: Record<string, unknown> };

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export function withBearerAuth<T extends Document>(doc: T): T {
  doc.components ??= {};
  const components = doc.components as { securitySchemes?: Record<string, unknown> };
  components.securitySchemes = {
    ...components.securitySchemes,
    bearerAuth: {
      type: "http",
      scheme: "bearer",
      description:
        "An API token (`npm run -s cli -- tokens create`) or CENTERLINE_BOOTSTRAP_TOKEN. A token sees only its user's centers; a center it cannot see answers 404.",
    },
  };
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [path, item] of Object.entries(paths)) {
    if (!item || !(path === "/api" || path.startsWith("/api/"))) continue;
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const op = value as Operation;
      op.security = [{ bearerAuth: [] }];
      op.responses ??= {};
      op.responses["401"] ??= errorResponse("Missing, unknown or revoked bearer token");
      if (method !== "get" && method !== "head") {
        op.responses["403"] ??= errorResponse(
          "The token is read-only, the role may not make this change, or the CSRF check failed",
        );
      }
    }
  }
  return doc;
}
