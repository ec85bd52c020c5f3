/**
 * @module logging/logger
 * Structured JSON logs. A request's child logger carries its request id into every line it writes;
 * background work carries the event or run id instead.
 */
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level = "info"): Logger {
  return pino({ level, base: { service: "centerline" }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A logger that writes nothing, for tests and benchmarks. */
export const silentLogger: Logger = pino({ level: "silent" });
