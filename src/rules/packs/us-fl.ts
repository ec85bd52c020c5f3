/**
 * @module rules/packs/us-fl
 * Florida child care facilities: s. 402.305(4), F.S. and 65C-22.001(4), F.A.C. Florida sets no
 * group-size cap, and its mixed-age rule is not "youngest child" (see the `florida` method in
 * pack.ts). Numbers: shared/ratio-rules.md §4 only; the rule text was read only as quoted.
 */
import type { Citation, RulePackInput } from "../pack.js";

const statute = (row: string): Citation => ({
  source: `s. 402.305(4), F.S.: ${row}; no group-size cap`,
  strength: "S",
  note:
    "Ratio S×3 (ELC St. Lucie quoting s. 402.305(4); legalclarity; childcareratios); no group-size " +
    "cap S (childcareratios).",
});

export const usFl = {
  code: "US-FL",
  name: "Florida (s. 402.305(4), F.S.; 65C-22.001(4), F.A.C.)",
  summary:
    "Florida child care facilities, from secondary quotations of s. 402.305(4): under 1 year 1:4, " +
    "1 year 1:6, 2 years 1:11, 3 years 1:15, 4 years 1:20, 5 and older 1:25; no group-size cap. " +
    "Mixed ages: any child under 1 → 1:4 for everyone; any child 1–2 → the youngest child's ratio; " +
    "all 2 and older → the age group with the most children (ties: the stricter). The 12-month " +
    "boundary is ambiguous and sits in the 1:4 band. No nap or trip relaxation (UNCONFIRMED).",
  asOf: "s. 402.305(4), F.S. as quoted by undated secondary sources; 65C-22.001(4) text not retrieved",
  programs: [
    {
      id: "center",
      label: "Child care facility",
      bands: [
        {
          id: "under_1_year",
          label: "Infants (birth–12 months)",
          minMonths: 0,
          maxMonths: 12,
          ratio: 4,
          maxGroup: null,
          citation: statute("birth through 1 year 1:4"),
          open: {
            reason:
              'FL 12-month boundary: "birth through 1 year" (1:4) and "1 year of age or older, ' +
              'but under 2" (1:6) overlap; a 12-month-old is placed in the 1:4 band (stricter).',
          },
        },
        {
          id: "one_year",
          label: "1-year-olds",
          minMonths: 13,
          maxMonths: 23,
          ratio: 6,
          maxGroup: null,
          citation: statute("1 year of age or older, but under 2 years 1:6"),
        },
        {
          id: "two_years",
          label: "2-year-olds",
          minMonths: 24,
          maxMonths: 35,
          ratio: 11,
          maxGroup: null,
          citation: statute("2 years, under 3 years 1:11"),
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 15,
          maxGroup: null,
          citation: statute("3 years, under 4 years 1:15"),
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 20,
          maxGroup: null,
          citation: statute("4 years, under 5 years 1:20"),
        },
        {
          id: "five_and_older",
          label: "Children 5 years and older",
          minMonths: 60,
          maxMonths: null,
          ratio: 25,
          maxGroup: null,
          citation: statute("5 years and older 1:25"),
        },
      ],
      mixedAge: {
        method: "florida",
        forbiddenPairs: [],
        citation: {
          source:
            "s. 402.305(4), F.S.: all ≥2 years → ratio of the age group with the largest number of " +
            "children; any child under 1 → 1 staff : 4 children of any age; a child 1–2 → the " +
            "youngest child's ratio",
          strength: "S",
          note:
            "ELC St. Lucie quoting the statute; childcareratios example (7 three-year-olds + 4 " +
            "four-year-olds → 1:15); DCF exam-prep item; legalclarity. Rule text of 65C-22.001(4) " +
            "not retrieved.",
        },
        open: {
          reason:
            "FL mixed ages: a tie for the largest age group is UNCONFIRMED; the stricter band of the " +
            "tied groups is used.",
        },
      },
      aides: null,
      nap: [],
    },
  ],
  staff: {
    minAge: 18,
    directorOnlyWhenEngaged: true,
    volunteersCount: false,
    requiresQualifiedTeacher: true,
    credentialsToCount: [],
    citation: {
      source: "s. 402.305, F.S. / 65C-22.001: who counts toward ratio not found (minimum age 16?)",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "FL who counts is UNCONFIRMED (a minimum age of 16 is mentioned but not confirmed): " +
        "stricter readings taken — only staff 18+ count, a director only while engaged in care, " +
        "volunteers do not count, and a group needs a qualified staff member.",
    },
  },
} satisfies RulePackInput;
