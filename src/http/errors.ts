/**
 * @module http/errors
 * The one place error codes become HTTP statuses, and the one error body shape every route shares.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { AppError, type ErrorCode } from "../errors/index.js";

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_signature: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_payload: 422,
  unknown_event_type: 422,
  unknown_reference: 422,
  platform_error: 502,
  config_error: 500,
  internal: 500,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return statusByCode[code];
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. unknown_reference"),
      message: z.string().describe("What went wrong, naming the field where one is to blame"),
      details: z
        .record(z.string(), z.unknown())
        .describe("Extra structured context (field, issues)"),
    }),
    requestId: z.string().optional(),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error response as an OpenAPI route documents it: every error status has the one body. */
export const documentedError = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details }, requestId };
}

export function errorResponse(c: Context, error: AppError) {
  return c.json(errorBody(error, c.get("requestId")), statusFor(error.code));
}

/** Anything that is not an AppError is our bug: log it, answer 500 without internals. */
export function toAppError(error: unknown): AppError {
  if (AppError.is(error)) return error;
  return new AppError("internal", "internal error", {}, { cause: error });
}
