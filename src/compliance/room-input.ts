/**
 * @module compliance/room-input
 * Turns a live room (who is in it now) into the ratio core's input. Pure: the caller passes the
 * staff directory, the center's local date, and when the open violation began.
 */
import { minutesAroundHours, type WeeklyHours } from "../domain/hours.js";
import type { RoomState, Staff, StaffRole } from "../domain/index.js";
import {
  type RoomInput,
  type RulePack,
  type StaffRoleInput,
  staff as staffRules,
} from "../rules/index.js";

/** Platform roles as the rule packs see them; null for roles that give no care. */
export const careRole: Record<StaffRole, StaffRoleInput | null> = {
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

/**
 * A staff member as the ratio core sees them; null for roles that give no care. The credentials
 * the pack requires to count and this person does not hold in force today (lapsed or missing) are
 * passed as expired, so a lapsed CPR card stops them counting the moment it lapses, while an old
 * lapsed record beside its renewal does not.
 */
export function toStaffInput(
  record: Staff,
  onBreak: boolean,
  localDate: string,
  pack: RulePack,
): RoomInput["staff"][number] | null {
  const role = careRole[record.role] ?? null;
  if (role === null) return null;
  return {
    id: record.id,
    birthDate: record.birthDate,
    role,
    onBreak,
    // A director in a room's roster is there working with the children.
    engagedInCare: role === "director" ? true : undefined,
    expiredCredentials: staffRules.ratioBlockingCredentials(record.credentials, pack, localDate),
  };
}

export function toRoomInput(
  room: RoomState,
  staffById: ReadonlyMap<string, Staff>,
  at: Date,
  localDate: string,
  violationSince: string | undefined,
  pack: RulePack,
  /** The center's opening hours, for the pack's opening/closing rules; none: not applied. */
  hours?: { weekly: WeeklyHours; timeZone: string } | null,
): LiveRoomInput {
  const nonCare: LiveRoomInput["nonCare"] = [];
  const staff: RoomInput["staff"] = [];
  for (const s of room.staff) {
    const record = staffById.get(s.id);
    const input = record ? toStaffInput(record, s.onBreak, localDate, pack) : null;
    if (input === null) nonCare.push({ id: s.id, role: s.role });
    else staff.push(input);
  }
  return {
    input: {
      at: at.toISOString(),
      // An unknown birth date is taken as the youngest age: the strictest band, never a looser one.
      children: room.children.map((c) =>
        c.birthDate ? { id: c.id, birthDate: c.birthDate } : { id: c.id, ageMonths: 0 },
      ),
      staff,
      violationSince,
      ...(hours ? minutesAroundHours(hours.weekly, at, hours.timeZone) : {}),
    },
    nonCare,
  };
}
