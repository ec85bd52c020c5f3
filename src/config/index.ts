export { anchorPathFor, defaultAnchorPath } from "./audit-anchor.js";
export { loadConfig } from "./load.js";
export type { Config } from "./schema.js";
export { configSchema } from "./schema.js";
