import type { z } from "zod";
import { AppError, type ErrorCode } from "./app-error.js";

/** Turns the first zod issue into an AppError that names the field, e.g. `child.room_id`. */
export function fromZodError(
  error: z.ZodError,
  code: ErrorCode = "invalid_payload",
  prefix = "",
): AppError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  const message = issue
    ? `${path || "payload"}: ${issue.message}`
    : "payload does not match the expected shape";
  return new AppError(code, message, {
    field: path || undefined,
    issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}
