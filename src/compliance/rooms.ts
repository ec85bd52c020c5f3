/**
 * @module compliance/rooms
 * Rooms as people see them: who is present now, with the room's latest ratio evaluation.
 */
import type { RoomState } from "../domain/index.js";
import { roomStates } from "../live/index.js";
import type { Evaluation } from "../rules/index.js";
import type { Store } from "../storage/db.js";
import { listRoomStatus } from "../storage/ratio.js";

export type RoomWithRatio = RoomState & { ratio: Evaluation | null };

export function roomsWithRatio(db: Store, centerId: string): RoomWithRatio[] {
  const evaluations = new Map(
    listRoomStatus(db, centerId).map((r) => [r.roomId, r.evaluation as Evaluation]),
  );
  return roomStates(db, centerId).map((room) => ({
    ...room,
    ratio: evaluations.get(room.id) ?? null,
  }));
}
