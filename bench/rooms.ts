/**
 * @module bench/rooms
 * The alert benchmark's traffic, room by room, in the sandbox's own shapes: a teacher clocks in, then
 * the room's enrolled children are checked in one at a time, always in the same order, until one
 * more than the room can take is there (that check-in puts the room out of ratio and should open an
 * alert), then checked out by an authorized guardian, last in first out, until the room is empty,
 * and round again. Rooms whose
 * enrolled children cannot fill them past ratio cycle below it: ordinary traffic that opens nothing.
 *
 * Every event is a `SandboxEvent` the sandbox encodes for the center's platform (`toDelivery`), so
 * bodies, ids and shapes are exactly what Procare and Kangarootime deliveries look like.
 */
import {
  authorizedPickups,
  type SandboxDelivery,
  type SandboxEvent,
  type SandboxWorld,
  type SimCenter,
  type SimChild,
  type SimRoom,
  type SimStaff,
  toDelivery,
} from "../src/sandbox/index.js";

/** Who leads a room, best first: the lead teacher, then teachers, then anyone assigned there. */
const ROLE_ORDER = ["lead_teacher", "teacher", "assistant_teacher"];

export interface RoomPlan {
  center: SimCenter;
  room: SimRoom;
  /** Staff whose home room this is, in the order they are tried until one counts. */
  staff: SimStaff[];
  children: SimChild[];
  /** Children in the room that open an alert (canTake + 1); null: this room never breaches. */
  breachAt: number | null;
  /** The top of the cycle: `breachAt`, or as many as the room can take without breaching. */
  top: number;
  /** Children checked in now, in order. */
  present: SimChild[];
  direction: "up" | "down";
  /** performance.now() before which the next breach must wait (the alert's cool-down). */
  nextBreachAt: number;
  inFlight: boolean;
}

export function roomPlans(world: SandboxWorld): RoomPlan[] {
  return world.centers.flatMap((center) =>
    center.rooms.map((room) => ({
      center,
      room,
      staff: center.staff
        .filter((s) => s.homeRoomId === room.id && ROLE_ORDER.includes(s.role))
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)),
      children: center.children.filter((c) => c.homeRoomId === room.id),
      breachAt: null,
      top: 0,
      present: [],
      direction: "up" as const,
      nextBreachAt: 0,
      inFlight: false,
    })),
  );
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the sandbox's event-time format. */
const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** What a bench event says beyond the fields every sandbox event has (per kind). */
type EventBody = SandboxEvent extends infer E
  ? E extends SandboxEvent
    ? Omit<E, "id" | "seq" | "centerId" | "at">
    : never
  : never;

/**
 * Encodes bench events. Ids carry `tag` (one per run) and a counter, so every delivery is new to
 * the server and never a duplicate of the sandbox's own days.
 */
export function eventFactory(world: SandboxWorld, tag: string) {
  let seq = 0;
  const make = (centerId: string, atMs: number, body: EventBody): SandboxDelivery => {
    seq++;
    const event = { id: `${tag}:${centerId}:${seq}`, seq, centerId, at: isoSeconds(atMs), ...body };
    return toDelivery(world, event as SandboxEvent);
  };
  return {
    clockIn: (staff: SimStaff, roomId: string, atMs: number) =>
      make(staff.centerId, atMs, { kind: "staff.clocked_in", staffId: staff.id, roomId }),
    checkIn: (child: SimChild, roomId: string, atMs: number) =>
      make(child.centerId, atMs, {
        kind: "child.checked_in",
        childId: child.id,
        roomId,
        method: "kiosk",
        staffId: null,
      }),
    checkOut: (child: SimChild, roomId: string, atMs: number) => {
      const by = authorizedPickups(world, child)[0];
      if (!by) throw new Error(`sandbox child ${child.id} has nobody authorized to pick up`);
      return make(child.centerId, atMs, {
        kind: "child.checked_out",
        childId: child.id,
        roomId,
        pickedUpBy: by.name,
        relationship: by.relationship,
        method: "kiosk",
      });
    },
  };
}

export type EventFactory = ReturnType<typeof eventFactory>;

export interface Step {
  delivery: SandboxDelivery;
  /** This check-in is the one that should put the room out of ratio. */
  breach: boolean;
  /** This check-out brings the room back in ratio (its alert starts cooling down). */
  recovery: boolean;
}

/**
 * The room's next event, or null when it must wait: a request still in flight (a room's events are
 * seconds apart in life, so they are sent in order), or a breach due before the last alert's
 * cool-down has run out (it would reopen that alert instead of opening a new one).
 */
export function nextStep(
  plan: RoomPlan,
  events: EventFactory,
  atMs: number,
  now: number,
): Step | null {
  if (plan.inFlight || plan.top === 0) return null;
  if (plan.direction === "up" && plan.present.length >= plan.top) plan.direction = "down";
  if (plan.direction === "down" && plan.present.length === 0) plan.direction = "up";
  if (plan.direction === "up") {
    const breach = plan.breachAt !== null && plan.present.length + 1 === plan.breachAt;
    if (breach && now < plan.nextBreachAt) return null;
    const child = plan.children.find((c) => !plan.present.includes(c));
    if (!child) return null;
    plan.present.push(child);
    return { delivery: events.checkIn(child, plan.room.id, atMs), breach, recovery: false };
  }
  const recovery = plan.breachAt !== null && plan.present.length === plan.breachAt;
  // Last in, first out: the children present are always the first n of the list, so a room's
  // mix of ages at n children, and with it its breaking point, is the same every round.
  const child = plan.present.pop();
  if (!child) return null;
  return { delivery: events.checkOut(child, plan.room.id, atMs), breach: false, recovery };
}
