/**
 * @module door/policy
 * A center's door policy: when it opens and how far from a child's usual time an arrival is
 * unusual (check-in exceptions), and the thresholds of the attendance patterns. Stored per center
 * in `door_policies`; centers without one use the defaults.
 */
import { z } from "zod";
import { checkInPolicySchema, patternPolicySchema } from "../rules/attendance/index.js";
import type { Store } from "../storage/db.js";
import { getDoorPolicy } from "../storage/door.js";

export const doorPolicySchema = z.object({
  checkIn: checkInPolicySchema.prefault({ opensAt: "06:30" }),
  patterns: patternPolicySchema.prefault({}),
});
export type DoorPolicy = z.infer<typeof doorPolicySchema>;
export type DoorPolicyInput = z.input<typeof doorPolicySchema>;

export const defaultDoorPolicy: DoorPolicy = doorPolicySchema.parse({});

/** The stored policy, or the default when there is none or it no longer parses. */
export function doorPolicyFor(db: Store, centerId: string): DoorPolicy {
  const stored = doorPolicySchema.safeParse(getDoorPolicy(db, centerId) ?? {});
  return stored.success ? stored.data : defaultDoorPolicy;
}
