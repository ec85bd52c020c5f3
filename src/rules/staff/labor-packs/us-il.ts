/**
 * @module rules/staff/labor-packs/us-il
 * Illinois: meal periods of the One Day Rest In Seven Act (820 ILCS 140/3); weekly overtime from
 * memory only; no rest-period rule for adults known.
 */
import type { LaborPackInput } from "../labor-pack.js";

const section3 = {
  source:
    "820 ILCS 140/3: an employee to work 7½ continuous hours gets at least 20 minutes for a meal " +
    "beginning no later than 5 hours after the start of the work period, and another 20 minutes " +
    "for every additional 4½ continuous hours",
  strength: "P" as const,
  note: "ilga.gov text read.",
};

export const usIlLabor = {
  code: "US-IL",
  name: "Illinois wage and hour (820 ILCS 140)",
  appliesTo: ["US-IL"],
  summary:
    "A 20-minute meal starting within 5 hours for a day of 7½ hours or more, another 20 minutes at " +
    "12 hours (820 ILCS 140/3); weekly overtime after 40 hours (UNCONFIRMED); no rest-period rule.",
  asOf: "820 ILCS 140/3 (ilga.gov, as stored)",
  overtime: {
    dailyAfterHours: null,
    dailyDoubleAfterHours: null,
    weeklyAfterHours: 40,
    citation: {
      source: "UNCONFIRMED: 820 ILCS 105/4a weekly overtime after 40 hours (from memory, not read)",
      strength: "UNCONFIRMED",
    },
  },
  meals: [
    {
      id: "meal",
      label: "Meal period",
      whenWorkedHours: 7.5,
      inclusive: true,
      minMinutes: 20,
      start: { kind: "worked_hours", earliestHours: 0, latestHours: 5 },
      waivableUpToHours: null,
      citation: section3,
    },
    {
      id: "additional_meal",
      label: "Additional meal period",
      whenWorkedHours: 12,
      inclusive: true,
      minMinutes: 20,
      start: { kind: "worked_hours", earliestHours: 0, latestHours: null },
      waivableUpToHours: null,
      citation: section3,
    },
  ],
  rest: null,
  notApplied: [
    "Hours are measured as worked hours of the day, not strictly continuous hours",
    "24 consecutive hours of rest in every seven-day period (820 ILCS 140/2)",
  ],
} satisfies LaborPackInput;
