/**
 * @module rules/packs/us-az
 * Arizona child care facilities (centers): A.A.C. R9-5-404 (regulation text read). The rule sets
 * ratios only: no maximum group size exists in it. The month bounds of "infant" and "1-year-old"
 * (R9-5-101) were not read, so each shared boundary is held to the younger row. Numbers:
 * shared/ratio-rules-more.md §4 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `A.A.C. R9-5-404(A): ${row}; no group size in R9-5-404`,
  strength: "P",
  note: "Cornell LII (current through Nov 2024); a daycare.com copy agrees.",
});

const boundary =
  "AZ age-group bounds (R9-5-101 definitions) were not read: 12 months is held to the infant row " +
  "and 24 months to the 1-year-old row (the stricter readings).";

export const usAz = {
  code: "US-AZ",
  name: "Arizona (A.A.C. R9-5 child care facilities)",
  summary:
    "Arizona child care facilities (A.A.C. R9-5-404, regulation text read): infants 1:5, " +
    "1-year-olds 1:6, 2-year-olds 1:8, 3-year-olds 1:13, 4-year-olds 1:15, 5-year-olds and " +
    "school-age 1:20; R9-5-404 sets no group size. Mixed ages: the youngest child's ratio " +
    "(R9-5-404(B)(1)); an infant is never grouped with a non-infant (R9-5-404(C)(3) says so when 6+ " +
    "children are in the facility, which the room input cannot tell; stricter). Not applied (the " +
    "stricter reading stands): 2 staff : 11 infants and 2 : 13 one-year-olds (the evaluator staffs " +
    "1:5 and 1:6), and volunteers qualified as director or (assistant) teacher-caregiver counting " +
    "(R9-5-404(B)(2)). Student-aides and teacher-caregiver-aides do not count (R9-5-404(B)(3)): " +
    "anyone entered as an aide is left out of the ratio. No nap relaxation in R9-5-404. Not checked here: the director " +
    "or designee plus one more staff member in the facility with 6+ children (R9-5-404(C)(1), a " +
    "center-wide rule).",
  asOf: "A.A.C. R9-5-404 current through A.A.R. Vol. 30 No. 45 (Nov 8 2024), Cornell LII",
  programs: [
    {
      id: "center",
      label: "Child care facility",
      bands: [
        {
          id: "infant",
          label: "Infants (0–12 months)",
          minMonths: 0,
          maxMonths: 12,
          ratio: 5,
          maxGroup: null,
          citation: table("infants 1:5 or 2:11"),
          open: {
            reason:
              `${boundary} 2:11 (two staff for up to 11 infants) is not expressible as one ratio; ` +
              "1:5 is applied, so 11 infants with two staff are reported short although the rule allows them.",
          },
        },
        {
          id: "one_year",
          label: "1-year-olds (13–24 months)",
          minMonths: 13,
          maxMonths: 24,
          ratio: 6,
          maxGroup: null,
          citation: table("1-year-old children 1:6 or 2:13"),
          open: {
            reason: `${boundary} 2:13 (two staff for up to 13 one-year-olds) is not applied; 1:6 is.`,
          },
        },
        {
          id: "two_years",
          label: "2-year-olds (25–35 months)",
          minMonths: 25,
          maxMonths: 35,
          ratio: 8,
          maxGroup: null,
          citation: table("2-year-old children 1:8"),
          open: { reason: boundary },
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 13,
          maxGroup: null,
          citation: table("3-year-old children 1:13"),
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 15,
          maxGroup: null,
          citation: table("4-year-old children 1:15"),
        },
        {
          id: "five_and_school_age",
          label: "5-year-olds and school-age children",
          minMonths: 60,
          maxMonths: null,
          ratio: 20,
          maxGroup: null,
          citation: table("5-year-old children not school-age 1:20; school-age children 1:20"),
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [
          ["infant", "one_year"],
          ["infant", "two_years"],
          ["infant", "three_years"],
          ["infant", "four_years"],
          ["infant", "five_and_school_age"],
        ],
        citation: {
          source:
            "A.A.C. R9-5-404(B)(1) (ratio by the age of the youngest child in the group); (C)(3) " +
            "(with six or more enrolled children present in the facility, an infant is not placed " +
            "with a child who is not an infant)",
          strength: "P",
        },
        open: {
          reason:
            "AZ infants with older children: R9-5-404(C)(3) forbids it only when 6+ children are " +
            "in the facility; the room input does not say, so it is always forbidden (stricter).",
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
    rolesNotCounted: ["aide"],
    citation: {
      source:
        "A.A.C. R9-5-404(B)(2) (a volunteer qualified as director, teacher-caregiver or assistant " +
        "teacher-caregiver counts), (B)(3) (a student-aide or anyone qualified only as " +
        "teacher-caregiver-aide does not), (D) (staff doing other duties are not assigned to " +
        "children); R9-5-101(9) adult = 18+",
      strength: "P",
      note: "Cornell LII. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "AZ who counts: qualified volunteers count under R9-5-404(B)(2) but cannot be told apart " +
        "in the room input, so no volunteer counts (stricter); only staff 18+ count; an aide " +
        "(teacher-caregiver-aide or student-aide) never counts (R9-5-404(B)(3)).",
    },
  },
} satisfies RulePackInput;
