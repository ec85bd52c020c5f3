/**
 * @module rules/evaluation
 * The shapes going into and coming out of a ratio evaluation. The input is what the CLI reads on
 * stdin and what the live state is converted to; the output is what the API, the board, the
 * history and the alerts all show.
 */
import { z } from "zod";
import { citationSchema, staffRoleInputSchema } from "./pack.js";

export { type StaffRoleInput, staffRoleInputSchema } from "./pack.js";

export const roomChildSchema = z
  .object({
    id: z.string().optional(),
    /** Completed months of age. */
    ageMonths: z.number().int().min(0).max(240).optional(),
    birthDate: z.iso.date().optional(),
  })
  .refine((c) => c.ageMonths !== undefined || c.birthDate !== undefined, {
    message: "each child needs ageMonths or birthDate",
  });

export const roomStaffSchema = z
  .object({
    id: z.string().optional(),
    ageYears: z.number().int().min(0).max(120).optional(),
    birthDate: z.iso.date().optional(),
    /** Meets the jurisdiction's teacher/caregiver qualification (default: true for teachers,
     * caregivers, directors and floaters; false for aides, assistants and volunteers). */
    qualified: z.boolean().optional(),
    role: staffRoleInputSchema.default("teacher"),
    onBreak: z.boolean().default(false),
    /** For directors: actually engaged in care right now (default false). */
    engagedInCare: z.boolean().optional(),
    /** Credential types whose validity is known to have lapsed (e.g. ["cpr"]). */
    expiredCredentials: z.array(z.string()).default([]),
    /** Enrolled in an approved training curriculum with the written certification on file
     * (PA §3270.31(c)); lets someone under the pack's minimum age count where the pack allows. */
    approvedTraining: z.boolean().optional(),
  })
  .refine((s) => s.ageYears !== undefined || s.birthDate !== undefined, {
    message: "each staff member needs ageYears or birthDate",
  });

export const roomInputSchema = z.object({
  /** The instant evaluated (ages are computed at this time). Default: now, for the CLI only. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** A licensed program/component of the jurisdiction; default: the first that fits the ages. */
  program: z.string().optional(),
  napping: z.boolean().default(false),
  /** Countable staff on the premises outside this room (nap relaxations depend on it). */
  premisesAvailableStaff: z.number().int().min(0).default(0),
  /** Minutes since the center opened today and until it closes (the center's hours, local time);
   * opening/closing rules apply only when given. Negative outside the day's hours. */
  minutesSinceOpening: z.number().int().min(-1440).max(1440).optional(),
  minutesUntilClosing: z.number().int().min(-1440).max(1440).optional(),
  /** When the current violation began, if one is open (for the time-based `critical`). */
  violationSince: z.iso.datetime({ offset: true }).optional(),
  children: z.array(roomChildSchema),
  staff: z.array(roomStaffSchema),
});
export type RoomInput = z.input<typeof roomInputSchema>;
export type Room = z.output<typeof roomInputSchema>;

/**
 * `approaching`: in ratio, but the next check-in would breach (it can take no more), or the
 * forecast shows a breach within 15 minutes (a planned break, a shift end, an arrival).
 */
export const statusSchema = z.enum(["ok", "approaching", "violation", "critical"]);
export type RatioStatus = z.infer<typeof statusSchema>;

/** A breach the forecast sees coming: when, what tips the room over (no names, no ids), and why. */
export const forecastBreachSchema = z.object({
  at: z.string(),
  cause: z.string(),
  reasons: z.array(z.string()),
  /** In the center's local time, e.g. "at 09:15 a staff member goes on break (…): short by 1 …". */
  summary: z.string(),
});
export type ForecastBreachSummary = z.infer<typeof forecastBreachSchema>;

export const evaluationSchema = z
  .object({
    jurisdiction: z.string(),
    program: z.string(),
    /** `state US-CA` or `center policy`: where the governing numbers came from. */
    ruleSource: z.string(),
    at: z.string(),
    status: statusSchema,
    compliant: z.boolean(),
    /** The band whose ratio and group size govern the group (mixed-age method applied). */
    governingBand: z.object({
      id: z.string(),
      label: z.string(),
      ratio: z.number(),
      maxGroup: z.number().nullable(),
    }),
    napRelaxation: z.boolean().describe("Whether a nap ratio was applied"),
    children: z.number().int(),
    requiredStaff: z.number().int(),
    countedStaff: z.number().int(),
    counted: z.array(z.object({ id: z.string().nullable(), role: z.string() })),
    notCounted: z.array(
      z.object({ id: z.string().nullable(), role: z.string(), reason: z.string() }),
    ),
    groupSize: z.number().int(),
    maxGroupSize: z.number().int().nullable(),
    /** How many more children of the governing band the room can take now (0 when full). */
    canTake: z.number().int(),
    /** Counted staff short of what the children need (0 when compliant on ratio). */
    staffShort: z.number().int(),
    slack: z.string().describe('e.g. "can take 2 more children" or "needs 1 more qualified staff"'),
    /** A heads-up for the room's card that raises no alert, e.g. "1 staff — cover needed before a
     * break": one fewer counted staff member would breach, but the room can still take a child. */
    note: z.string().nullable().default(null),
    /** One fewer counted staff member (a break, a shift end) would put the room out of ratio. */
    oneLessBreaches: z.boolean().default(false),
    /** The forecast breach that makes a room in ratio now `approaching` (null otherwise). */
    forecastBreach: forecastBreachSchema.nullable().default(null),
    reasons: z.array(z.string()).describe("Why the room is not ok, one line each"),
    explanation: z
      .array(z.string())
      .describe("The rule, its citation and the arithmetic, line by line"),
    citations: z.array(citationSchema),
    open: z.array(z.string()).describe("Open questions in the sources this decision relied on"),
  })
  .meta({ id: "RatioEvaluation" });
export type Evaluation = z.infer<typeof evaluationSchema>;
