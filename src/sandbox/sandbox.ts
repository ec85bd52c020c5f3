/**
 * @module sandbox/sandbox
 * The sandbox as one object: a world, a sim clock, the day's plan, the truth it produces, the
 * webhook deliveries due as the clock moves, and the fake platform APIs over the same state. The
 * clock only moves when told (`advanceTo`, `playDay`, `nextDay`), so tests step through a day
 * exactly and the real-time runner (`runner.ts`) is a thin loop around it.
 */
import type { Hono } from "hono";
import type { PresenceSnapshot } from "../domain/index.js";
import { addDays } from "../domain/time.js";
import type { SignedHeaders } from "../ingest/standard-webhooks.js";
import { createSandboxApi } from "./api.js";
import type { SandboxApiSource } from "./api-common.js";
import type { DayPlan } from "./events.js";
import { createOutbox, type OutboxEntry } from "./outbox.js";
import { firstOpenDay, nextOpenDay } from "./schedule.js";
import { planDay } from "./script.js";
import { createTruth } from "./truth.js";
import { type SandboxDelivery, signDelivery, toDelivery } from "./webhooks.js";
import { createWorld, type SandboxWorld } from "./world.js";

export type DropPredicate = (delivery: SandboxDelivery) => boolean;

export interface CreateSandboxOptions {
  /** Default 42. */
  seed?: number;
  /** Default 2: one Procare and one Kangarootime center. */
  centers?: number;
  /** The first simulated day, `YYYY-MM-DD`. Centers close at weekends, so a Saturday or Sunday
   * starts on the following Monday (`sandbox.date` says which day is playing). */
  date: string;
  /** The bearer token the fake APIs require. Default "sandbox". */
  apiKey?: string;
  /** Deliveries to withhold: their events still change the truth (for reconciliation tests). */
  drop?: DropPredicate;
  /** Days of played events the APIs still serve (attendance feed, timecards). Default 7. */
  historyDays?: number;
}

export interface Sandbox {
  readonly world: SandboxWorld;
  readonly seed: number;
  readonly apiKey: string;
  /** The fake platform APIs; `api.fetch(request)` or mount it (see `sandboxHandlers`). */
  readonly api: Hono;
  /** The day being played. */
  readonly date: string;
  /** The current day's events and scenario markers. */
  readonly plan: DayPlan;
  /** The sim clock. */
  now(): Date;
  /** Moves the clock forward (never back), applies every event due by `instant` in order, and
   * returns their deliveries, minus withheld ones. */
  advanceTo(instant: Date): SandboxDelivery[];
  /** `advanceTo(plan.endsAt)`. */
  playDay(): SandboxDelivery[];
  /** Plays what is left of today (returned), then plans the next open day and moves the clock to
   * its start. */
  nextDay(): SandboxDelivery[];
  truth(centerId: string): PresenceSnapshot;
  /** Withhold deliveries matching `predicate` from now on (null to stop withholding). */
  dropWebhooks(predicate: DropPredicate | null): void;
  /** Deliveries withheld so far (retained history only). */
  withheld(): SandboxDelivery[];
  /** Every delivery played so far, withheld or not (retained history only). */
  played(): SandboxDelivery[];
  signDelivery(delivery: SandboxDelivery, secret: string, nowSeconds: number): SignedHeaders;
  /** What clients POSTed to the fake APIs. */
  outbox(): OutboxEntry[];
}

interface PlayedDay {
  date: string;
  deliveries: SandboxDelivery[];
  withheld: Set<string>;
}

export function createSandbox(options: CreateSandboxOptions): Sandbox {
  const seed = options.seed ?? 42;
  const apiKey = options.apiKey ?? "sandbox";
  const historyDays = options.historyDays ?? 7;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new RangeError(`sandbox date must be YYYY-MM-DD, got "${options.date}"`);
  }
  const firstDay = firstOpenDay(options.date);
  const world = createWorld({ seed, centers: options.centers ?? 2, referenceDate: firstDay });
  const truth = createTruth(world.centers.map((c) => c.id));
  const outbox = createOutbox();
  let drop: DropPredicate | null = options.drop ?? null;

  let plan = planDay(world, firstDay);
  let dueAt = plan.events.map((e) => Date.parse(e.at));
  let cursor = 0;
  let clock = Date.parse(plan.startsAt);
  let history: PlayedDay[] = [{ date: plan.date, deliveries: [], withheld: new Set() }];

  const current = () => history[history.length - 1]!;
  const played = () => history.flatMap((d) => d.deliveries);

  function advanceTo(instant: Date): SandboxDelivery[] {
    const target = instant.getTime();
    if (Number.isNaN(target)) throw new RangeError("advanceTo needs a valid Date");
    const out: SandboxDelivery[] = [];
    const day = current();
    while (cursor < plan.events.length && dueAt[cursor]! <= target) {
      const event = plan.events[cursor++]!;
      truth.apply(event);
      const delivery = toDelivery(world, event);
      day.deliveries.push(delivery);
      if (drop?.(delivery)) day.withheld.add(delivery.webhookId);
      else out.push(delivery);
    }
    clock = Math.max(clock, target);
    return out;
  }

  const playDay = () => advanceTo(new Date(plan.endsAt));

  function nextDay(): SandboxDelivery[] {
    const rest = playDay();
    plan = planDay(world, nextOpenDay(plan.date));
    dueAt = plan.events.map((e) => Date.parse(e.at));
    cursor = 0;
    clock = Math.max(clock, Date.parse(plan.startsAt));
    const oldest = addDays(plan.date, -historyDays);
    history = [
      ...history.filter((d) => d.date > oldest),
      { date: plan.date, deliveries: [], withheld: new Set() },
    ];
    return rest;
  }

  const source: SandboxApiSource = {
    world,
    apiKey,
    now: () => new Date(clock),
    truth,
    played,
    outbox,
  };
  const api = createSandboxApi(source);

  return {
    world,
    seed,
    apiKey,
    api,
    get date() {
      return plan.date;
    },
    get plan() {
      return plan;
    },
    now: () => new Date(clock),
    advanceTo,
    playDay,
    nextDay,
    truth: (centerId) => truth.snapshot(centerId, new Date(clock)),
    dropWebhooks(predicate) {
      drop = predicate;
    },
    withheld: () => history.flatMap((d) => d.deliveries.filter((x) => d.withheld.has(x.webhookId))),
    played,
    signDelivery,
    outbox: () => outbox.list(),
  };
}
