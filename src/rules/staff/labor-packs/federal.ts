/**
 * @module rules/staff/labor-packs/federal
 * The federal floor (FLSA): weekly overtime only. Used for the states whose own rules were not read
 * (Texas, Florida, Pennsylvania), where no state daily overtime, meal or rest rule for adult
 * employees is known — from memory, UNCONFIRMED; see `summary`.
 */
import type { LaborPackInput } from "../labor-pack.js";

export const federal = {
  code: "US-FLSA",
  name: "Federal Fair Labor Standards Act",
  appliesTo: ["US-TX", "US-FL", "US-PA"],
  summary:
    "Weekly overtime after 40 hours (29 U.S.C. §207(a)(1)); no federal meal or rest period rule. " +
    "Used for Texas, Florida and Pennsylvania: that these states add no daily overtime, meal or " +
    "rest rule for adults is UNCONFIRMED (from memory, no state text read).",
  asOf: "29 U.S.C. §207(a)(1) (uscode.elaws.us and FindLaw mirrors, undated)",
  overtime: {
    dailyAfterHours: null,
    dailyDoubleAfterHours: null,
    weeklyAfterHours: 40,
    citation: {
      source: "29 U.S.C. §207(a)(1): a workweek longer than forty hours at one and one-half times",
      strength: "P",
    },
  },
  meals: [],
  rest: null,
  notApplied: [
    "Exempt (salaried) employees: the check treats every timecard as non-exempt",
    "State rules of Texas, Florida and Pennsylvania: UNCONFIRMED that there are none for adults",
  ],
} satisfies LaborPackInput;
