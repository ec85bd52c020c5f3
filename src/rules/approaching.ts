/**
 * @module rules/approaching
 * A room's status as the monitor records it: the evaluation now (`evaluateRoom`), made
 * `approaching` when the room is in ratio but the known future (`forecastRoom`: planned breaks,
 * shift ends, scheduled arrivals) puts it out of ratio within 15 minutes. Also says when time
 * alone could next change that status — a forecast event entering or leaving the horizon, an open
 * violation turning critical, a new local date moving ages on — so a periodic re-evaluation can
 * skip every room whose status cannot have changed.
 *
 * Pure: no clock, no I/O; `at` is a parameter, so the decision replays.
 */
import { addDays, zonedDateTimeToInstant } from "../domain/time.js";
import { err, ok, type Result } from "../errors/index.js";
import { evaluateRoom } from "./evaluate.js";
import type { Evaluation, Room } from "./evaluation.js";
import { type FutureEvent, type FutureEventInput, forecastRoom } from "./forecast.js";
import type { CenterPolicy, RulePack } from "./pack.js";

/** A breach the forecast shows this soon makes a room in ratio now `approaching`. */
export const APPROACHING_HORIZON_MINUTES = 15;
/** How far past the horizon the forecast looks, to know when the next event will enter it. */
export const LOOK_BEYOND_MINUTES = 30;

const MINUTE = 60_000;

export interface AheadOptions {
  at: Date;
  roomId: string;
  /** The center's local date at `at`. */
  localDate: string;
  /** The center's IANA time zone (the next local midnight, and forecasts across it). */
  timeZone: string;
  policy?: CenterPolicy;
}

export interface Ahead {
  evaluation: Evaluation;
  /** The earliest instant at which time alone (no new event) could change the status. */
  recheckAt: string;
}

/** The event in a director's words, without names or ids. */
export function describeAhead(event: FutureEvent): string {
  const why = event.note ? ` (${event.note})` : "";
  switch (event.type) {
    case "child.arrives":
      return `a child arrives${why}`;
    case "child.departs":
      return `a child leaves${why}`;
    case "staff.arrives":
      return `a staff member moves${why}`;
    case "staff.leaves":
      return `a staff member leaves${why}`;
    case "staff.break_starts":
      return `a staff member goes on break${why}`;
    case "staff.break_ends":
      return `a staff member comes back from break${why}`;
  }
}

function localClock(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(at));
}

/**
 * The room's evaluation at `options.at` with the forecast applied, and when to look again.
 * `future` is the center's known future from `plannedEvents`, covering at least
 * `APPROACHING_HORIZON_MINUTES + LOOK_BEYOND_MINUTES` after `at`.
 */
export function evaluateAhead(
  pack: RulePack,
  room: Room,
  future: readonly FutureEventInput[],
  options: AheadOptions,
): Result<Ahead> {
  const { at, localDate, timeZone, policy } = options;
  const now = evaluateRoom(pack, room, { at, localDate, policy });
  if (!now.ok) return now;
  const evaluation = now.value;
  // Ages, and staff ages and credentials, are counted in local dates: every room is looked at
  // again when the next one starts.
  const candidates = [zonedDateTimeToInstant(addDays(localDate, 1), "00:00", timeZone).getTime()];
  // An opening/closing window starting or ending changes the rule with no event: look again then.
  for (const rule of pack.openingClosing ?? []) {
    const w = rule.windowMinutes;
    const since = room.minutesSinceOpening;
    const until = room.minutesUntilClosing;
    if (since !== undefined && since < w) candidates.push(at.getTime() + (w - since) * MINUTE);
    if (until !== undefined && until > 0) {
      candidates.push(at.getTime() + (until > w ? until - w : until) * MINUTE);
    }
  }

  if (!evaluation.compliant) {
    if (evaluation.status === "violation") {
      const since = room.violationSince ? Date.parse(room.violationSince) : at.getTime();
      candidates.push(since + (policy?.violationCriticalAfterMinutes ?? 5) * MINUTE);
    }
    return ok({ evaluation, recheckAt: earliest(candidates, at) });
  }

  const horizon = APPROACHING_HORIZON_MINUTES * MINUTE;
  const look = APPROACHING_HORIZON_MINUTES + LOOK_BEYOND_MINUTES;
  const forecast = forecastRoom(pack, at, room, future, {
    roomId: options.roomId,
    localDate,
    timeZone,
    horizonMinutes: look,
    policy,
  });
  if (!forecast.ok) return err(forecast.error);
  // Nothing beyond the look-ahead is known: look again when its end enters the horizon.
  candidates.push(at.getTime() + look * MINUTE - horizon);
  for (const step of forecast.value.timeline) {
    if (step.cause === null) continue;
    const t = Date.parse(step.at);
    // An event enters the horizon at t - 15 min; one already inside it leaves it at t.
    candidates.push(t - horizon > at.getTime() ? t - horizon : t);
  }

  const breach = forecast.value.firstBreach;
  if (breach === null || breach.cause === null || Date.parse(breach.at) > at.getTime() + horizon) {
    return ok({ evaluation, recheckAt: earliest(candidates, at) });
  }
  const cause = describeAhead(breach.cause);
  const summary = `at ${localClock(breach.at, timeZone)} ${cause}: ${breach.reasons.join("; ")}`;
  return ok({
    evaluation: {
      ...evaluation,
      status: "approaching",
      forecastBreach: { at: breach.at, cause, reasons: breach.reasons, summary },
      explanation: [
        ...evaluation.explanation.filter((line) => !line.startsWith("Status: ")),
        `Approaching: ${summary}.`,
        "Status: approaching.",
      ],
    },
    recheckAt: earliest(candidates, at),
  });
}

/** The soonest candidate after `at` (a candidate not after `at` means "at the next look"). */
function earliest(candidates: number[], at: Date): string {
  const next = Math.min(...candidates.map((t) => Math.max(t, at.getTime() + 1)));
  return new Date(next).toISOString();
}
