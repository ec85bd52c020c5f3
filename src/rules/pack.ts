/**
 * @module rules/pack
 * A jurisdiction's ratio rules as data. Every number carries the citation it came from; anything
 * the sources leave open is marked `open` with the reason, and the number stored is the stricter
 * reading, so the evaluator never has to guess.
 */
import { z } from "zod";

export const citationSchema = z.object({
  /** e.g. "22 CCR §101416.5(b)". */
  source: z.string().min(1),
  /** How strong the evidence is (see shared/ratio-rules.md): P = regulation text read. */
  strength: z.enum(["P", "S", "S×2", "S×3", "UNCONFIRMED"]),
  note: z.string().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

/** Set when the source leaves the case open; the stored value is then the stricter reading. */
export const openSchema = z.object({ reason: z.string().min(1) }).optional();

export const bandSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Completed months of age, inclusive. */
  minMonths: z.number().int().min(0),
  /** Inclusive upper bound in completed months; null = no upper bound. */
  maxMonths: z.number().int().min(0).nullable(),
  /** Children per counted staff member. */
  ratio: z.number().int().positive(),
  /** Maximum group size regardless of staff; null = none stated. */
  maxGroup: z.number().int().positive().nullable(),
  citation: citationSchema,
  open: openSchema,
});
export type Band = z.infer<typeof bandSchema>;

/**
 * How a group with children from several bands is staffed:
 * - `youngest`: the youngest child's band sets ratio and group size for everyone;
 * - `florida`: any child under 12 months: 1:4 for all; any child 12–23 months: the youngest child's
 *   band; all 24 months or older: the band with the most children (ties: the stricter band).
 */
export const mixedAgeSchema = z.object({
  method: z.enum(["youngest", "florida"]),
  /** Band ids that may not share a room at all; a group mixing them is out of compliance. */
  forbiddenPairs: z.array(z.tuple([z.string(), z.string()])).default([]),
  /**
   * Infants (up to `infantMaxMonths`) may share a group with older children only if the oldest is
   * at most `maxSpreadMonths` older than the youngest (Texas).
   */
  infantSpread: z
    .object({
      infantMaxMonths: z.number().int().min(0),
      maxSpreadMonths: z.number().int().positive(),
    })
    .optional(),
  citation: citationSchema,
  open: openSchema,
});

/**
 * Aides who add capacity only alongside a teacher (California): each aide adds `adds` children,
 * at most `maxPerTeacher` aides per counted teacher, and never supervises alone.
 */
export const aideRuleSchema = z.object({
  adds: z.number().int().positive(),
  maxPerTeacher: z.number().int().positive(),
  citation: citationSchema,
  open: openSchema,
});

export const napRuleSchema = z.object({
  /** Bands the relaxation applies to (every child in the group must be in one of them). */
  bands: z.array(z.string()).min(1),
  /** Children per counted staff member while the children nap. */
  ratio: z.number().int().positive(),
  /**
   * `remaining_staff_on_premises`: only if the staff the awake ratio needs beyond those in the
   * room are immediately available at the center (`premisesAvailableStaff`).
   */
  condition: z.enum(["none", "remaining_staff_on_premises"]),
  /**
   * While the relaxation applies, an aide (a counted, not teacher-qualified adult) may supervise
   * the nap ratio in place of a teacher: aides count fully at the nap ratio, need no teacher beside
   * them, and stand in for the qualified teacher (CA §101230(c)(1), §101416.5(d)(1)).
   */
  aideInPlaceOfTeacher: z.boolean().optional(),
  citation: citationSchema,
  open: openSchema,
});

/**
 * A team that may supervise a larger group (IL 407.190(b): an early childhood teacher aided by an
 * assistant, up to 30 children, all 5 or older): when every child is at least `minChildMonths` old
 * and the counted staff include a qualified teacher and one more counted person, the group may
 * reach `maxGroup` (the ratio still applies).
 */
export const teamGroupSchema = z.object({
  minChildMonths: z.number().int().min(0),
  maxGroup: z.number().int().positive(),
  citation: citationSchema,
  open: openSchema,
});

/**
 * A rule for the first and last minutes of the center's day, applied when the room input gives the
 * minutes since opening or until closing: in the first `windowMinutes` after opening
 * (0 ≤ since < window) or the last `windowMinutes` before closing (0 < until ≤ window), on a day
 * open at least `minOpenMinutes` (since + until; both must be given), for a group whose children
 * are all at least `minChildMonths` old. Its effects, each optional:
 * - `ratio`: children per counted staff member, used only where looser than the governing band's
 *   (TX 746.1615: 1:16 for 18 months and older in the 45 minutes after opening/before closing);
 * - `waiveForbiddenPairs`: all ages may be together (IL 407.190(d)(4), NC .0713(a)(2));
 * - `waiveGroupSize`: no maximum group size (VA first/last hour).
 * A center's own stricter policy for the governing band keeps its ratio and group size.
 */
export const openingClosingRuleSchema = z.object({
  windowMinutes: z.number().int().positive(),
  minOpenMinutes: z.number().int().positive().nullable().default(null),
  minChildMonths: z.number().int().min(0).nullable().default(null),
  ratio: z.number().int().positive().nullable().default(null),
  waiveForbiddenPairs: z.boolean().default(false),
  waiveGroupSize: z.boolean().default(false),
  citation: citationSchema,
  open: openSchema,
});
export type OpeningClosingRule = z.infer<typeof openingClosingRuleSchema>;

/** The roles a room input may give a staff member. */
export const staffRoleInputSchema = z.enum([
  "teacher",
  "caregiver",
  "aide",
  "assistant",
  "director",
  "volunteer",
  "floater",
]);
export type StaffRoleInput = z.infer<typeof staffRoleInputSchema>;

export const staffRulesSchema = z.object({
  /** Minimum age, in years, to count toward ratio. */
  minAge: z.number().int().min(14),
  /** A director (or assistant director) counts only while actually engaged in care. */
  directorOnlyWhenEngaged: z.boolean(),
  volunteersCount: z.boolean(),
  /** A group with children needs at least one counted, qualified teacher. */
  requiresQualifiedTeacher: z.boolean(),
  /** Credential types that must be valid (not expired) for a person to count. */
  credentialsToCount: z.array(z.string()),
  /**
   * Younger people who count when the input says they are in an approved training program
   * (`approvedTraining` on the staff member; PA §3270.31(c): 16+ in an approved 600-hour
   * curriculum, certified in writing). They never count as the qualified teacher.
   */
  trainees: z
    .object({ minAge: z.number().int().min(14), citation: citationSchema, open: openSchema })
    .optional(),
  /** Roles that never count toward ratio, whatever their age (AZ R9-5-404(B)(3): aides). */
  rolesNotCounted: z.array(staffRoleInputSchema).optional(),
  citation: citationSchema,
  open: openSchema,
});

export const programSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  bands: z.array(bandSchema).min(1),
  mixedAge: mixedAgeSchema,
  aides: aideRuleSchema.nullable().default(null),
  nap: z.array(napRuleSchema).default([]),
  teamGroup: teamGroupSchema.optional(),
});
export type Program = z.infer<typeof programSchema>;

export const rulePackSchema = z.object({
  /** `US-CA`, …, `NAEYC`, `CFOC`. */
  code: z.string().min(1),
  name: z.string().min(1),
  /** What the pack is and how far to trust it. */
  summary: z.string().min(1),
  /** The version or date of the sources read. */
  asOf: z.string().min(1),
  /**
   * Licensed programs/components; when a room names none, the first program whose bands cover
   * every child present is used, in this order (put the stricter program first where they overlap).
   */
  programs: z.array(programSchema).min(1),
  staff: staffRulesSchema,
  /** First/last minutes of the day (see `openingClosingRuleSchema`). */
  openingClosing: z.array(openingClosingRuleSchema).optional(),
});
export type RulePack = z.infer<typeof rulePackSchema>;
export type RulePackInput = z.input<typeof rulePackSchema>;

/**
 * A center's own, stricter policy for some bands. It may only tighten: every number must be at
 * most the pack's, and when it applies it applies whole (ratio and group size from the policy).
 */
export const centerPolicySchema = z.object({
  bands: z.record(
    z.string(),
    z.object({
      ratio: z.number().int().positive(),
      maxGroup: z.number().int().positive().nullable(),
    }),
  ),
  /** Minutes a violation may stay open before it is critical. */
  violationCriticalAfterMinutes: z.number().int().positive().default(5),
});
export type CenterPolicy = z.infer<typeof centerPolicySchema>;
