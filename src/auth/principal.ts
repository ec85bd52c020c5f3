/**
 * @module auth/principal
 * Who is making a request: a signed-in user, an API token, or the bootstrap admin token. Every
 * route and tool asks the principal, never the request, what it may see and do.
 */
import { z } from "zod";

export const roleSchema = z.enum([
  "director",
  "assistant_director",
  "lead_teacher",
  "auditor",
  "service",
]);
export type Role = z.infer<typeof roleSchema>;

export interface Membership {
  /** A center id, or `*` for every center. */
  centerId: string;
  role: Role;
  /** For lead teachers: the rooms they lead. */
  roomIds: readonly string[];
}

export type Scope = "read" | "write";

export interface Principal {
  kind: "session" | "token" | "bootstrap";
  /** What the audit log records: `user:<id>`, `token:<id>` or `bootstrap`. */
  actor: string;
  userId: string | null;
  name: string;
  memberships: readonly Membership[];
  scopes: readonly Scope[];
}

/** The principal's membership at a center (a `*` membership counts for every center). */
export function membershipAt(principal: Principal, centerId: string): Membership | undefined {
  return (
    principal.memberships.find((m) => m.centerId === centerId) ??
    principal.memberships.find((m) => m.centerId === "*")
  );
}

/** Whether the principal may see the center at all; routes answer 404 when not. */
export function canSeeCenter(principal: Principal, centerId: string): boolean {
  return membershipAt(principal, centerId) !== undefined;
}
