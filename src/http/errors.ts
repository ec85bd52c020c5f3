/**
 * @module http/errors
 * The one place error codes become HTTP statuses, and the one error body shape every route shares.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { AppError, type ErrorCode } from "../errors/index.js";

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_encoding: 400,
  invalid_signature: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
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

/**
 * The framework's own refusals (malformed JSON or form bodies, an undeclared content type, a body
 * over the limit) are the caller's mistake, so they keep their 4xx in the one error shape; anything
 * else that is not an AppError is our bug: log it, answer 500 without internals.
 */
export function toAppError(error: unknown): AppError {
  if (AppError.is(error)) return error;
  if (error instanceof HTTPException && error.status < 500) return fromHttpException(error);
  if (isForeignKeyError(error)) {
    // A route reached SQL with a reference nothing stored has: the caller named a missing record.
    return new AppError("not_found", "a record this request refers to does not exist");
  }
  if (error instanceof SyntaxError) {
    return new AppError("bad_request", "the request body is not valid JSON", { field: "body" });
  }
  return new AppError("internal", "internal error", {}, { cause: error });
}

function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 413:
      return new AppError("payload_too_large", "the request body is too large", { field: "body" });
    case 415:
      return new AppError(
        "unsupported_media_type",
        "the request body's Content-Type is not one this operation takes",
        { field: "content-type" },
      );
    case 401:
      return new AppError("unauthorized", error.message || "unauthorized");
    case 403:
      return new AppError("forbidden", error.message || "forbidden");
    case 404:
      return new AppError("not_found", error.message || "not found");
    default:
      return new AppError("bad_request", error.message || "bad request", { field: "body" });
  }
}

const isForeignKeyError = (error: unknown) =>
  error instanceof Error && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_FOREIGNKEY";
