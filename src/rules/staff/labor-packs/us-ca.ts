/**
 * @module rules/staff/labor-packs/us-ca
 * California: daily and weekly overtime (Labor Code §510), meal periods (§512), and rest periods
 * (IWC Order 5-2001 §12, the public housekeeping order, whose definition lists "child nurseries,
 * child care institutions").
 */
import type { LaborPackInput } from "../labor-pack.js";

const section512 = {
  source:
    "Cal. Labor Code §512(a): no work period of more than five hours without a meal period of " +
    "not less than 30 minutes (waivable if the day is no more than six hours); a second after " +
    "more than ten hours (waivable if no more than twelve and the first was not waived)",
  strength: "P" as const,
  note:
    "Statute text read (casetext). The start by the end of the fifth (tenth) hour of work is the " +
    "reading of secondary guides, not the statute's words.",
};

export const usCaLabor = {
  code: "US-CA",
  name: "California wage and hour (Labor Code, IWC Order 5)",
  appliesTo: ["US-CA"],
  summary:
    "Daily overtime after 8 hours and double time after 12, weekly overtime after 40 regular " +
    "hours (§510); a 30-minute meal starting by the end of the 5th hour of work for a day over 5 " +
    "hours, a second by the end of the 10th for a day over 10 (§512); 10 minutes of rest per 4 " +
    "hours or major fraction, none under 3½ hours (IWC Order 5 §12).",
  asOf:
    "Labor Code §510 (self-law.org and casetext mirrors), §512 (casetext, current through the 2024 " +
    "session); IWC Order 5-2001 definitions (poster copies); rest-period wording (secondary quotes)",
  overtime: {
    dailyAfterHours: 8,
    dailyDoubleAfterHours: 12,
    weeklyAfterHours: 40,
    citation: {
      source:
        "Cal. Labor Code §510(a): over 8 hours in a workday or 40 in a workweek at 1½; over 12 " +
        "hours in a day at 2×",
      strength: "P",
      note: "Weekly overtime counts regular hours only, so no hour is paid overtime twice.",
    },
  },
  meals: [
    {
      id: "first_meal",
      label: "First meal period",
      whenWorkedHours: 5,
      inclusive: false,
      minMinutes: 30,
      start: { kind: "worked_hours", earliestHours: 0, latestHours: 5 },
      waivableUpToHours: 6,
      citation: section512,
    },
    {
      id: "second_meal",
      label: "Second meal period",
      whenWorkedHours: 10,
      inclusive: false,
      minMinutes: 30,
      start: { kind: "worked_hours", earliestHours: 0, latestHours: 10 },
      waivableUpToHours: 12,
      citation: section512,
    },
  ],
  rest: {
    minutes: 10,
    perHours: 4,
    majorFraction: true,
    minDayHours: 3.5,
    citation: {
      source:
        "IWC Order 5-2001 §12(A): 10 minutes net rest per 4 hours worked or major fraction " +
        "thereof; none for a day under 3½ hours",
      strength: "S×2",
      note:
        "The wage orders' common rest-period wording as quoted by two secondary pages; Order 5's " +
        "coverage of child nurseries from poster copies of its definitions. Order 5's own text not read.",
    },
  },
  notApplied: [
    "Seventh consecutive workday overtime and double time (§510(a)): the check sees one week at a time",
    "Alternative workweek schedules (§511) and signed meal waivers: not known to the check",
    "Rest periods are counted, not timed (the middle of each work period is not checked)",
  ],
} satisfies LaborPackInput;
