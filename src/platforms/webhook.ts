/**
 * @module platforms/webhook
 * What every adapter's webhook mapper shares: validating a parsed body against the provider's
 * discriminated union (an unknown `event_type` gets its own code, so the sender learns we do not
 * handle it rather than that it is malformed) and building references to check.
 */
import type { z } from "zod";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import type { MappedWebhook, Reference } from "./types.js";

export function createWebhookMapper<T>(options: {
  platform: string;
  schema: z.ZodType<T>;
  eventTypes: readonly string[];
  map: (payload: T) => MappedWebhook;
}): (body: unknown) => Result<MappedWebhook> {
  const known = new Set(options.eventTypes);
  return (body) => {
    if (isRecord(body) && !known.has(String(body.event_type))) {
      const label = body.event_type === undefined ? "missing" : JSON.stringify(body.event_type);
      return err(
        new AppError(
          "unknown_event_type",
          `event_type: unknown ${options.platform} event type (${label})`,
          { field: "event_type", expected: options.eventTypes },
        ),
      );
    }
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) return err(fromZodError(parsed.error, "invalid_payload"));
    return ok(options.map(parsed.data));
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const ref = (kind: Reference["kind"], id: string, field: string): Reference => ({
  kind,
  id,
  field,
});

export const optionalRef = (
  kind: Reference["kind"],
  id: string | null,
  field: string,
): Reference[] => (id === null ? [] : [ref(kind, id, field)]);
