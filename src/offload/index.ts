/**
 * @module offload
 * Heavy reads (staffing plans, report files, timelines, exports) off the event loop, so webhooks,
 * alert ticks and the board keep answering while one is computed. With a database file they run on
 * a small pool of worker threads, each with its own read-only connection; with an in-memory
 * database (unit tests), which a second connection cannot see, they run in-process after yielding
 * to the loop once. `jobs.ts` lists them.
 */
import { availableParallelism } from "node:os";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { AppError, err, ok, type Result } from "../errors/index.js";
import type { Logger } from "../logging/index.js";
import type { Store } from "../storage/db.js";
import { type JobInput, type JobName, type JobOutput, jobs } from "./jobs.js";
import { createWorkerPool } from "./pool.js";

export type {
  JobInput,
  JobName,
  JobOutput,
  RenderedReport,
  ReportFormat,
  ReportRequest,
} from "./jobs.js";

export interface Offload {
  /** Runs a job; rejects with the job's `AppError` (or its unexpected error) when it fails. */
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>>;
  close(): Promise<void>;
}

/** Two workers, or one per spare core beyond that (up to four): the loop keeps a core. */
const defaultSize = () => Math.min(4, Math.max(2, availableParallelism() - 1));

export function createOffload(options: {
  db: Store;
  databasePath: string;
  logger: Logger;
  size?: number;
}): Offload {
  if (options.databasePath === ":memory:") return inProcess(options.db);
  return createWorkerPool({
    databasePath: options.databasePath,
    size: options.size ?? defaultSize(),
    logger: options.logger.child({ component: "offload" }),
  });
}

/** The jobs on the calling thread, each after one turn of the loop. */
export function inProcess(db: Store): Offload {
  return {
    async run<K extends JobName>(name: K, input: JobInput<K>) {
      await yieldToLoop();
      const job = jobs[name] as (store: Store, input: JobInput<K>) => JobOutput<K>;
      return job(db, input);
    },
    close: async () => {},
  };
}

/** A job's answer as a `Result`: its `AppError` as the error, anything else still thrown. */
export async function settled<T>(answer: Promise<T>): Promise<Result<T>> {
  try {
    return ok(await answer);
  } catch (error) {
    if (AppError.is(error)) return err(error);
    throw error;
  }
}
