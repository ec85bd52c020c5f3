/**
 * @module storage/directory
 * Centers, rooms, families, children, staff and shifts as the platforms list them.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Center, Child, Family, Room, Shift, Staff } from "../domain/index.js";
import type { Store } from "./db.js";
import { centers, children, families, rooms, shifts, staff } from "./schema.js";

export interface DirectoryInput {
  center: Center;
  rooms: Room[];
  families: Family[];
  children: Child[];
  staff: Staff[];
}

/** Inserts or updates one center's directory; records the platform no longer lists are kept. */
export function upsertDirectory(tx: Store, dir: DirectoryInput): void {
  tx.insert(centers)
    .values(dir.center)
    .onConflictDoUpdate({ target: centers.id, set: { ...dir.center } })
    .run();
  for (const r of dir.rooms) {
    tx.insert(rooms).values(r).onConflictDoUpdate({ target: rooms.id, set: r }).run();
  }
  for (const f of dir.families) {
    tx.insert(families).values(f).onConflictDoUpdate({ target: families.id, set: f }).run();
  }
  for (const c of dir.children) {
    tx.insert(children).values(c).onConflictDoUpdate({ target: children.id, set: c }).run();
  }
  for (const s of dir.staff) {
    tx.insert(staff).values(s).onConflictDoUpdate({ target: staff.id, set: s }).run();
  }
}

export function replaceShifts(tx: Store, centerId: string, date: string, list: Shift[]): void {
  tx.delete(shifts)
    .where(and(eq(shifts.centerId, centerId), eq(shifts.date, date)))
    .run();
  if (list.length > 0) tx.insert(shifts).values(list).run();
}

export function listCenters(db: Store): Center[] {
  return db.select().from(centers).orderBy(centers.name, centers.id).all();
}

export function getCenter(db: Store, id: string): Center | undefined {
  return db.select().from(centers).where(eq(centers.id, id)).get();
}

export function listRooms(db: Store, centerId: string): Room[] {
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.centerId, centerId))
    .orderBy(rooms.id)
    .all()
    .map((r) => ({ ...r, ageGroup: r.ageGroup as Room["ageGroup"] }));
}

export function listChildren(db: Store, centerId: string, ids?: readonly string[]): Child[] {
  const where = ids
    ? and(eq(children.centerId, centerId), inArray(children.id, [...ids]))
    : eq(children.centerId, centerId);
  return db
    .select()
    .from(children)
    .where(where)
    .all()
    .map((c) => ({ ...c, schedule: c.schedule as Child["schedule"] }));
}

export function listFamilies(db: Store, centerId: string, ids?: readonly string[]): Family[] {
  const where = ids
    ? and(eq(families.centerId, centerId), inArray(families.id, [...ids]))
    : eq(families.centerId, centerId);
  return db.select().from(families).where(where).all();
}

export function listStaff(db: Store, centerId: string, ids?: readonly string[]): Staff[] {
  const where = ids
    ? and(eq(staff.centerId, centerId), inArray(staff.id, [...ids]))
    : eq(staff.centerId, centerId);
  return db
    .select()
    .from(staff)
    .where(where)
    .all()
    .map((s) => ({ ...s, role: s.role as Staff["role"] }));
}

/** Which of the given ids exist in `table` for the center; used to check webhook references. */
export function existingIds(
  db: Store,
  kind: "center" | "room" | "child" | "staff",
  centerId: string,
  ids: readonly string[],
): Set<string> {
  if (ids.length === 0) return new Set();
  const list = [...ids];
  const rows =
    kind === "center"
      ? db.select({ id: centers.id }).from(centers).where(inArray(centers.id, list)).all()
      : kind === "room"
        ? db
            .select({ id: rooms.id })
            .from(rooms)
            .where(and(eq(rooms.centerId, centerId), inArray(rooms.id, list)))
            .all()
        : kind === "child"
          ? db
              .select({ id: children.id })
              .from(children)
              .where(and(eq(children.centerId, centerId), inArray(children.id, list)))
              .all()
          : db
              .select({ id: staff.id })
              .from(staff)
              .where(and(eq(staff.centerId, centerId), inArray(staff.id, list)))
              .all();
  return new Set(rows.map((r) => r.id));
}

export function listShifts(db: Store, centerId: string, dates: readonly string[]): Shift[] {
  if (dates.length === 0) return [];
  return db
    .select()
    .from(shifts)
    .where(and(eq(shifts.centerId, centerId), inArray(shifts.date, [...dates])))
    .all();
}
