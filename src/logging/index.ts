export type { Logger } from "./logger.js";
export { createLogger, silentLogger } from "./logger.js";
