/**
 * @module sync/directory
 * Pulls each platform's centers, rooms, families, children, staff and the shifts scheduled from
 * today through the coming week into storage, so webhooks can be checked against known records,
 * rooms can be shown with names, and the staffing plan sees the week's schedule.
 */
import type { Center } from "../domain/index.js";
import { addDays, instantToZoned } from "../domain/time.js";
import type { Logger } from "../logging/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { type Db, inTransaction } from "../storage/db.js";
import { replaceShifts, upsertDirectory } from "../storage/directory.js";

/** Days of scheduled shifts pulled, today included: the staffing plan's week. */
export const SHIFT_DAYS = 7;

export async function syncDirectory(
  db: Db,
  client: PlatformClient,
  now: Date,
  logger: Logger,
): Promise<Center[]> {
  const centers = await client.listCenters();
  for (const listed of centers) {
    const dir = await client.fetchDirectory(listed.id);
    const today = instantToZoned(now, dir.center.timeZone).date;
    const days = Array.from({ length: SHIFT_DAYS }, (_, i) => addDays(today, i));
    const week = await Promise.all(days.map((d) => client.fetchShifts(dir.center.id, d)));
    inTransaction(db, (tx) => {
      upsertDirectory(tx, dir);
      days.forEach((d, i) => {
        replaceShifts(tx, dir.center.id, d, week[i] ?? []);
      });
    });
    logger.info(
      {
        provider: client.provider,
        centerId: dir.center.id,
        rooms: dir.rooms.length,
        children: dir.children.length,
        staff: dir.staff.length,
        shiftsToday: week[0]?.length ?? 0,
        shiftsWeek: week.reduce((n, w) => n + w.length, 0),
      },
      "directory synced",
    );
  }
  return centers;
}
