/**
 * @module errors/app-error
 * Errors are values with a string code and a human message. Only the HTTP layer turns a code into a
 * status (see `http/errors.ts`), so the core and the adapters never think in HTTP.
 */

export const errorCodes = [
  "bad_request",
  "payload_too_large",
  "unsupported_media_type",
  "invalid_encoding",
  "invalid_signature",
  "unauthorized",
  "forbidden",
  "not_found",
  "unknown_reference",
  "invalid_payload",
  "unknown_event_type",
  "conflict",
  "rate_limited",
  "platform_error",
  "config_error",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  /** Dotted path of the offending field, when one field is to blame. */
  field?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  static is(value: unknown): value is AppError {
    return (
      value instanceof Error && typeof (value as AppError).code === "string" && "details" in value
    );
  }
}

/** Outcome of an operation that can fail for a reason the caller must handle. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
