/**
 * @module rules/staff/credential-pack
 * What a jurisdiction requires of each staff role, as data: credentials that expire (CPR, pediatric
 * first aid, background check, health/TB screening), qualifications held once (director, teacher),
 * and annual training hours. Every requirement names its source; a requirement no regulation text
 * was read for says so in its `source` ("UNCONFIRMED: …") and its strength, so a page or an export
 * can show it as unverified instead of presenting it as law.
 */
import { z } from "zod";
import { dateSchema, idSchema } from "../../domain/ids.js";
import { credentialSchema, staffRoleSchema } from "../../domain/people.js";
import { citationSchema } from "../pack.js";

export const credentialKindSchema = z.enum([
  /** Renewed on a cycle: the record's `expiresOn`, or `issuedOn` + `validityMonths`. */
  "expiring",
  /** Held once (a qualification, a pre-hire screening): present is enough unless it carries an
   * expiry date of its own. */
  "once",
]);

export const credentialRequirementSchema = z.object({
  /** Unique in the pack, e.g. `cpr`. */
  id: z.string().min(1),
  /** Matched against the staff record's credential `type`. */
  type: z.string().min(1),
  label: z.string().min(1),
  kind: credentialKindSchema,
  /** Used when a record has an issue date but no expiry date; null: an undated record of an
   * expiring credential cannot be shown valid. */
  validityMonths: z.number().int().positive().nullable(),
  roles: z.array(staffRoleSchema).min(1),
  citation: citationSchema,
});
export type CredentialRequirement = z.infer<typeof credentialRequirementSchema>;

export const trainingRequirementSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Hours required in each period. */
  hours: z.number().positive(),
  /**
   * `calendar`: periods start on January 1 (only 12-month periods); `hire`: periods start on the
   * hire date and every `months` after it.
   */
  period: z.object({ anchor: z.enum(["calendar", "hire"]), months: z.number().int().positive() }),
  roles: z.array(staffRoleSchema).min(1),
  /** Training topics that count; null: any recorded training counts. */
  topics: z.array(z.string().min(1)).nullable(),
  citation: citationSchema,
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;

export const credentialPackSchema = z.object({
  /** The ratio pack's jurisdiction code (`US-CA`, …). */
  code: z.string().min(1),
  name: z.string().min(1),
  summary: z.string().min(1),
  asOf: z.string().min(1),
  credentials: z.array(credentialRequirementSchema),
  training: z.array(trainingRequirementSchema),
});
export type CredentialPack = z.infer<typeof credentialPackSchema>;
export type CredentialPackInput = z.input<typeof credentialPackSchema>;

/** A staff member as the compliance functions need them (a subset of the domain's staff record,
 * plus the training log the platform keeps). */
export const trainingRecordSchema = z.object({
  id: idSchema,
  completedOn: dateSchema,
  hours: z.number().positive(),
  topic: z.string().min(1).nullable(),
});
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

export const staffComplianceInputSchema = z.object({
  id: idSchema,
  role: staffRoleSchema,
  hireDate: dateSchema.nullable(),
  credentials: z.array(credentialSchema),
  training: z.array(trainingRecordSchema).default([]),
});
export type StaffComplianceInput = z.input<typeof staffComplianceInputSchema>;
export type StaffComplianceRecord = z.output<typeof staffComplianceInputSchema>;
export type Credential = z.infer<typeof credentialSchema>;
