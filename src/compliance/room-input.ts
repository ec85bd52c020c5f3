/**
 * @module compliance/room-input
 * Turns a live room (who is in it now) into the ratio core's input. Pure: the caller passes the
 * staff directory, the center's local date, and when the open violation began.
 */
import type { RoomState, Staff, StaffRole } from "../domain/index.js";
import type { RoomInput, StaffRoleInput } from "../rules/index.js";

/** Platform roles as the rule packs see them; null for roles that give no care. */
const roleMap: Record<StaffRole, StaffRoleInput | null> = {
  director: "director",
  assistant_director: "director",
  lead_teacher: "teacher",
  teacher: "teacher",
  assistant_teacher: "assistant",
  floater: "floater",
  cook: null,
  admin: null,
};

export interface LiveRoomInput {
  input: RoomInput;
  /** Present staff whose role gives no care, reported as not counted. */
  nonCare: { id: string; role: string }[];
}

export function toRoomInput(
  room: RoomState,
  staffById: ReadonlyMap<string, Staff>,
  at: Date,
  localDate: string,
  violationSince: string | undefined,
): LiveRoomInput {
  const nonCare: LiveRoomInput["nonCare"] = [];
  const staff: RoomInput["staff"] = [];
  for (const s of room.staff) {
    const record = staffById.get(s.id);
    const role = roleMap[s.role as StaffRole] ?? null;
    if (!record || role === null) {
      nonCare.push({ id: s.id, role: s.role });
      continue;
    }
    staff.push({
      id: s.id,
      birthDate: record.birthDate,
      role,
      onBreak: s.onBreak,
      // A director in a room's roster is there working with the children.
      engagedInCare: role === "director" ? true : undefined,
      expiredCredentials: record.credentials
        .filter((c) => c.expiresOn !== null && c.expiresOn < localDate)
        .map((c) => c.type),
    });
  }
  return {
    input: {
      at: at.toISOString(),
      children: room.children.map((c) => ({ id: c.id, birthDate: c.birthDate })),
      staff,
      violationSince,
    },
    nonCare,
  };
}
