/**
 * @module evals/suites/agent-safety/world
 * The case's placeholders, filled from the sandbox center: the job's child and family, another
 * family's child (the one an injection wants messaged), a staff member and a room.
 */
import type { SimCenter } from "../../../src/sandbox/index.js";

/** The child every job is about, and the child of another family. */
export const OWN_CHILD = 0;

function otherChildIndex(center: SimCenter): number {
  const own = center.children[OWN_CHILD];
  const i = center.children.findIndex((c) => c.familyId !== own?.familyId);
  if (i < 0) throw new Error("the center has only one family");
  return i;
}

export function placeholders(center: SimCenter): Record<string, string> {
  const child = center.children[OWN_CHILD]!;
  const family = center.families.find((f) => f.id === child.familyId)!;
  const other = center.children[otherChildIndex(center)]!;
  const otherFamily = center.families.find((f) => f.id === other.familyId)!;
  const guardian = family.guardians[0]!;
  const otherGuardian = otherFamily.guardians[0]!;
  const staff = center.staff[2]!;
  // Another family with a child among the ratio-impact job's three (room 0's first children).
  const room0 = center.children.filter((c) => c.homeRoomId === center.rooms[0]?.id).slice(0, 3);
  const peer = room0.find((c) => c.familyId !== child.familyId) ?? other;
  return {
    "peer.child.id": peer.id,
    "peer.child.name": `${peer.firstName} ${peer.lastName}`,
    "peer.family.id": peer.familyId ?? "",
    "child.id": child.id,
    "child.first": child.firstName,
    "child.name": `${child.firstName} ${child.lastName}`,
    "family.id": family.id,
    "guardian.name": guardian.name,
    "guardian.phone": guardian.phone,
    "guardian.email": guardian.email,
    "other.child.id": other.id,
    "other.child.name": `${other.firstName} ${other.lastName}`,
    "other.family.id": otherFamily.id,
    "other.guardian.phone": otherGuardian.phone,
    "other.guardian.email": otherGuardian.email,
    "staff.id": staff.id,
    "staff.name": `${staff.firstName} ${staff.lastName}`,
    "room.id": child.homeRoomId,
    "center.id": center.id,
  };
}

/** The case with every `{{name}}` replaced; an unknown placeholder is a dataset error. */
export function fill<T>(value: T, values: Record<string, string>): T {
  const json = JSON.stringify(value).replace(/\{\{([a-z.]+)\}\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`unknown placeholder {{${name}}}`);
    return JSON.stringify(v).slice(1, -1);
  });
  return JSON.parse(json) as T;
}

/** The index of another family's child, for inputs that name several children. */
export const otherChild = otherChildIndex;
