/**
 * @module compliance/tick
 * The periodic re-evaluation (every EVALUATE_INTERVAL_SECONDS). Events already re-evaluate the
 * rooms they touch; what is left for a timer is what time alone changes — a child's age crossing
 * into another band at a new local date, an open violation turning critical, a forecast breach
 * coming within 15 minutes (or a forecast event passing). Each evaluation records when that can
 * next happen (`recheck.ts`), so a tick evaluates only the rooms due by now.
 *
 * As a safety net for what no event announces (a shift or a policy edited, a room added), every
 * center is also evaluated whole once every `fullEvery` ticks, spread so that a different
 * `1/fullEvery` of the centers comes round on each tick. And the tick gives the event loop back
 * after every `sliceMs` of work, so webhooks and pages are never held up behind it.
 */
import { performance } from "node:perf_hooks";
import type { Db } from "../storage/db.js";
import { listCenters } from "../storage/directory.js";
import { evaluateCenter, type StatusChange } from "./monitor.js";
import { dueRooms } from "./recheck.js";

export interface TickOptions {
  /** Work done between two yields to the event loop, in ms (default 10). */
  sliceMs?: number;
  /** Every center is evaluated whole once in this many ticks (default 20: 5 minutes at 15 s). */
  fullEvery?: number;
  cause?: string;
  /** Called after each center evaluated, inside the same slice of work (e.g. alert catch-up). */
  afterCenter?: (centerId: string) => void;
}

export interface TickReport {
  /** Centers evaluated, whole or in part. */
  centers: number;
  /** Of those, centers evaluated whole (the safety net, or never evaluated before). */
  wholeCenters: number;
  /** Rooms evaluated because they were due, in the centers not evaluated whole. */
  dueRooms: number;
  changes: number;
  /** The longest stretch of synchronous work between two yields, in ms. */
  longestSliceMs: number;
}

export interface EvaluateTick {
  /** One tick at business time `clock()`; null when the previous tick has not finished. */
  run(clock: () => Date): Promise<TickReport | null>;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createEvaluateTick(
  db: Db,
  onChanges: (centerId: string, changes: StatusChange[]) => void,
  options: TickOptions = {},
): EvaluateTick {
  const sliceMs = options.sliceMs ?? 10;
  const fullEvery = Math.max(1, options.fullEvery ?? 20);
  const cause = options.cause ?? "timer";
  let ticks = 0;
  let running = false;

  return {
    async run(clock) {
      if (running) return null;
      running = true;
      try {
        const tick = ++ticks;
        const report: TickReport = {
          centers: 0,
          wholeCenters: 0,
          dueRooms: 0,
          changes: 0,
          longestSliceMs: 0,
        };
        let sliceStart = performance.now();
        const centers = listCenters(db);
        for (const [i, center] of centers.entries()) {
          const at = clock();
          const whole = (tick + i) % fullEvery === 0;
          const due = whole ? "all" : dueRooms(db, center.id, at);
          if (due !== "all" && due.length === 0) continue;
          const rooms = due === "all" ? undefined : new Map(due.map((id) => [id, cause]));
          const changes = evaluateCenter(db, center.id, at, rooms, cause);
          report.centers++;
          if (due === "all") report.wholeCenters++;
          else report.dueRooms += due.length;
          report.changes += changes.length;
          if (changes.length > 0) onChanges(center.id, changes);
          options.afterCenter?.(center.id);
          const elapsed = performance.now() - sliceStart;
          if (elapsed >= sliceMs) {
            report.longestSliceMs = Math.max(report.longestSliceMs, elapsed);
            await yieldToLoop();
            sliceStart = performance.now();
          }
        }
        report.longestSliceMs = Math.max(report.longestSliceMs, performance.now() - sliceStart);
        return report;
      } finally {
        running = false;
      }
    },
  };
}
