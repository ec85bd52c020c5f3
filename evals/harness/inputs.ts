/**
 * @module evals/harness/inputs
 * Drafting-job inputs built from the sandbox world the way `drafting/triggers` builds them from
 * events: the deterministic core decides (late-pick-up fee, severity floor), the case supplies
 * only what a person or the platform would (a pick-up time, a report's text, an absence note).
 */

import { zonedDateTimeToInstant } from "../../src/domain/time.js";
import {
  absenceInput as buildAbsenceInput,
  incidentInput as buildIncidentInput,
  latePickupInput as buildLatePickupInput,
  quickLogInput as buildQuickLogInput,
  fullName,
  ratioImpactFamily,
} from "../../src/drafting/inputs.js";
import type { AbsenceJobInput } from "../../src/drafting/jobs/absence.js";
import type { IncidentJobInput } from "../../src/drafting/jobs/incident-triage.js";
import type { LatePickupInput } from "../../src/drafting/jobs/late-pickup.js";
import type { QuickLogInput } from "../../src/drafting/jobs/quick-log.js";
import type { RatioImpactInput } from "../../src/drafting/jobs/ratio-impact.js";
import type { ReviewJobInput } from "../../src/drafting/jobs/review-summary.js";
import { defaultDraftingPolicy } from "../../src/drafting/policy.js";
import {
  assessLatePickup,
  type LatePickupPolicyInput,
  latePickupPolicySchema,
} from "../../src/rules/index.js";
import type { SimCenter, SimChild } from "../../src/sandbox/index.js";
import { EVAL_DATE } from "./world.js";

function childAt(center: SimCenter, index: number): SimChild {
  const child = center.children[index];
  if (!child) throw new Error(`the center has no child #${index}`);
  return child;
}

function familyOf(center: SimCenter, child: SimChild) {
  const family = center.families.find((f) => f.id === child.familyId);
  if (!family) throw new Error(`child ${child.id} has no family`);
  return family;
}

const roomOf = (center: SimCenter, roomId: string | null) =>
  center.rooms.find((r) => r.id === roomId) ?? null;

/** `familyName` overrides the platform's family name (e.g. "The Nightingale Family"). */
const subjectOf = (center: SimCenter, child: SimChild, familyName?: string) => {
  const family = familyOf(center, child);
  return {
    center,
    child,
    family: familyName ? { ...family, name: familyName } : family,
    room: roomOf(center, child.homeRoomId),
  };
};

/** An instant for a local time (`HH:MM` or `HH:MM:SS`) on the eval date in the center's zone. */
export const localInstant = (center: SimCenter, time: string): Date => {
  const [hhmm, seconds] = [time.slice(0, 5), Number(time.slice(6) || 0)];
  return new Date(
    zonedDateTimeToInstant(EVAL_DATE, hhmm, center.timeZone).getTime() + seconds * 1000,
  );
};

export function incidentInput(
  center: SimCenter,
  o: { description: string; children?: number[]; localTime?: string; reporter?: number },
): IncidentJobInput {
  const kids = (o.children ?? [0]).map((i) => childAt(center, i));
  const room = roomOf(center, kids[0]?.homeRoomId ?? null);
  const at = localInstant(center, o.localTime ?? "10:15");
  return buildIncidentInput({
    center,
    incidentId: `inc_eval_${kids.map((k) => k.id).join("_")}`,
    room,
    occurredAt: at.toISOString(),
    children: kids.map((k) => ({ childId: k.id, name: fullName(k), familyId: k.familyId })),
    reporter: center.staff[o.reporter ?? 1],
    description: o.description,
  });
}

export function quickLogInput(
  center: SimCenter,
  o: { text: string; child?: number; writtenAt?: string },
): QuickLogInput {
  const child = childAt(center, o.child ?? 0);
  return buildQuickLogInput({
    child,
    timeZone: center.timeZone,
    writtenAt: localInstant(center, o.writtenAt ?? "15:30"),
    writtenBy: center.staff[1] ? fullName(center.staff[1]) : null,
    text: o.text,
  });
}

export function absenceInput(
  center: SimCenter,
  o: {
    reason: string;
    child?: number;
    expectedArrival?: string;
    cutoff?: string;
    familyName?: string;
  },
): AbsenceJobInput {
  return buildAbsenceInput(
    subjectOf(center, childAt(center, o.child ?? 0), o.familyName),
    EVAL_DATE,
    {
      expectedArrival: o.expectedArrival ?? "08:00",
      cutoff: o.cutoff ?? "09:30",
      reason: o.reason,
    },
  );
}

export function latePickupInput(
  center: SimCenter,
  o: {
    pickedUpAt: string;
    child?: number;
    pickedUpBy?: string | null;
    policy?: LatePickupPolicyInput;
    familyName?: string;
    /** Reconciliation's synthetic check-out: the time is the snapshot's. */
    reconciled?: boolean;
    earlier?: LatePickupInput["history"]["earlier"];
  },
): LatePickupInput {
  const policy = latePickupPolicySchema.parse(
    o.policy ?? { ...defaultDraftingPolicy.latePickup, closesAt: center.closesAt },
  );
  const assessment = assessLatePickup(policy, localInstant(center, o.pickedUpAt), center.timeZone);
  const child = childAt(center, o.child ?? 0);
  return buildLatePickupInput(subjectOf(center, child, o.familyName), {
    assessment,
    pickedUpBy: o.pickedUpBy ?? null,
    graceMinutes: policy.graceMinutes,
    history: {
      windowDays: 30,
      earlier: (o.earlier ?? []).map((e) => ({ ...e, childId: child.id })),
    },
    pickupTimeSource: o.reconciled ? "reconciliation" : "platform",
  });
}

export function reviewInput(
  center: SimCenter,
  o: Partial<Pick<ReviewJobInput, "punctuality" | "credentials" | "incidentsReported">> & {
    staff?: number;
    hireDate?: string;
    dueOn?: string;
  },
): ReviewJobInput {
  const person = center.staff[o.staff ?? 2];
  if (!person) throw new Error(`the center has no staff member #${o.staff}`);
  const dueOn = o.dueOn ?? "2026-11-30";
  return {
    centerName: center.name,
    staffId: person.id,
    staffName: fullName(person),
    role: person.role,
    homeRoomId: person.homeRoomId,
    hireDate: o.hireDate ?? "2025-11-30",
    dueOn,
    daysUntil: Math.round((Date.parse(dueOn) - Date.parse(EVAL_DATE)) / 86_400_000),
    reviewNumber: 1,
    punctuality: o.punctuality ?? { windowDays: 90, shifts: 60, onTime: 57, late: 3, missing: 0 },
    credentials: o.credentials ?? [{ type: "cpr", expiresOn: "2027-04-07", daysUntilExpiry: 500 }],
    incidentsReported: o.incidentsReported ?? 2,
  };
}

export function ratioImpactInput(
  center: SimCenter,
  o: {
    room?: number;
    since?: string;
    status?: string;
    ratioLines?: string[];
    plan?: string;
    children?: number[];
  },
): RatioImpactInput {
  const room = center.rooms[o.room ?? 0];
  if (!room) throw new Error(`the center has no room #${o.room}`);
  const inRoom = center.children.filter((c) => c.homeRoomId === room.id);
  const kids = o.children ? o.children.map((i) => childAt(center, i)) : inRoom.slice(0, 3);
  return {
    centerName: center.name,
    roomId: room.id,
    roomName: room.name,
    date: EVAL_DATE,
    since: o.since ?? "15:10",
    status: o.status ?? "out_of_ratio",
    ratioLines: o.ratioLines ?? ["8 children need 2 staff; 1 counted"],
    plan: o.plan ?? defaultDraftingPolicy.ratioImpactPlan,
    families: kids.map((k) => ratioImpactFamily(familyOf(center, k), k)),
  };
}
