/**
 * @module offload/wire
 * The messages between the pool and a worker: a job by name with its input, and its answer. An
 * `AppError` crosses as its code, message and details (a structured clone keeps only an Error's
 * message), so the route on the main thread throws the same error it would have thrown itself.
 */
import { AppError, type ErrorCode, type ErrorDetails } from "../errors/index.js";
import type { JobName } from "./jobs.js";

export interface JobRequest {
  id: number;
  name: JobName;
  input: unknown;
}

export type WireError =
  | { app: true; code: ErrorCode; message: string; details: ErrorDetails }
  | { app: false; message: string; stack: string | undefined };

export type JobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

export function toWireError(error: unknown): WireError {
  if (AppError.is(error)) {
    return { app: true, code: error.code, message: error.message, details: error.details };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { app: false, message: e.message, stack: e.stack };
}

export function fromWireError(error: WireError): Error {
  if (error.app) return new AppError(error.code, error.message, error.details);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}
