/**
 * @module rules/staff/labor-pack
 * A jurisdiction's wage-and-hour rules the timecard check applies, as data: overtime thresholds,
 * meal periods and rest periods, each with its citation (the ratio packs' citation shape, with the
 * same strength scale). Only what the check can test from clock and break punches is encoded; what
 * it cannot (seventh-day overtime, waivers on file, alternative workweeks) is named in `notApplied`.
 */
import { z } from "zod";
import { localTimeSchema } from "../../domain/ids.js";
import { citationSchema } from "../pack.js";

export const overtimeRuleSchema = z.object({
  /** Hours worked in a workday after which time and a half is due; null: no daily rule. */
  dailyAfterHours: z.number().positive().nullable(),
  /** Hours worked in a workday after which double time is due; null: none. */
  dailyDoubleAfterHours: z.number().positive().nullable(),
  /** Hours in a workweek after which time and a half is due (daily overtime hours excluded). */
  weeklyAfterHours: z.number().positive(),
  citation: citationSchema,
});

export const mealRuleSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The rule applies when the day's worked hours exceed this (or reach it, with `inclusive`). */
  whenWorkedHours: z.number().positive(),
  inclusive: z.boolean(),
  minMinutes: z.number().int().positive(),
  /** When the meal must start: within worked hours from the start of the day, or inside a local
   * window of the clock (the whole meal within it). */
  start: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("worked_hours"),
      earliestHours: z.number().min(0),
      /** null: no latest start stated. */
      latestHours: z.number().positive().nullable(),
    }),
    z.object({ kind: z.literal("local_window"), from: localTimeSchema, to: localTimeSchema }),
  ]),
  /** The rule may be waived by mutual consent when the day's worked hours are at most this; a
   * missed meal is then a warning to check for a waiver, not an error. */
  waivableUpToHours: z.number().positive().nullable(),
  citation: citationSchema,
});
export type MealRule = z.infer<typeof mealRuleSchema>;

export const restRuleSchema = z.object({
  minutes: z.number().int().positive(),
  perHours: z.number().positive(),
  /** A further rest is due for a "major fraction" (more than half) of `perHours`. */
  majorFraction: z.boolean(),
  /** No rest is due for a day shorter than this many worked hours. */
  minDayHours: z.number().min(0),
  citation: citationSchema,
});
export type RestRule = z.infer<typeof restRuleSchema>;

export const laborPackSchema = z.object({
  /** `US-CA`, …, or `US-FLSA` for the federal floor. */
  code: z.string().min(1),
  name: z.string().min(1),
  /** The ratio-pack jurisdiction codes this pack is used for. */
  appliesTo: z.array(z.string().min(1)).min(1),
  summary: z.string().min(1),
  asOf: z.string().min(1),
  overtime: overtimeRuleSchema,
  /** In order: the first applicable rule is checked against the day's first meal, and so on. */
  meals: z.array(mealRuleSchema),
  rest: restRuleSchema.nullable(),
  /** Rules of the jurisdiction the check does not apply, one line each. */
  notApplied: z.array(z.string()),
});
export type LaborPack = z.infer<typeof laborPackSchema>;
export type LaborPackInput = z.input<typeof laborPackSchema>;
