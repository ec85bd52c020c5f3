/**
 * @module compliance/recheck
 * When each room's status could next change with time alone (`rules/approaching`'s `recheckAt`),
 * kept in memory per database. The periodic re-evaluation reads it to touch only the rooms that
 * are due; a room it has never heard of is always due. The start-up evaluates every room, so
 * nothing is lost when a restart empties it.
 */

/** Center id → room id → the business instant (ms) it is due. */
type Schedule = Map<string, Map<string, number>>;

const schedules = new WeakMap<object, Schedule>();

function scheduleOf(db: object): Schedule {
  let s = schedules.get(db);
  if (!s) {
    s = new Map();
    schedules.set(db, s);
  }
  return s;
}

export function setRecheck(db: object, centerId: string, roomId: string, at: string): void {
  const schedule = scheduleOf(db);
  let rooms = schedule.get(centerId);
  if (!rooms) {
    rooms = new Map();
    schedule.set(centerId, rooms);
  }
  rooms.set(roomId, Date.parse(at));
}

/** The rooms of a center due at `at`, or `"all"` when the center has never been evaluated here. */
export function dueRooms(db: object, centerId: string, at: Date): string[] | "all" {
  const rooms = scheduleOf(db).get(centerId);
  if (!rooms) return "all";
  const now = at.getTime();
  return [...rooms.entries()].filter(([, t]) => t <= now).map(([id]) => id);
}

/** Forgets a center's schedule: its next periodic tick evaluates every room (a policy changed). */
export function forgetCenter(db: object, centerId: string): void {
  scheduleOf(db).delete(centerId);
}
