/**
 * @module sync/directory
 * Pulls each platform's centers, rooms, families, children, staff and today's shifts into storage,
 * so webhooks can be checked against known records and rooms can be shown with names.
 */
import type { Center } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import type { Logger } from "../logging/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { type Db, inTransaction } from "../storage/db.js";
import { replaceShifts, upsertDirectory } from "../storage/directory.js";

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
    const shifts = await client.fetchShifts(dir.center.id, today);
    inTransaction(db, (tx) => {
      upsertDirectory(tx, dir);
      replaceShifts(tx, dir.center.id, today, shifts);
    });
    logger.info(
      {
        provider: client.provider,
        centerId: dir.center.id,
        rooms: dir.rooms.length,
        children: dir.children.length,
        staff: dir.staff.length,
        shifts: shifts.length,
      },
      "directory synced",
    );
  }
  return centers;
}
