/**
 * @module storage/alerts
 * Alerts (one live row per center, room and kind) and the per-center alert policies.
 */
import { and, asc, desc, eq, gte, isNotNull, lte, ne, or, sql } from "drizzle-orm";
import type { Store } from "./db.js";
import { alertPolicies, alerts } from "./schema.js";

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlertRow = typeof alerts.$inferInsert;
export type AlertPatch = Partial<Omit<NewAlertRow, "id">>;

/** The room's alerts that are not resolved yet (open or in their cool-down), at most one per kind. */
export function liveAlertsForRoom(db: Store, centerId: string, roomId: string): AlertRow[] {
  return db
    .select()
    .from(alerts)
    .where(
      and(eq(alerts.centerId, centerId), eq(alerts.roomId, roomId), ne(alerts.state, "resolved")),
    )
    .orderBy(asc(alerts.id))
    .all();
}

export function insertAlert(db: Store, row: NewAlertRow): AlertRow {
  return db.insert(alerts).values(row).returning().get();
}

export function getAlert(db: Store, id: number): AlertRow | undefined {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}

/**
 * Applies `patch` when the row still matches `guard` (compare-and-set on the fields a concurrent
 * instance would change). Returns the updated row, or undefined when someone else got there first.
 */
export function updateAlert(
  db: Store,
  id: number,
  patch: AlertPatch,
  guard: { state?: AlertRow["state"]; escalationLevel?: number; lastStatusAt?: string } = {},
): AlertRow | undefined {
  const conditions = [eq(alerts.id, id)];
  if (guard.state !== undefined) conditions.push(eq(alerts.state, guard.state));
  if (guard.escalationLevel !== undefined)
    conditions.push(eq(alerts.escalationLevel, guard.escalationLevel));
  if (guard.lastStatusAt !== undefined)
    conditions.push(eq(alerts.lastStatusAt, guard.lastStatusAt));
  return db
    .update(alerts)
    .set(patch)
    .where(and(...conditions))
    .returning()
    .get();
}

/**
 * What the room board shows: a center's alerts that are not resolved, worst first. Shadow alerts
 * (computed while the center is in shadow mode) only with `includeShadow`.
 */
export function listOpenAlerts(
  db: Store,
  centerId: string,
  opts: { includeShadow?: boolean } = {},
): AlertRow[] {
  const conditions = [eq(alerts.centerId, centerId), ne(alerts.state, "resolved")];
  if (!opts.includeShadow) conditions.push(eq(alerts.shadow, false));
  const rows = db
    .select()
    .from(alerts)
    .where(and(...conditions))
    .orderBy(asc(alerts.openedAt), asc(alerts.id))
    .all();
  const order = { critical: 0, violation: 1, approaching: 2 } as const;
  return rows.sort((a, b) => order[a.severity] - order[b.severity]);
}

/** A center's alerts opened in [from, to), newest first: for comparing shadow mode with a log. */
export function listAlerts(
  db: Store,
  centerId: string,
  opts: { from?: string; to?: string; limit?: number } = {},
): AlertRow[] {
  const conditions = [eq(alerts.centerId, centerId)];
  if (opts.from) conditions.push(gte(alerts.openedAt, opts.from));
  if (opts.to) conditions.push(lte(alerts.openedAt, opts.to));
  return db
    .select()
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.openedAt), desc(alerts.id))
    .limit(opts.limit ?? 500)
    .all();
}

/**
 * Alerts the escalation tick must look at: open ones whose escalation is due by `now`, and every
 * one in its cool-down (the cool-down length is per center policy, so the caller decides).
 */
export function listAlertsNeedingTick(db: Store, now: string): AlertRow[] {
  return db
    .select()
    .from(alerts)
    .where(
      or(
        and(
          eq(alerts.state, "open"),
          isNotNull(alerts.escalationDueAt),
          lte(alerts.escalationDueAt, now),
        ),
        eq(alerts.state, "resolving"),
      ),
    )
    .orderBy(asc(alerts.id))
    .all();
}

export function markInAppDelivered(db: Store, id: number, at: string): void {
  db.update(alerts).set({ inAppDeliveredAt: at }).where(eq(alerts.id, id)).run();
}

export function getAlertPolicy(db: Store, centerId: string): unknown | undefined {
  return db.select().from(alertPolicies).where(eq(alertPolicies.centerId, centerId)).get()?.policy;
}

/**
 * The stored policy exactly as stored (JSON text, not parsed): what a cache of parsed policies
 * compares with, so a change is seen at once and an unchanged policy is not parsed again.
 */
export function getAlertPolicyText(db: Store, centerId: string): string | undefined {
  return db
    .select({ text: sql<string>`${alertPolicies.policy}` })
    .from(alertPolicies)
    .where(eq(alertPolicies.centerId, centerId))
    .get()?.text;
}

export function putAlertPolicy(db: Store, centerId: string, policy: unknown, at: string): void {
  db.insert(alertPolicies)
    .values({ centerId, policy, updatedAt: at })
    .onConflictDoUpdate({ target: alertPolicies.centerId, set: { policy, updatedAt: at } })
    .run();
}
