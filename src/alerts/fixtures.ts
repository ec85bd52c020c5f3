/**
 * @module alerts/fixtures
 * Test fixtures for the alerts, outbox and channels tests: a ratio evaluation, a status change,
 * a policy with phone numbers, and a small directory with named children and staff (names that
 * must never reach Slack or SMS). Not used by the service.
 */
import type { StatusChange } from "../compliance/monitor.js";
import type { Evaluation, RatioStatus } from "../rules/evaluation.js";
import { inTransaction } from "../storage/db.js";
import { upsertDirectory } from "../storage/directory.js";
import type { Db } from "../storage/index.js";
import { type AlertPolicy, type AlertPolicyInput, alertPolicySchema } from "./policy.js";

export const T0 = new Date("2026-11-23T15:00:00.000Z");
export const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

export const CENTER = "ctr_maple";
export const ROOM = "rm_toddler_a";
export const ROOM_NAME = "Toddler A";

export const DIRECTOR_PHONE = "+15550000001";
export const ASSISTANT_PHONE = "+15550000002";

/** Room-level numbers for each status: 7 toddlers at 1:4 needs 2 staff. */
export function evaluationFor(status: RatioStatus, over: Partial<Evaluation> = {}): Evaluation {
  const out = status === "violation" || status === "critical";
  return {
    jurisdiction: "US-TX",
    program: "licensed_center",
    ruleSource: "state US-TX",
    at: T0.toISOString(),
    status,
    compliant: !out,
    governingBand: { id: "toddler", label: "Toddlers 18-23 months", ratio: 4, maxGroup: 10 },
    napRelaxation: false,
    children: out ? 5 : 4,
    requiredStaff: out ? 2 : 1,
    countedStaff: 1,
    counted: [{ id: "st_lead", role: "teacher" }],
    notCounted: [],
    groupSize: out ? 5 : 4,
    maxGroupSize: 10,
    canTake: out ? 0 : status === "approaching" ? 0 : 1,
    staffShort: out ? 1 : 0,
    slack: out ? "needs 1 more qualified staff" : "can take 0 more children",
    note: null,
    oneLessBreaches: false,
    forecastBreach: null,
    reasons: out ? ["5 toddlers need 2 qualified staff at 1:4; 1 counted"] : [],
    explanation: ["1:4 for toddlers (26 TAC §746.1609)"],
    citations: [],
    open: [],
    ...over,
  };
}

export function change(
  to: RatioStatus,
  at: Date,
  from: RatioStatus | null = null,
  over: Partial<StatusChange> = {},
): StatusChange {
  return {
    centerId: CENTER,
    roomId: ROOM,
    roomName: ROOM_NAME,
    from,
    to,
    at: at.toISOString(),
    cause: "check-in",
    violationId: to === "violation" || to === "critical" ? 1 : null,
    evaluation: evaluationFor(to, { at: at.toISOString() }),
    ...over,
  };
}

export function testPolicy(over: AlertPolicyInput = {}): AlertPolicy {
  return alertPolicySchema.parse({
    recipients: {
      director: [{ name: "Dana Director", phone: DIRECTOR_PHONE }],
      assistant_director: [{ name: "Ari Assistant", phone: ASSISTANT_PHONE }],
      lead_teacher: [{ name: "Lee Lead" }],
    },
    ...over,
  });
}

export const CHILD_NAMES = ["Olivia Hartwell", "Mateo Quintero", "Zara Okonkwo"];
export const STAFF_NAMES = ["Priya Raman"];

/** A center with one room, three named children in it and one named teacher. */
export function seedDirectory(db: Db): void {
  inTransaction(db, (tx) =>
    upsertDirectory(tx, {
      center: {
        id: CENTER,
        name: "Maple St",
        provider: "procare",
        externalId: "maple",
        jurisdiction: "US-TX",
        timeZone: "America/Chicago",
      },
      rooms: [
        {
          id: ROOM,
          centerId: CENTER,
          externalId: "toddler-a",
          name: ROOM_NAME,
          ageGroup: "toddler",
          capacity: 10,
          platformRatio: 4,
        },
      ],
      families: [],
      children: CHILD_NAMES.map((full, i) => {
        const [firstName, lastName] = full.split(" ") as [string, string];
        return {
          id: `ch_${i}`,
          centerId: CENTER,
          externalId: `c${i}`,
          firstName,
          lastName,
          birthDate: "2025-03-01",
          homeRoomId: ROOM,
          familyId: null,
          authorizedPickups: [],
          schedule: [],
        };
      }),
      staff: STAFF_NAMES.map((full, i) => {
        const [firstName, lastName] = full.split(" ") as [string, string];
        return {
          id: `st_${i}`,
          centerId: CENTER,
          externalId: `s${i}`,
          firstName,
          lastName,
          birthDate: "1990-01-01",
          role: "lead_teacher" as const,
          homeRoomId: ROOM,
          credentials: [],
        };
      }),
    }),
  );
}
