/**
 * @module live/room-state
 * Who is in each room now, assembled from the directory and the presence projection.
 */
import type { Child, Room, RoomState, Staff } from "../domain/index.js";
import type { Store } from "../storage/db.js";
import { listChildren, listRooms, listStaff } from "../storage/directory.js";
import { listPresence } from "../storage/presence.js";
import type { Presence } from "./project.js";

/** Pure assembly, so it can be tested without a database. */
export function assembleRooms(
  rooms: readonly Room[],
  presence: readonly Presence[],
  children: ReadonlyMap<string, Child>,
  staff: ReadonlyMap<string, Staff>,
): RoomState[] {
  const byRoom = new Map<string, Presence[]>();
  for (const p of presence) {
    if (!p.present || p.roomId === null) continue;
    byRoom.set(p.roomId, [...(byRoom.get(p.roomId) ?? []), p]);
  }
  return rooms.map((room) => {
    const here = byRoom.get(room.id) ?? [];
    const kids = here
      .filter((p) => p.subjectKind === "child")
      .flatMap((p) => {
        const c = children.get(p.subjectId);
        // A child the platform reports (e.g. through reconciliation) before the directory sync
        // has seen them still counts: dropping them would under-count the room.
        return [
          {
            id: p.subjectId,
            firstName: c?.firstName ?? "Unknown child",
            lastName: c?.lastName ?? "(not in directory yet)",
            birthDate: c?.birthDate ?? "",
            since: p.roomAt ?? "",
          },
        ];
      })
      .sort(
        (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
      );
    const adults = here
      .filter((p) => p.subjectKind === "staff")
      .flatMap((p) => {
        const s = staff.get(p.subjectId);
        return s
          ? [
              {
                id: s.id,
                firstName: s.firstName,
                lastName: s.lastName,
                role: s.role,
                onBreak: p.onBreak,
                since: p.roomAt ?? "",
              },
            ]
          : [];
      })
      .sort(
        (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
      );
    const onBreak = adults.filter((a) => a.onBreak).length;
    return {
      id: room.id,
      name: room.name,
      ageGroup: room.ageGroup,
      capacity: room.capacity,
      children: kids,
      staff: adults,
      counts: {
        children: kids.length,
        staffPresent: adults.length - onBreak,
        staffOnBreak: onBreak,
      },
    };
  });
}

export function roomStates(db: Store, centerId: string): RoomState[] {
  const rooms = listRooms(db, centerId);
  const presence = listPresence(db, centerId);
  const children = new Map(listChildren(db, centerId).map((c) => [c.id, c]));
  const staff = new Map(listStaff(db, centerId).map((s) => [s.id, s]));
  return assembleRooms(rooms, presence, children, staff);
}
