/**
 * @module http/routes/webhooks
 * `POST /webhooks/{provider}`. The raw body is read before anything parses it, because the
 * signature covers the exact bytes sent. Documented in OpenAPI by hand for the same reason: a
 * validating route would parse the body first.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { type Provider, providerSchema } from "../../domain/index.js";
import { AppError } from "../../errors/index.js";
import { receiveWebhookGrouped } from "../../ingest/receive.js";
import { verifyAndDecode } from "../../ingest/standard-webhooks.js";
import { adapters } from "../../platforms/registry.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema, errorResponse } from "../errors.js";

export const webhookReceiptSchema = z
  .object({
    status: z.enum(["accepted", "duplicate"]),
    eventId: z.string().describe("The dedupe key: the payload's event id, else the webhook-id"),
  })
  .meta({ id: "WebhookReceipt" });

const MAX_BODY_BYTES = 256 * 1024;

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  for (const provider of providerSchema.options) documentWebhook(app, provider);

  app.post(
    "/webhooks/:provider",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        errorResponse(c, new AppError("bad_request", `body exceeds ${MAX_BODY_BYTES} bytes`)),
    }),
    async (c) => {
      const parsed = providerSchema.safeParse(c.req.param("provider"));
      if (!parsed.success) {
        throw new AppError("not_found", `unknown provider "${c.req.param("provider")}"`, {
          field: "provider",
        });
      }
      const provider = parsed.data;
      const signed = {
        headers: {
          id: c.req.header("webhook-id"),
          timestamp: c.req.header("webhook-timestamp"),
          signature: c.req.header("webhook-signature"),
        },
        secrets: ctx.webhookSecrets[provider],
        toleranceSeconds: ctx.webhookToleranceSeconds,
      };
      // The signature covers the bytes as sent, so it is checked before they are decoded.
      const text = verifyAndDecode({
        ...signed,
        body: new Uint8Array(await c.req.arrayBuffer()),
        nowSeconds: Math.floor(ctx.wallClock().getTime() / 1000),
      });
      // Group commit: deliveries checked in the same turn share one fsync'd inbox transaction.
      const result = text.ok
        ? await receiveWebhookGrouped(ctx.db, {
            ...signed,
            provider,
            body: text.value,
            now: ctx.wallClock(),
          })
        : text;
      if (!result.ok) {
        c.get("log").warn(
          { provider, code: result.error.code, reason: result.error.message },
          "webhook refused",
        );
        return errorResponse(c, result.error);
      }
      if (result.value.status === "accepted") ctx.processor.kick();
      return c.json({ status: result.value.status, eventId: result.value.eventId }, 200);
    },
  );
}

function documentWebhook(app: OpenAPIHono<AppEnv>, provider: Provider): void {
  const errors = (description: string) => ({
    description,
    content: { "application/json": { schema: errorBodySchema } },
  });
  app.openAPIRegistry.registerPath({
    method: "post",
    path: `/webhooks/${provider}`,
    tags: ["Webhooks"],
    summary: `Receive a ${provider} attendance webhook`,
    description:
      'Standard Webhooks v1: `webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` ' +
      "with the base64-decoded bytes of a `whsec_` secret; timestamps more than the tolerance " +
      "(default 300 s) from now are refused. Deliveries are deduped on the payload's event id, " +
      "else the `webhook-id`; a redelivery answers 200 with status `duplicate` and changes nothing.",
    request: {
      headers: z.object({
        "webhook-id": z.string().describe("Unique per event; stays the same across retries"),
        "webhook-timestamp": z.string().describe("Unix seconds of this delivery attempt"),
        "webhook-signature": z.string().describe("Space-separated `v1,<base64>` signatures"),
      }),
      body: {
        required: true,
        content: { "application/json": { schema: adapters[provider].webhookSchema } },
      },
    },
    responses: {
      200: {
        description: "Stored durably (or already stored)",
        content: { "application/json": { schema: webhookReceiptSchema } },
      },
      400: errors(
        "Body is not JSON, too large, or (correctly signed but) not plain UTF-8: a byte order mark or invalid bytes (`invalid_encoding`)",
      ),
      401: errors("Missing, invalid or expired signature; nothing is stored"),
      422: errors(
        "Unknown event type, a missing or malformed field, or an unknown center/room/child/staff; kept in rejected_events",
      ),
    },
  });
}
