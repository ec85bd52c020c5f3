export type { ErrorCode, ErrorDetails, Result } from "./app-error.js";
export { AppError, err, errorCodes, ok } from "./app-error.js";
export { fromZodError } from "./zod.js";
