/**
 * @module evals/suites/forecast/case
 * One forecast timeline: a room now, the known future (the core's `futureEventSchema`), the other
 * rooms and the unassigned staff a cover could come from, and the hand-worked answer: the first
 * moment out of ratio (or none within the horizon) and the set of acceptable top coverage moves
 * (empty: no move should be proposed).
 */
import { z } from "zod";
import { roomInputSchema, roomStaffSchema } from "../../../src/rules/evaluation.js";
import { futureEventSchema } from "../../../src/rules/forecast.js";
import { caseBaseSchema } from "../../runner/types.js";

export const moveSchema = z.object({ staffId: z.string(), fromRoomId: z.string().nullable() });

export const forecastCaseSchema = caseBaseSchema.extend({
  pack: z.string().min(1),
  now: z.iso.datetime(),
  horizonMinutes: z.number().int().positive().optional(),
  roomId: z.string().min(1),
  current: roomInputSchema,
  future: z.array(futureEventSchema),
  others: z
    .array(z.object({ roomId: z.string(), roomName: z.string(), state: roomInputSchema }))
    .default([]),
  unassigned: z.array(roomStaffSchema).default([]),
  expected: z.object({
    firstBreachAt: z.iso.datetime().nullable(),
    /** Any of these as the top proposal passes; empty = no proposal is right. */
    acceptableMoves: z.array(moveSchema),
  }),
});
export type ForecastCase = z.infer<typeof forecastCaseSchema>;
export type ForecastCaseInput = z.input<typeof forecastCaseSchema>;
