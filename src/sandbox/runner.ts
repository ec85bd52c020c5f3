/**
 * @module sandbox/runner
 * Plays the sandbox in real time for `npm start`: the sim clock moves by real elapsed time × speed
 * (72× plays a 06:00–18:45 day in about 11 minutes), due deliveries are handed over strictly in
 * order, one at a time, and at the end of a day the next open day begins. The real clock and timer
 * are injectable so tests drive it without waiting. This module, not the simulation, is where real
 * time is read.
 */
import type { Logger } from "../logging/index.js";
import { silentLogger } from "../logging/index.js";
import type { Sandbox } from "./sandbox.js";
import type { SandboxDelivery } from "./webhooks.js";

export type RunnerLogger = Pick<Logger, "debug" | "info" | "warn" | "error">;

/** Schedules `fn` after `ms`; returns a cancel function. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export interface SandboxRunnerOptions {
  sandbox: Sandbox;
  /** Sim milliseconds per real millisecond. Default 72. */
  speed?: number;
  /** Hands one delivery over (e.g. `createWebhookDeliverer(...)`); awaited before the next. */
  deliver: (delivery: SandboxDelivery) => Promise<void>;
  logger?: RunnerLogger;
  /** Real milliseconds between ticks. Default 200. */
  tickMs?: number;
  setTimer?: SetTimer;
  /** Real clock in milliseconds; default `performance.now`. */
  realNow?: () => number;
}

export interface SandboxRunner {
  /** Stops after the delivery in flight, if any; resolves when the loop has ended. */
  stop(): Promise<void>;
}

const defaultTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export function startSandboxRunner(options: SandboxRunnerOptions): SandboxRunner {
  const { sandbox, deliver } = options;
  const speed = options.speed ?? 72;
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const tickMs = options.tickMs ?? 200;
  const logger = options.logger ?? silentLogger;
  const setTimer = options.setTimer ?? defaultTimer;
  const realNow = options.realNow ?? (() => performance.now());

  let stopped = false;
  let cancel: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastReal = realNow();

  const handOver = async (deliveries: readonly SandboxDelivery[]) => {
    for (const delivery of deliveries) {
      if (stopped) return;
      try {
        await deliver(delivery);
      } catch (error) {
        // One failed hand-over must not stall the day; reconciliation repairs what was missed.
        logger.error(
          { err: error, webhookId: delivery.webhookId, centerId: delivery.centerId },
          "sandbox delivery failed",
        );
      }
    }
  };

  async function tick(): Promise<void> {
    const real = realNow();
    const elapsed = Math.max(0, real - lastReal);
    lastReal = real;
    const target = sandbox.now().getTime() + elapsed * speed;
    const endsAt = Date.parse(sandbox.plan.endsAt);
    if (target >= endsAt) {
      await handOver(sandbox.advanceTo(new Date(endsAt)));
      if (stopped) return;
      const finished = sandbox.date;
      await handOver(sandbox.nextDay());
      logger.info({ finished, next: sandbox.date }, "sandbox day finished; next day planned");
    } else {
      await handOver(sandbox.advanceTo(new Date(target)));
    }
  }

  const schedule = () => {
    if (stopped) return;
    cancel = setTimer(() => {
      cancel = null;
      running = tick().then(schedule, (error: unknown) => {
        logger.error({ err: error }, "sandbox runner tick failed");
        schedule();
      });
    }, tickMs);
  };

  logger.info(
    { date: sandbox.date, speed, centers: sandbox.world.centers.length },
    "sandbox runner started",
  );
  schedule();

  return {
    async stop() {
      stopped = true;
      cancel?.();
      cancel = null;
      await running;
    },
  };
}
