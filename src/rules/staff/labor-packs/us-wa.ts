/**
 * @module rules/staff/labor-packs/us-wa
 * Washington: meal and rest periods from WAC 296-126-092 as the Department of Labor & Industries
 * states them; weekly overtime from memory only.
 */
import type { LaborPackInput } from "../labor-pack.js";

const lni = {
  strength: "S" as const,
  note: "Department of Labor & Industries pages (lni.wa.gov) summarizing WAC 296-126-092; the WAC text itself not read.",
};

export const usWaLabor = {
  code: "US-WA",
  name: "Washington wage and hour (WAC 296-126-092)",
  appliesTo: ["US-WA"],
  summary:
    "A 30-minute meal for a shift over 5 hours, starting between the 2nd and 5th hour; 10 minutes " +
    "of rest per 4 hours (WAC 296-126-092, per L&I); weekly overtime after 40 hours (UNCONFIRMED).",
  asOf: "lni.wa.gov rest breaks and meal periods page (viewed as stored, undated)",
  overtime: {
    dailyAfterHours: null,
    dailyDoubleAfterHours: null,
    weeklyAfterHours: 40,
    citation: {
      source: "UNCONFIRMED: RCW 49.46.130 weekly overtime after 40 hours (from memory, not read)",
      strength: "UNCONFIRMED",
    },
  },
  meals: [
    {
      id: "meal",
      label: "Meal period",
      whenWorkedHours: 5,
      inclusive: false,
      minMinutes: 30,
      start: { kind: "worked_hours", earliestHours: 2, latestHours: 5 },
      waivableUpToHours: null,
      citation: {
        source:
          "WAC 296-126-092: a meal period of at least 30 minutes when working more than five hours, " +
          "starting between the second and fifth hour of the shift",
        ...lni,
      },
    },
  ],
  rest: {
    minutes: 10,
    perHours: 4,
    majorFraction: false,
    minDayHours: 0,
    citation: {
      source: "WAC 296-126-092: a paid rest period of at least 10 minutes for every 4 hours worked",
      ...lni,
    },
  },
  notApplied: [
    "No more than 3 hours of work without a rest period: rests are counted, not timed",
    "Additional meal periods for shifts 3 or more hours longer than a normal workday (WAC 296-126-092(3))",
    'Intermittent "mini" rest breaks: only recorded breaks are seen',
  ],
} satisfies LaborPackInput;
