export { createApp } from "./app.js";
export type { AppContext, AppEnv } from "./context.js";
export { errorBodySchema, statusFor } from "./errors.js";
