/**
 * @module sandbox/truth
 * The sandbox's own record of who is where: children per room, staff per room and on break. It is
 * changed only by applying scripted events in order, and it is what the fake APIs serve, so a
 * withheld webhook leaves Centerline behind the "platform" exactly as a lost webhook would.
 * Applying an impossible event (checking out a child who is not there) throws: the script is meant
 * to be consistent, and a test that replays a plan through here proves it is.
 */
import type { PresenceSnapshot } from "../domain/index.js";
import type { SandboxEvent } from "./events.js";

export interface ChildPresence {
  childId: string;
  roomId: string;
  checkedInAt: string;
  /** When the child entered the current room (check-in or the last move). */
  inRoomSince: string;
}

export interface StaffPresence {
  staffId: string;
  roomId: string | null;
  onBreak: boolean;
  clockedInAt: string;
}

export interface SandboxTruth {
  apply(event: SandboxEvent): void;
  children(centerId: string): ChildPresence[];
  staff(centerId: string): StaffPresence[];
  /** The domain snapshot, ids verbatim, sorted by id. */
  snapshot(centerId: string, asOf: Date): PresenceSnapshot;
}

interface CenterState {
  children: Map<string, ChildPresence>;
  staff: Map<string, StaffPresence>;
}

const byId = <T>(items: Iterable<T>, id: (item: T) => string): T[] =>
  [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));

export function createTruth(centerIds: readonly string[]): SandboxTruth {
  const centers = new Map<string, CenterState>(
    centerIds.map((id) => [id, { children: new Map(), staff: new Map() }]),
  );
  const stateOf = (centerId: string) => {
    const state = centers.get(centerId);
    if (!state) throw new RangeError(`unknown sandbox center ${centerId}`);
    return state;
  };
  const inconsistent = (event: SandboxEvent, why: string) =>
    new Error(`sandbox truth: ${event.kind} ${event.id} at ${event.at}: ${why}`);

  return {
    apply(event) {
      const { children, staff } = stateOf(event.centerId);
      switch (event.kind) {
        case "child.checked_in": {
          if (children.has(event.childId)) throw inconsistent(event, "child already checked in");
          children.set(event.childId, {
            childId: event.childId,
            roomId: event.roomId,
            checkedInAt: event.at,
            inRoomSince: event.at,
          });
          return;
        }
        case "child.checked_out": {
          if (!children.delete(event.childId)) throw inconsistent(event, "child is not checked in");
          return;
        }
        case "child.moved": {
          const child = children.get(event.childId);
          if (!child) throw inconsistent(event, "child is not checked in");
          if (child.roomId !== event.fromRoomId) {
            throw inconsistent(event, `child is in ${child.roomId}, not ${event.fromRoomId}`);
          }
          child.roomId = event.toRoomId;
          child.inRoomSince = event.at;
          return;
        }
        case "staff.clocked_in": {
          if (staff.has(event.staffId)) throw inconsistent(event, "already clocked in");
          staff.set(event.staffId, {
            staffId: event.staffId,
            roomId: event.roomId,
            onBreak: false,
            clockedInAt: event.at,
          });
          return;
        }
        case "staff.clocked_out": {
          if (!staff.delete(event.staffId)) throw inconsistent(event, "not clocked in");
          return;
        }
        case "staff.break_started":
        case "staff.break_ended": {
          const member = staff.get(event.staffId);
          if (!member) throw inconsistent(event, "not clocked in");
          const starting = event.kind === "staff.break_started";
          if (member.onBreak === starting) throw inconsistent(event, "break state unchanged");
          member.onBreak = starting;
          return;
        }
        case "staff.assigned": {
          const member = staff.get(event.staffId);
          if (!member) throw inconsistent(event, "not clocked in");
          member.roomId = event.roomId;
          return;
        }
        case "child.pickup_attempted":
        case "incident.reported":
          // Noteworthy, but nobody moves.
          return;
      }
    },
    children: (centerId) => byId(stateOf(centerId).children.values(), (c) => c.childId),
    staff: (centerId) => byId(stateOf(centerId).staff.values(), (s) => s.staffId),
    snapshot(centerId, asOf) {
      const state = stateOf(centerId);
      return {
        centerId,
        asOf: asOf.toISOString(),
        children: byId(state.children.values(), (c) => c.childId).map((c) => ({
          childId: c.childId,
          roomId: c.roomId,
        })),
        staff: byId(state.staff.values(), (s) => s.staffId).map((s) => ({
          staffId: s.staffId,
          roomId: s.roomId,
          onBreak: s.onBreak,
        })),
      };
    },
  };
}
