/**
 * @module web/access
 * What the signed-in pages may show and do for the person asking. Every page asks here, never the
 * request: a center the principal cannot see answers 404, exactly like one that does not exist.
 */
import { canSeeCenter, membershipAt, type Principal, type Role } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import type { Store } from "../storage/db.js";
import { getCenter, listCenters } from "../storage/directory.js";

/** Where the sign-in pages live (the auth part owns them). */
export const SIGN_IN_PATH = "/sign-in";
export const SIGN_OUT_PATH = "/sign-out";

/** The centers the principal may see, in directory order. */
export function visibleCenters(db: Store, principal: Principal): Center[] {
  return listCenters(db).filter((c) => canSeeCenter(principal, c.id));
}

/** The center, if it exists and the principal may see it; otherwise undefined (a 404 either way). */
export function visibleCenter(
  db: Store,
  principal: Principal,
  centerId: string,
): Center | undefined {
  if (!canSeeCenter(principal, centerId)) return undefined;
  return getCenter(db, centerId);
}

export function roleAt(principal: Principal, centerId: string): Role | undefined {
  return membershipAt(principal, centerId)?.role;
}

const actingRoles: readonly Role[] = ["director", "assistant_director", "lead_teacher"];

/** May acknowledge alerts and submit decisions (the approvals part still checks each kind). */
export function canAct(principal: Principal, centerId: string): boolean {
  const role = roleAt(principal, centerId);
  return role !== undefined && actingRoles.includes(role) && principal.scopes.includes("write");
}

/** Center settings are the director's alone; everyone else who can see the center reads them. */
export function canEditSettings(principal: Principal, centerId: string): boolean {
  return roleAt(principal, centerId) === "director" && principal.scopes.includes("write");
}

export const roleLabel: Record<Role, string> = {
  director: "Director",
  assistant_director: "Assistant director",
  lead_teacher: "Lead teacher",
  auditor: "Auditor (read-only)",
  service: "Service account",
};
