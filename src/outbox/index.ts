/**
 * @module outbox
 * The durable outbox of sends and the worker that delivers it (leases, retries, backoff).
 */
export type { NewOutboxRow, OutboxRow, OutboxStatus } from "../storage/outbox.js";
export { countOutbox, enqueueOutbox, getOutbox, listOutbox } from "../storage/outbox.js";
export {
  backoffMs,
  createOutboxWorker,
  type OutboxRunSummary,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from "./worker.js";
