/**
 * @module http/lifecycle
 * Where the process is in its life, for `/readyz`: a load balancer sends traffic only once start-up
 * has finished its steps, and stops before shutdown begins. Live streams end when it stops.
 */
import { EventEmitter } from "node:events";

/** The start-up steps `/readyz` waits for, in the order the service runs them. */
export const startupSteps = ["migrations", "directory sync", "inbox drain"] as const;
export type StartupStep = (typeof startupSteps)[number];

export type LifecycleState = "starting" | "ready" | "stopping";

export class Lifecycle extends EventEmitter {
  #done = new Set<StartupStep>();
  #stopping = false;

  constructor() {
    super();
    // One listener per open live board; a busy center has many.
    this.setMaxListeners(0);
  }

  /** Marks a start-up step finished; the last one makes the service ready. */
  finished(step: StartupStep): void {
    this.#done.add(step);
  }

  /** Shutdown has begun: not ready any more, and every live stream is told to end. */
  stop(): void {
    if (this.#stopping) return;
    this.#stopping = true;
    this.emit("stopping");
  }

  get state(): LifecycleState {
    if (this.#stopping) return "stopping";
    return this.waitingFor.length === 0 ? "ready" : "starting";
  }

  /** The start-up steps not finished yet. */
  get waitingFor(): StartupStep[] {
    return startupSteps.filter((s) => !this.#done.has(s));
  }
}
