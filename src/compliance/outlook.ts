/**
 * @module compliance/outlook
 * The next 30 minutes of every room of a center: the forecast (first moment out of ratio, and
 * why) from the known future — scheduled arrivals and pick-ups, shift ends, planned breaks — and,
 * for any room that is or will be out of ratio, ranked coverage moves for a person to approve.
 * Computed on request from live state, so it is as fresh as the last event.
 */
import { instantToZoned } from "../domain/time.js";
import { roomStates } from "../live/index.js";
import {
  type CoverageResult,
  centerPolicySchema,
  type Forecast,
  forecastRoom,
  getRulePack,
  proposeCoverage,
  type RoomInput,
  roomInputSchema,
} from "../rules/index.js";
import { centerHoursFor } from "../storage/center-hours.js";
import type { Store } from "../storage/db.js";
import { getCenter, listStaff } from "../storage/directory.js";
import { getPolicy } from "../storage/ratio.js";
import { centerFuture } from "./future.js";
import { toRoomInput } from "./room-input.js";

export interface RoomOutlook {
  roomId: string;
  roomName: string;
  forecast: Forecast;
  /** Present only for a room that is, or is forecast to be, out of ratio. */
  coverage: CoverageResult | null;
}

export function centerOutlook(
  db: Store,
  centerId: string,
  at: Date,
  horizonMinutes = 30,
): RoomOutlook[] {
  const center = getCenter(db, centerId);
  const pack = center ? getRulePack(center.jurisdiction) : undefined;
  if (!center || !pack) return [];
  const stored = centerPolicySchema.safeParse(getPolicy(db, centerId));
  const policy = stored.success ? stored.data : undefined;
  const localDate = instantToZoned(at, center.timeZone).date;
  const hours = centerHoursFor(db, center);
  const staff = listStaff(db, centerId);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const rooms = roomStates(db, centerId);
  const inputs = new Map<string, RoomInput>(
    rooms.map((room) => [
      room.id,
      toRoomInput(room, staffById, at, localDate, undefined, pack, hours).input,
    ]),
  );

  const { events: future, unassigned } = centerFuture(
    db,
    center,
    pack,
    staff,
    at,
    localDate,
    horizonMinutes,
  );
  const staffNames = new Map(staff.map((s) => [s.id, `${s.firstName} ${s.lastName}`]));

  return rooms.flatMap((room) => {
    const state = inputs.get(room.id) as RoomInput;
    const forecast = forecastRoom(pack, at, state, future, {
      roomId: room.id,
      localDate,
      timeZone: center.timeZone,
      horizonMinutes,
      policy,
    });
    if (!forecast.ok) return [];
    const now = forecast.value.timeline[0];
    const needsCover = forecast.value.firstBreach !== null || (now !== undefined && !now.compliant);
    const coverage = needsCover
      ? proposeCoverage(
          pack,
          { roomId: room.id, roomName: room.name, state: roomInputSchema.parse(state) },
          rooms
            .filter((r) => r.id !== room.id)
            .map((r) => ({ roomId: r.id, roomName: r.name, state: inputs.get(r.id) as RoomInput })),
          { unassigned, staffNames },
          at,
          { localDate, timeZone: center.timeZone, policy, future, horizonMinutes },
        )
      : null;
    return [
      {
        roomId: room.id,
        roomName: room.name,
        forecast: forecast.value,
        coverage: coverage?.ok ? coverage.value : null,
      },
    ];
  });
}
