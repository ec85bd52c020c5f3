/**
 * @module rules/staff/credentials
 * Credential and training status for one staff member on one local date. Pure: `asOf` is the
 * center's local date, passed in.
 *
 * Boundary semantics (the same as `compliance/room-input.ts`, which stops counting a person only
 * when `expiresOn < localDate`): `expiresOn` is the last day the credential is valid.
 * `daysRemaining = expiresOn − asOf` in calendar days, and
 *   - daysRemaining < 0        → `overdue` (the day after the expiry date)
 *   - 0 ≤ daysRemaining ≤ 30   → `expiring_30` (expiring today is still valid today)
 *   - 31 ≤ daysRemaining ≤ 60  → `expiring_60`
 *   - 61 ≤ daysRemaining ≤ 90  → `expiring_90`
 *   - daysRemaining > 90       → `valid`
 * A required credential with no record, or an expiring one with neither an expiry date nor an issue
 * date to compute one from, is `missing`. A record issued after `asOf` does not count yet.
 */
import { z } from "zod";
import { addDays } from "../../domain/time.js";
import type { RulePack } from "../pack.js";
import {
  type Credential,
  type CredentialPack,
  type CredentialRequirement,
  type StaffComplianceInput,
  staffComplianceInputSchema,
  type TrainingRecord,
  type TrainingRequirement,
} from "./credential-pack.js";
import { addMonths, daysBetween } from "./dates.js";

export const credentialStatusSchema = z.enum([
  "valid",
  "expiring_90",
  "expiring_60",
  "expiring_30",
  "overdue",
  "missing",
]);
export type CredentialStatus = z.infer<typeof credentialStatusSchema>;

/** Worse is higher; a lapsed credential ranks above a missing one (it was known and let lapse). */
const severity: Record<CredentialStatus, number> = {
  valid: 0,
  expiring_90: 1,
  expiring_60: 2,
  expiring_30: 3,
  missing: 4,
  overdue: 5,
};

export const credentialStatusResultSchema = z.object({
  requirementId: z.string(),
  type: z.string(),
  label: z.string(),
  status: credentialStatusSchema,
  /** The expiry used: the record's own, or issue date + validity − 1 day; null when none applies. */
  expiresOn: z.iso.date().nullable(),
  /** Days from `asOf` to `expiresOn` (negative when overdue); null when missing or not expiring. */
  daysRemaining: z.number().int().nullable(),
  explanation: z.string(),
  source: z.string(),
  unconfirmed: z.boolean(),
});
export type CredentialStatusResult = z.infer<typeof credentialStatusResultSchema>;

function windowFor(days: number): CredentialStatus {
  if (days < 0) return "overdue";
  if (days <= 30) return "expiring_30";
  if (days <= 60) return "expiring_60";
  if (days <= 90) return "expiring_90";
  return "valid";
}

const windowWords: Record<CredentialStatus, string> = {
  valid: "valid",
  expiring_90: "expiring within 90 days",
  expiring_60: "expiring within 60 days",
  expiring_30: "expiring within 30 days",
  overdue: "expired",
  missing: "missing",
};

/** The last valid day of a record: its own expiry, else its issue date plus the validity period. */
function effectiveExpiry(req: CredentialRequirement, c: Credential): string | null {
  if (c.expiresOn !== null) return c.expiresOn;
  if (c.issuedOn !== null && req.validityMonths !== null) {
    return addDays(addMonths(c.issuedOn, req.validityMonths), -1);
  }
  return null;
}

/** The status of one requirement given the one record offered for it (or none). */
export function credentialStatus(
  requirement: CredentialRequirement,
  credential: Credential | undefined,
  asOf: string,
): CredentialStatusResult {
  const base = {
    requirementId: requirement.id,
    type: requirement.type,
    label: requirement.label,
    source: requirement.citation.source,
    unconfirmed: requirement.citation.strength === "UNCONFIRMED",
  };
  const missing = (why: string): CredentialStatusResult => ({
    ...base,
    status: "missing",
    expiresOn: null,
    daysRemaining: null,
    explanation: `${requirement.label}: missing (${why}).`,
  });
  if (credential === undefined) return missing("no record");
  if (credential.issuedOn !== null && credential.issuedOn > asOf) {
    return missing(`the record on file is issued ${credential.issuedOn}, after ${asOf}`);
  }
  const expiresOn = effectiveExpiry(requirement, credential);
  if (expiresOn === null) {
    if (requirement.kind === "once") {
      return {
        ...base,
        status: "valid",
        expiresOn: null,
        daysRemaining: null,
        explanation: `${requirement.label}: on record${credential.issuedOn ? ` since ${credential.issuedOn}` : ""}, does not expire.`,
      };
    }
    return missing("the record has neither an expiry date nor an issue date");
  }
  const days = daysBetween(asOf, expiresOn);
  const status = windowFor(days);
  const derived =
    credential.expiresOn === null
      ? ` (issued ${credential.issuedOn} + ${requirement.validityMonths} months)`
      : "";
  const when =
    days < 0
      ? `expired ${expiresOn}${derived}, ${-days} day${days === -1 ? "" : "s"} ago`
      : days === 0
        ? `expires today, ${expiresOn}${derived} (valid through the end of the day)`
        : `expires ${expiresOn}${derived}, in ${days} day${days === 1 ? "" : "s"}`;
  return {
    ...base,
    status,
    expiresOn,
    daysRemaining: days,
    explanation: `${requirement.label}: ${windowWords[status]}: ${when}.`,
  };
}

/** The best of several records of one type (a renewal adds a record rather than editing one). */
function bestStatus(
  requirement: CredentialRequirement,
  credentials: readonly Credential[],
  asOf: string,
): CredentialStatusResult {
  const candidates = credentials.filter((c) => c.type === requirement.type);
  if (candidates.length === 0) return credentialStatus(requirement, undefined, asOf);
  return candidates
    .map((c) => credentialStatus(requirement, c, asOf))
    .reduce((best, r) =>
      severity[r.status] < severity[best.status] ||
      (severity[r.status] === severity[best.status] &&
        (r.daysRemaining ?? Number.POSITIVE_INFINITY) >
          (best.daysRemaining ?? Number.POSITIVE_INFINITY))
        ? r
        : best,
    );
}

/** Credential types with at least one record in force on `asOf` (issued by then, not expired). */
export function validCredentialTypes(credentials: readonly Credential[], asOf: string): string[] {
  const valid = credentials.filter(
    (c) =>
      (c.issuedOn === null || c.issuedOn <= asOf) && (c.expiresOn === null || c.expiresOn >= asOf),
  );
  return [...new Set(valid.map((c) => c.type))].sort();
}

/**
 * The credential types the ratio pack requires to count (`staff.credentialsToCount`) that this
 * person does not hold in force on `asOf` — missing as well as lapsed, since either means the
 * credential is not valid. Pass the result as the ratio core's `expiredCredentials`.
 */
export function ratioBlockingCredentials(
  credentials: readonly Credential[],
  ratioPack: RulePack,
  asOf: string,
): string[] {
  const valid = new Set(validCredentialTypes(credentials, asOf));
  return ratioPack.staff.credentialsToCount.filter((t) => !valid.has(t));
}

/** Whether the credentials let this person count toward ratio on `asOf`, and which block it. */
export function countsTowardRatio(
  credentials: readonly Credential[],
  ratioPack: RulePack,
  asOf: string,
): { counts: boolean; blocking: string[] } {
  const blocking = ratioBlockingCredentials(credentials, ratioPack, asOf);
  return { counts: blocking.length === 0, blocking };
}

export const trainingStatusSchema = z.object({
  requirementId: z.string(),
  label: z.string(),
  required: z.number(),
  completed: z.number(),
  remaining: z.number(),
  periodStart: z.iso.date(),
  /** Inclusive. */
  periodEnd: z.iso.date(),
  daysLeftInPeriod: z.number().int(),
  /**
   * `met`: the period's hours are done; `on_pace`/`behind_pace`: hours so far against the share of
   * the period elapsed since it (or employment) began; `overdue`: the last full period employed
   * ended short (a finding new hours cannot repair; it clears when that period is no longer the last).
   */
  status: z.enum(["met", "on_pace", "behind_pace", "overdue"]),
  previousPeriod: z
    .object({
      start: z.iso.date(),
      end: z.iso.date(),
      completed: z.number(),
      met: z.boolean(),
    })
    .nullable(),
  /** The training records counted in the current period (evidence). */
  recordIds: z.array(z.string()),
  explanation: z.string(),
  source: z.string(),
  unconfirmed: z.boolean(),
});
export type TrainingStatus = z.infer<typeof trainingStatusSchema>;

function periodAround(
  req: TrainingRequirement,
  hireDate: string | null,
  asOf: string,
): { start: string; end: string; previous: { start: string; end: string } } {
  const anchor =
    req.period.anchor === "hire" && hireDate !== null ? hireDate : `${asOf.slice(0, 4)}-01-01`;
  const months = req.period.months;
  let k = 0;
  // Walk whole periods from the anchor; an `asOf` before the anchor falls in the period before it.
  while (addMonths(anchor, (k + 1) * months) <= asOf) k++;
  while (addMonths(anchor, k * months) > asOf) k--;
  const start = addMonths(anchor, k * months);
  const end = addDays(addMonths(anchor, (k + 1) * months), -1);
  const prevStart = addMonths(anchor, (k - 1) * months);
  return { start, end, previous: { start: prevStart, end: addDays(start, -1) } };
}

function hoursIn(
  req: TrainingRequirement,
  records: readonly TrainingRecord[],
  start: string,
  end: string,
): { hours: number; ids: string[] } {
  const counted = records.filter(
    (r) =>
      r.completedOn >= start &&
      r.completedOn <= end &&
      (req.topics === null || (r.topic !== null && req.topics.includes(r.topic))),
  );
  // Hours are often recorded in fractions; keep two decimals so sums compare exactly.
  const hours = Math.round(counted.reduce((sum, r) => sum + r.hours, 0) * 100) / 100;
  return { hours, ids: counted.map((r) => r.id) };
}

/** Hours completed against one training requirement in the period containing `asOf`. */
export function trainingStatus(
  requirement: TrainingRequirement,
  records: readonly TrainingRecord[],
  hireDate: string | null,
  asOf: string,
): TrainingStatus {
  const { start, end, previous } = periodAround(requirement, hireDate, asOf);
  const current = hoursIn(requirement, records, start, end);
  const required = requirement.hours;
  const remaining = Math.max(0, Math.round((required - current.hours) * 100) / 100);
  // The previous period is judged only if the person was employed for all of it.
  const judgedPrevious = hireDate === null || hireDate <= previous.start;
  const prevHours = hoursIn(requirement, records, previous.start, previous.end).hours;
  const previousPeriod = judgedPrevious
    ? { ...previous, completed: prevHours, met: prevHours >= required }
    : null;
  const from = hireDate !== null && hireDate > start ? hireDate : start;
  const elapsed = (daysBetween(from, asOf) + 1) / (daysBetween(from, end) + 1);
  const pace = Math.round(required * Math.min(1, Math.max(0, elapsed)) * 100) / 100;
  const status: TrainingStatus["status"] =
    previousPeriod !== null && !previousPeriod.met
      ? "overdue"
      : current.hours >= required
        ? "met"
        : current.hours >= pace
          ? "on_pace"
          : "behind_pace";
  const lines = [
    `${requirement.label}: ${current.hours} of ${required} hours in ${start}–${end}`,
    status === "overdue" && previousPeriod
      ? `the previous period (${previousPeriod.start}–${previousPeriod.end}) ended with ${previousPeriod.completed} of ${required} hours`
      : status === "met"
        ? "met"
        : `${remaining} hours to go, ${status === "on_pace" ? "on pace" : `behind pace (${pace} expected by now)`}`,
  ];
  return {
    requirementId: requirement.id,
    label: requirement.label,
    required,
    completed: current.hours,
    remaining,
    periodStart: start,
    periodEnd: end,
    daysLeftInPeriod: daysBetween(asOf, end),
    status,
    previousPeriod,
    recordIds: current.ids,
    explanation: `${lines.join("; ")}.`,
    source: requirement.citation.source,
    unconfirmed: requirement.citation.strength === "UNCONFIRMED",
  };
}

export const staffComplianceSchema = z.object({
  staffId: z.string(),
  role: z.string(),
  asOf: z.iso.date(),
  credentials: z.array(credentialStatusResultSchema),
  training: z.array(trainingStatusSchema),
  /** The worst credential status ("valid" when the role needs none). */
  worst: credentialStatusSchema,
  /** No credential missing or overdue, and no training period ended short. */
  compliant: z.boolean(),
  /** One line per thing to act on, worst first. */
  actions: z.array(z.string()),
});
export type StaffCompliance = z.infer<typeof staffComplianceSchema>;

/** Every requirement of the pack that applies to the staff member's role, with the overall picture. */
export function staffComplianceStatus(
  staff: StaffComplianceInput,
  requirements: CredentialPack,
  asOf: string,
): StaffCompliance {
  const s = staffComplianceInputSchema.parse(staff);
  const credentials = requirements.credentials
    .filter((r) => r.roles.includes(s.role))
    .map((r) => bestStatus(r, s.credentials, asOf));
  const training = requirements.training
    .filter((r) => r.roles.includes(s.role))
    .map((r) => trainingStatus(r, s.training, s.hireDate, asOf));
  const worst = credentials.reduce<CredentialStatus>(
    (w, c) => (severity[c.status] > severity[w] ? c.status : w),
    "valid",
  );
  const actions = [
    ...[...credentials]
      .filter((c) => c.status !== "valid")
      .sort(
        (a, b) =>
          severity[b.status] - severity[a.status] ||
          (a.daysRemaining ?? 0) - (b.daysRemaining ?? 0),
      )
      .map((c) => c.explanation),
    ...training
      .filter((t) => t.status !== "met" && t.status !== "on_pace")
      .map((t) => t.explanation),
  ];
  return {
    staffId: s.id,
    role: s.role,
    asOf,
    credentials,
    training,
    worst,
    compliant:
      credentials.every((c) => c.status !== "missing" && c.status !== "overdue") &&
      training.every((t) => t.status !== "overdue"),
    actions,
  };
}
