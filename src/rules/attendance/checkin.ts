/**
 * @module rules/attendance/checkin
 * What is unusual about a check-in: before opening, far from the child's expected time, into a room
 * that does not fit the child's age or enrollment, or without the day's health screening. Pure:
 * the check-in instant and the center's zone are parameters.
 */
import { z } from "zod";
import { childSchema, localTimeSchema, roomSchema } from "../../domain/index.js";
import { instantToZoned } from "../../domain/time.js";
import { completedMonths } from "../ages.js";

/** Age ranges (completed months, inclusive) a center enrolls into each room age group. */
export const ageGroupMonthsSchema = z.record(
  roomSchema.shape.ageGroup,
  z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }),
);
export type AgeGroupMonths = z.infer<typeof ageGroupMonthsSchema>;

export const defaultAgeGroupMonths: AgeGroupMonths = {
  infant: { min: 0, max: 17 },
  toddler: { min: 12, max: 35 },
  twos: { min: 24, max: 41 },
  preschool: { min: 30, max: 71 },
  school_age: { min: 57, max: 155 },
  mixed: { min: 0, max: 155 },
};

export const checkInPolicySchema = z.object({
  opensAt: localTimeSchema,
  /** Minutes from the child's expected arrival before an arrival is called unusual. */
  expectedToleranceMinutes: z.number().int().min(0).default(60),
  healthScreeningRequired: z.boolean().default(false),
  ageGroupMonths: ageGroupMonthsSchema.default(defaultAgeGroupMonths),
});
export type CheckInPolicy = z.input<typeof checkInPolicySchema>;

export const checkInInputSchema = z.object({
  at: z.date(),
  timeZone: z.string().min(1),
  child: childSchema.pick({ id: true, birthDate: true, homeRoomId: true, schedule: true }),
  room: roomSchema.pick({ id: true, name: true, ageGroup: true }),
  healthScreenedToday: z.boolean(),
});
export type CheckInInput = z.input<typeof checkInInputSchema>;

export type CheckInException =
  | { kind: "early_arrival"; minutesBeforeOpening: number; reason: string }
  | { kind: "unexpected_time"; expected: string | null; minutesOff: number | null; reason: string }
  | { kind: "room_mismatch"; ageMonths: number; reason: string }
  | { kind: "health_screening_missing"; reason: string };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function checkInExceptions(
  input: CheckInInput,
  policyInput: CheckInPolicy,
): CheckInException[] {
  const { at, timeZone, child, room, healthScreenedToday } = checkInInputSchema.parse(input);
  const policy = checkInPolicySchema.parse(policyInput);
  const local = instantToZoned(at, timeZone);
  const now = minutesOf(local.time);
  const out: CheckInException[] = [];

  const early = minutesOf(policy.opensAt) - now;
  if (early > 0) {
    out.push({
      kind: "early_arrival",
      minutesBeforeOpening: early,
      reason: `checked in at ${local.time}, ${early} min before the center opens at ${policy.opensAt}`,
    });
  }

  const expected = child.schedule.find((d) => d.day === local.weekday);
  if (!expected) {
    out.push({
      kind: "unexpected_time",
      expected: null,
      minutesOff: null,
      reason: `not scheduled on ${local.weekday}; checked in at ${local.time}`,
    });
  } else {
    const off = now - minutesOf(expected.arrive);
    if (Math.abs(off) > policy.expectedToleranceMinutes) {
      out.push({
        kind: "unexpected_time",
        expected: expected.arrive,
        minutesOff: off,
        reason: `checked in at ${local.time}, ${Math.abs(off)} min ${off < 0 ? "before" : "after"} the usual ${expected.arrive} (tolerance ${policy.expectedToleranceMinutes} min)`,
      });
    }
  }

  const ageMonths = completedMonths(child.birthDate, local.date);
  const range = policy.ageGroupMonths[room.ageGroup];
  const ageFits = range ? ageMonths >= range.min && ageMonths <= range.max : true;
  if (!ageFits || (child.homeRoomId !== null && child.homeRoomId !== room.id)) {
    const why = !ageFits
      ? `${ageMonths} months is outside ${room.name}'s ${room.ageGroup} range (${range?.min}–${range?.max} months)`
      : `${room.name} is not the child's enrolled room`;
    out.push({ kind: "room_mismatch", ageMonths, reason: `checked into ${room.name}: ${why}` });
  }

  if (policy.healthScreeningRequired && !healthScreenedToday) {
    out.push({
      kind: "health_screening_missing",
      reason: `no health screening recorded on ${local.date} before check-in`,
    });
  }
  return out;
}
