/**
 * @module rules/packs/cfoc
 * Caring for Our Children (CFOC) Standard 1.1.1.2, recommended ratios and group sizes for large
 * family child care homes and centers, as reproduced by childcare.gov (the CFOC page itself was not
 * retrieved). A reference pack, not a license. The CFOC *Basics* minimums (P, Head Start ECLKC) are
 * a different, looser document and are not used. Numbers: shared/ratio-rules.md §9 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `CFOC Standard 1.1.1.2 (as reproduced by childcare.gov): ${row}`,
  strength: "S",
  note: 'childcare.gov "Supervision: Ratios and Group Sizes" (mirror modelsymbolsmixer.pages.dev).',
});

const unconfirmed = (row: string): Citation => ({
  ...table(row),
  strength: "UNCONFIRMED",
});

export const cfoc = {
  code: "CFOC",
  name: "Caring for Our Children Standard 1.1.1.2 (recommended ratios)",
  summary:
    "CFOC Standard 1.1.1.2 recommended ratios and group sizes for centers, from childcare.gov's " +
    "reproduction: under 12 months 1:3 group 6, 13–35 months 1:4 group 8, 3 years 1:7 group 14, 4 " +
    "and 5 years 1:8 group 16; 6–8 years 1:10 group 20 and 9–12 years 1:12 group 24 are " +
    "UNCONFIRMED (recollection only) and kept as the stricter numbers. Exactly 12 months sits in the " +
    "1:3 band. Mixed ages: youngest child (CFOC's rule is UNCONFIRMED; the majority-age rule of CFOC " +
    "Basics is looser). No nap relaxation (UNCONFIRMED). A reference standard, not a license.",
  asOf: "CFOC 1.1.1.2 as reproduced by childcare.gov (undated); CFOC Basics updated 6-3-2024 (not used)",
  programs: [
    {
      id: "center",
      label: "Center",
      bands: [
        {
          id: "infant",
          label: "Infants (birth–12 months)",
          minMonths: 0,
          maxMonths: 12,
          ratio: 3,
          maxGroup: 6,
          citation: table('younger than 12 months (CFOC: "birth–12 months") 1:3, group 6'),
          open: {
            reason:
              'CFOC 12-month boundary: "younger than 12 months" vs "birth–12 months"; a ' +
              "12-month-old is placed in the infant band (1:3, group 6), the stricter reading.",
          },
        },
        {
          id: "toddler",
          label: "Toddlers (13–35 months)",
          minMonths: 13,
          maxMonths: 35,
          ratio: 4,
          maxGroup: 8,
          citation: table("13–35 months 1:4, group 8"),
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 7,
          maxGroup: 14,
          citation: table("3 years 1:7, group 14"),
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 8,
          maxGroup: 16,
          citation: table("4 years 1:8, group 16"),
        },
        {
          id: "five_years",
          label: "5-year-olds",
          minMonths: 60,
          maxMonths: 71,
          ratio: 8,
          maxGroup: 16,
          citation: unconfirmed("5 years 1:8, group 16 (excerpt truncated)"),
          open: {
            reason:
              "CFOC 5 years: ratio 1:8 read, group size UNCONFIRMED (excerpt truncated); 16, the " +
              "number shown and equal to the 4-year group, is used.",
          },
        },
        {
          id: "six_to_eight_years",
          label: "School-age children (6–8 years)",
          minMonths: 72,
          maxMonths: 107,
          ratio: 10,
          maxGroup: 20,
          citation: unconfirmed("6–8 years 10:1, group 20 (recollection only)"),
          open: {
            reason:
              "CFOC 6–8 years is UNCONFIRMED (recollection only); the stricter numbers as written, " +
              "1:10 group 20, are used.",
          },
        },
        {
          id: "nine_to_twelve_years",
          label: "School-age children (9–12 years)",
          minMonths: 108,
          maxMonths: 155,
          ratio: 12,
          maxGroup: 24,
          citation: unconfirmed("9–12 years 12:1, group 24 (recollection only)"),
          open: {
            reason:
              "CFOC 9–12 years is UNCONFIRMED (recollection only); the stricter numbers as written, " +
              "1:12 group 24, are used.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "CFOC Standard 1.1.1.2 mixed-age provision: not retrieved",
          strength: "UNCONFIRMED",
          note:
            "Commonly cited (unverified): majority-age rule without infants/toddlers, the " +
            "infant/toddler ratio when they are present. CFOC Basics (P, ECLKC 6-3-2024): age of " +
            "the majority — a different document.",
        },
        open: {
          reason:
            "CFOC mixed ages UNCONFIRMED; the youngest child's ratio and group size are used, " +
            "stricter than the majority-age rule commonly cited.",
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
      source: "CFOC: who counts toward ratio not in the sources read",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "CFOC who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a " +
        "director only while engaged in care, volunteers do not count, and a group needs a " +
        "qualified caregiver.",
    },
  },
} satisfies RulePackInput;
