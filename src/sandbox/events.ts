/**
 * @module sandbox/events
 * What happens in the simulated centers, before any platform shape is applied. The `kind`s mirror
 * the domain event types (`domain/events.ts`), so a test can compare what the sandbox did with what
 * an adapter made of the webhook. Each event is encoded once per its center's provider
 * (`webhooks.ts`) and applied to the sandbox's own truth (`truth.ts`).
 */

export type CheckInMethod = "pin_pad" | "kiosk" | "mobile_app" | "staff";

interface EventBase {
  /** Deterministic: `<centerId>:<date>:<seq>`. Webhook ids are derived from it. */
  id: string;
  /** Order within the center's day, from 0. */
  seq: number;
  centerId: string;
  /** UTC instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
}

export type SandboxEventBody =
  | {
      kind: "child.checked_in";
      childId: string;
      roomId: string;
      method: CheckInMethod;
      /** The staff member who checked the child in, for `staff` check-ins. */
      staffId: string | null;
    }
  | {
      kind: "child.checked_out";
      childId: string;
      /** The room the child leaves from. */
      roomId: string;
      pickedUpBy: string;
      relationship: string | null;
      method: CheckInMethod;
    }
  | { kind: "child.moved"; childId: string; fromRoomId: string; toRoomId: string }
  | { kind: "child.pickup_attempted"; childId: string; roomId: string; personName: string }
  | { kind: "staff.clocked_in"; staffId: string; roomId: string | null }
  | { kind: "staff.clocked_out"; staffId: string }
  | { kind: "staff.break_started"; staffId: string }
  | { kind: "staff.break_ended"; staffId: string }
  | { kind: "staff.assigned"; staffId: string; roomId: string }
  | {
      kind: "incident.reported";
      incidentId: string;
      roomId: string | null;
      childIds: string[];
      staffId: string | null;
      description: string;
    };

export type SandboxEvent = EventBase & SandboxEventBody;
export type SandboxEventKind = SandboxEvent["kind"];

export type ScenarioKind =
  | "call_out"
  | "call_out_violation"
  | "uncovered_break"
  | "late_pickup"
  | "unauthorized_pickup"
  | "incident";

/** A notable moment of the day, for tests and features that must find it. */
export interface ScenarioMarker {
  kind: ScenarioKind;
  centerId: string;
  /**
   * call_out: the missed shift start; late_pickup: the check-out; call_out_violation and
   * uncovered_break: when the room falls out of ratio; otherwise the event time.
   */
  at: string;
  /**
   * call_out, call_out_violation: the absent staff id; uncovered_break: the staff id on break;
   * incident: the incident id; otherwise the child id.
   */
  subjectId: string;
  /** A human note: who tried the pick-up, what happened, and so on. */
  detail: string;
  /** call_out_violation and uncovered_break: the room out of ratio. */
  roomId?: string;
  /**
   * call_out_violation: when the director's move of the substitute floater into the room puts it
   * back in ratio; uncovered_break: when the break ends. The room is out of ratio at `at` and back
   * in ratio by here, and at no other time of the day (other rooms: never).
   */
  endsAt?: string;
}

export interface DayPlan {
  date: string;
  /** Every center's events, ordered by time (ties: center order, then seq). */
  events: SandboxEvent[];
  scenarios: ScenarioMarker[];
  /** The simulated day runs from here (06:00 local at the earliest-opening center)… */
  startsAt: string;
  /** …to here (18:45 local at the latest-closing center), by which time everyone has left. */
  endsAt: string;
}
