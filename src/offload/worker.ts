/**
 * @module offload/worker
 * A worker thread of the pool: its own read-only connection to the service's SQLite file (WAL lets
 * it read while the main thread writes), one job at a time, each answer posted back by id.
 */
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabaseReadOnly } from "../storage/db.js";
import { type JobName, jobs } from "./jobs.js";
import { type JobReply, type JobRequest, toWireError } from "./wire.js";

const port = parentPort;
if (!port) throw new Error("offload/worker runs only as a worker thread");

// On a busy machine the workers would take CPU from the loop they exist to keep free. Linux keeps
// a nice value per thread (pid 0 is this thread alone); elsewhere it is the whole process's, so
// it is left alone there.
if (process.platform === "linux") setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);

const db = openDatabaseReadOnly((workerData as { databasePath: string }).databasePath);
// A checkpoint on the main connection can hold the file briefly; wait rather than fail the read.
db.$client.pragma("busy_timeout = 5000");

const run = (name: JobName, input: unknown): unknown =>
  (jobs[name] as (store: typeof db, input: unknown) => unknown)(db, input);

port.on("message", async (request: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { id: request.id, ok: true, value: await run(request.name, request.input) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: toWireError(error) };
  }
  port.postMessage(reply);
});
