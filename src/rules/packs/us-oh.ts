/**
 * @module rules/packs/us-oh
 * Ohio licensed child care centers: Ohio Rev. Code 5104.033 (the statute fixes the table) and
 * OAC 5101:2-12-18 / -20 (renumbered 5180:2-12-18 in 2025, S). Table, mixed ages and who counts are
 * regulation text; school-age bands are defined by grade, so they form their own program.
 * Numbers: shared/ratio-rules-more.md §1 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `Ohio Rev. Code 5104.033(A): ${row}`,
  strength: "P",
  note: "legalfix mirror of the 2019 text; OAC 5101:2-12-18 appendix A repeats it (codes.ohio.gov).",
});

const mixed: Citation = {
  source:
    "Ohio Rev. Code 5104.033(A) closing sentence (ratio and group size of the younger age group " +
    "when age groups are combined) and (B)(1); OAC 5101:2-12-18(B)(1) (youngest child, including " +
    "children visiting the next older group to transition)",
  strength: "P",
};

export const usOh = {
  code: "US-OH",
  name: "Ohio (ORC 5104.033, OAC 5101:2-12 child care centers)",
  summary:
    "Ohio licensed child care centers (ORC 5104.033 and OAC 5101:2-12-18, regulation text read): " +
    "infants under 12 months 1:5 group 12, 12–17 months 1:6 group 12, 18–29 months 1:7 group 14, " +
    "30–35 months 1:8 group 16, 3-year-olds 1:12 group 24, 4- and 5-year-olds not in school 1:14 " +
    "group 28; school-age (own program): kindergarten to 10 years 1:18 group 36, 11–14 years 1:20 " +
    "group 40. Mixed ages: the youngest child's ratio and group size. Not applied (the stricter " +
    "reading stands): 2 staff : 12 infants (ORC 5104.033(A); the evaluator staffs 1:5), the " +
    "one-older-child exception of 5104.033(B)(1) (text truncated, S), no group size during nap, " +
    "meals, outdoor play and trips (OAC 5101:2-12-18(A)(7)), and the nap ratio doubled for at most " +
    "two hours with every child on a cot or mat, no infants, and enough staff in the building " +
    "(OAC 5101:2-12-20(A)(7), P) — the room input cannot say how long the nap has lasted. Not " +
    "checked here: a second adult in the building whenever 7+ children are present (a center-wide " +
    "rule, ORC 5104.033, OAC 5101:2-12-18(A)(3)).",
  asOf:
    "ORC 5104.033 (2019 text, legalfix); OAC 5101:2-12-18 (codes.ohio.gov); OAC 5101:2-12-20 " +
    "current through 9-30-2024 (casetext)",
  programs: [
    {
      id: "early_childhood",
      label: "Infant, toddler and preschool groups",
      bands: [
        {
          id: "infant_under_12m",
          label: "Infants (under 12 months)",
          minMonths: 0,
          maxMonths: 11,
          ratio: 5,
          maxGroup: 12,
          citation: table(
            "infants less than 12 months 5:1, or 12:2 if two staff are in the room; group 12",
          ),
          open: {
            reason:
              "OH infants under 12 months: 12:2 with two staff in the room (ORC 5104.033(A)) is not " +
              "expressible as one ratio; 1:5 is applied, so 11 or 12 infants with two staff are " +
              "reported short although the statute allows them.",
          },
        },
        {
          id: "infant_12_17m",
          label: "Infants (12–17 months)",
          minMonths: 12,
          maxMonths: 17,
          ratio: 6,
          maxGroup: 12,
          citation: table("infants at least 12 but less than 18 months 6:1, group 12"),
        },
        {
          id: "toddler_18_29m",
          label: "Toddlers (18–29 months)",
          minMonths: 18,
          maxMonths: 29,
          ratio: 7,
          maxGroup: 14,
          citation: table("toddlers at least 18 but less than 30 months 7:1, group 14"),
        },
        {
          id: "toddler_30_35m",
          label: "Toddlers (30–35 months)",
          minMonths: 30,
          maxMonths: 35,
          ratio: 8,
          maxGroup: 16,
          citation: table("toddlers at least 30 months but less than 3 years 8:1, group 16"),
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 12,
          maxGroup: 24,
          citation: table("preschool-age three years old 12:1, group 24"),
        },
        {
          id: "four_five_years",
          label: "4- and 5-year-olds (not school children)",
          minMonths: 48,
          maxMonths: 71,
          ratio: 14,
          maxGroup: 28,
          citation: table(
            "preschool-age four and five years old who are not school children 14:1, group 28",
          ),
          open: {
            reason:
              "OH 5-year-olds in kindergarten are school-age (a grade, not an age); the preschool " +
              "row is read as up to 71 months, so a kindergartner is held to 1:14, group 28 unless " +
              "the room names the school-age program.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: mixed,
        open: {
          reason:
            "OH mixed ages: the exception of ORC 5104.033(B)(1) when no more than one child of 30 " +
            "months or older is in a group (text truncated in the copy read; S) is not applied; the " +
            "youngest child's ratio and group size always govern.",
        },
      },
      aides: null,
      // OAC 5101:2-12-20(A)(7) (P) doubles the ratio for at most two hours of nap with every child
      // on a cot or mat, no infants, and the awake ratio's staff in the building. The two-hour limit
      // cannot be checked from the room input, so the relaxation is not encoded (stricter).
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age groups (kindergarten and up)",
      bands: [
        {
          id: "school_age_under_11",
          label: "School-age children (kindergarten to 10 years)",
          minMonths: 60,
          maxMonths: 131,
          ratio: 18,
          maxGroup: 36,
          citation: table(
            "school-age, enrolled in or eligible for kindergarten or above, less than 11 years 18:1, group 36",
          ),
          open: {
            reason:
              "OH school-age starts at kindergarten enrolment or eligibility (a grade); 60 months is used.",
          },
        },
        {
          id: "school_age_11_14",
          label: "School-age children (11–14 years)",
          minMonths: 132,
          maxMonths: 179,
          ratio: 20,
          maxGroup: 40,
          citation: table("school-age eleven through fourteen years old 20:1, group 40"),
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: mixed },
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
      source:
        "OAC 5101:2-12-18(A)(2): staff engaged in duties that interfere with supervision are not " +
        "counted; 5101:2-12-01: 'adult' is 18+ and a 'child care staff member' an adult employed " +
        "by the center; 5101:2-12-18(A)(3): a second staff member in the building with 7+ children",
      strength: "P",
      note: "codes.ohio.gov. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "OH: under-18 staff under OAC 5101:2-12-08(B)(2) and volunteers are UNCONFIRMED — only staff " +
        "18+ count and volunteers do not; a director counts only while engaged in care (the " +
        "'other duties' rule, P), and a group needs a qualified teacher (UNCONFIRMED, stricter).",
    },
  },
} satisfies RulePackInput;
