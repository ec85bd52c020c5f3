export { loadConfig } from "./load.js";
export type { Config } from "./schema.js";
export { configSchema } from "./schema.js";
