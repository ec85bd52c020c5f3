/**
 * @module compliance/future
 * A center's known future from its directory and live presence — scheduled arrivals and pick-ups,
 * shift starts and ends, planned breaks — as the events the pure forecast replays. Shared by the
 * monitor (a breach within 15 minutes makes a room `approaching`) and the outlook.
 */
import type { Center, Child, Shift, Staff } from "../domain/index.js";
import { addDays } from "../domain/time.js";
import type { Presence } from "../live/project.js";
import { type FutureEvent, plannedEvents, type RoomInput, type RulePack } from "../rules/index.js";
import type { Store } from "../storage/db.js";
import { listChildren, listShifts } from "../storage/directory.js";
import { listPresence } from "../storage/presence.js";
import { toStaffInput } from "./room-input.js";

export interface CenterFuture {
  events: FutureEvent[];
  /** Staff at the center in no room, as the ratio core sees them (coverage candidates). */
  unassigned: RoomInput["staff"];
}

export function centerFuture(
  db: Store,
  center: Pick<Center, "id" | "timeZone">,
  pack: RulePack,
  staff: readonly Staff[],
  at: Date,
  localDate: string,
  horizonMinutes: number,
  /** What the caller has already read in this transaction (per-event evaluation reuses it). */
  loaded: { presence?: readonly Presence[]; children?: readonly Child[]; shifts?: Shift[] } = {},
): CenterFuture {
  const presence = (loaded.presence ?? listPresence(db, center.id)).filter((p) => p.present);
  const childrenPresent = new Map(
    presence
      .filter((p) => p.subjectKind === "child" && p.roomId)
      .map((p) => [p.subjectId, p.roomId as string]),
  );
  const staffPresent = new Map(
    presence
      .filter((p) => p.subjectKind === "staff")
      .map((p) => [p.subjectId, { roomId: p.roomId, onBreak: p.onBreak }]),
  );
  const staffInputs = new Map(
    staff.flatMap((s) => {
      const input = toStaffInput(s, false, localDate, pack);
      return input ? [[s.id, input] as const] : [];
    }),
  );
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const events = plannedEvents({
    now: at,
    timeZone: center.timeZone,
    horizonMinutes,
    children: loaded.children ?? listChildren(db, center.id),
    childrenPresent,
    // Yesterday's shifts too: a shift past midnight is still running.
    shifts: loaded.shifts ?? listShifts(db, center.id, [addDays(localDate, -1), localDate]),
    staffPresent,
    staffInputs,
  });
  const unassigned = [...staffPresent.entries()].flatMap(([id, p]) => {
    const record = staffById.get(id);
    const input =
      record && p.roomId === null ? toStaffInput(record, p.onBreak, localDate, pack) : null;
    return input ? [input] : [];
  });
  return { events: events.ok ? events.value : [], unassigned };
}
