import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { isModelUnavailable } from "./model-client.js";

/** The error the SDK throws for an HTTP answer, built the way the SDK builds it. */
const httpError = (status: number, type: string) =>
  APIError.generate(
    status,
    { type: "error", error: { type, message: "m" } },
    undefined,
    new Headers(),
  );

describe("isModelUnavailable", () => {
  it("is true for what remains after the SDK's retries: 408, 409, 429, 5xx, 529, timeouts, connection errors", () => {
    for (const [status, type] of [
      [408, "timeout_error"],
      [409, "conflict_error"],
      [429, "rate_limit_error"],
      [500, "api_error"],
      [503, "api_error"],
      [529, "overloaded_error"],
    ] as const) {
      expect(isModelUnavailable(httpError(status, type)), String(status)).toBe(true);
    }
    expect(isModelUnavailable(new APIConnectionTimeoutError())).toBe(true);
    expect(
      isModelUnavailable(new APIConnectionError({ cause: new TypeError("fetch failed") })),
    ).toBe(true);
  });

  it("is false for our own mistakes, the caller's abort and anything that is not an API error", () => {
    expect(isModelUnavailable(httpError(400, "invalid_request_error"))).toBe(false);
    expect(isModelUnavailable(httpError(401, "authentication_error"))).toBe(false);
    expect(isModelUnavailable(new APIUserAbortError())).toBe(false);
    expect(isModelUnavailable(Object.assign(new Error("x"), { status: 503 }))).toBe(false);
    expect(isModelUnavailable("overloaded")).toBe(false);
  });
});
