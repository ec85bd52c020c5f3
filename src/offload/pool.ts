/**
 * @module offload/pool
 * A small pool of worker threads running `jobs.ts`. Workers start on first need (a service that
 * never serves a heavy read starts none), take one job at a time, and are replaced if one dies: the
 * job it held fails with that error, the others wait for a free worker.
 */
import { inspect } from "node:util";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logging/index.js";
import type { JobInput, JobName, JobOutput } from "./jobs.js";
import { fromWireError, type JobReply } from "./wire.js";

interface Task {
  id: number;
  name: JobName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface WorkerPool {
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Stops every worker; jobs not yet answered fail. */
  close(): Promise<void>;
}

const entry = new URL("./worker.mjs", import.meta.url);

export function createWorkerPool(options: {
  databasePath: string;
  size: number;
  logger: Logger;
}): WorkerPool {
  const { databasePath, size, logger } = options;
  const idle: Worker[] = [];
  const held = new Map<Worker, Task>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Worker => {
    const worker = new Worker(entry, { workerData: { databasePath }, execArgv: [] });
    // Idle workers must not keep the process alive; stop() terminates them anyway.
    worker.unref();
    worker.on("message", (reply: JobReply) => {
      const task = held.get(worker);
      held.delete(worker);
      idle.push(worker);
      if (task && task.id === reply.id) {
        if (reply.ok) task.resolve(reply.value);
        else task.reject(fromWireError(reply.error));
      }
      pump();
    });
    const lost = (thrown: unknown) => {
      // What a worker throws reaches this thread as a structured clone: a SqliteError arrives as
      // a bare `{ code }`, so the message is rebuilt from whatever came.
      const error =
        thrown instanceof Error && thrown.message
          ? thrown
          : new Error(`offload worker failed: ${inspect(thrown)}`, { cause: thrown });
      const task = held.get(worker);
      held.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (closed) return;
      logger.error({ err: error, job: task?.name }, "offload worker stopped");
      task?.reject(error);
      pump();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (held.has(worker) || idle.includes(worker)) lost(new Error(`worker exited (${code})`));
    });
    return worker;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (held.size < size ? spawn() : undefined);
      if (!worker) return;
      const task = queue.shift()!;
      held.set(worker, task);
      worker.postMessage({ id: task.id, name: task.name, input: task.input });
    }
  };

  return {
    run<K extends JobName>(name: K, input: JobInput<K>) {
      if (closed) return Promise.reject(new Error("the offload pool is closed"));
      return new Promise<JobOutput<K>>((resolve, reject) => {
        queue.push({ id: nextId++, name, input, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const stopping = new Error("the service is stopping");
      for (const task of [...queue.splice(0), ...held.values()]) task.reject(stopping);
      const workers = [...idle.splice(0), ...held.keys()];
      held.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
