/**
 * @module rules/packs/naeyc
 * NAEYC Early Learning Program Accreditation, "Staff-to-Child Ratio and Class Size" (©2018, read in
 * a verbatim secondary copy). A reference pack, not a license. NAEYC's age categories overlap
 * (12–15 and 30–36 months); each overlap sits in the younger, stricter category. Kindergarten and
 * school-age classes are defined by enrollment, so they are programs of their own. Numbers:
 * shared/ratio-rules.md §8 only (the superseded 2013 table is not used).
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `NAEYC Staff-to-Child Ratio and Class Size (2018): ${row}`,
  strength: "S",
  note: "Verbatim copy on scribd (document 565545334).",
});

const youngest: Citation = {
  source:
    "NAEYC Staff-to-Child Ratio and Class Size (2018): mixed-age classes rated by the youngest age category present",
  strength: "S",
};

export const naeyc = {
  code: "NAEYC",
  name: "NAEYC Early Learning Program Accreditation (2018 ratios and class sizes)",
  summary:
    "NAEYC accreditation (2018 table, secondary copy): infants 1:4 class 8, toddlers/twos 1:6 " +
    "class 12, preschool 1:10 class 20, kindergarten 1:12 class 24, school-age (school-age " +
    "accreditation, K–3rd grade) 1:15 class 30. The overlapping age categories are resolved to the " +
    "younger: 12–15 months are infants, 30–36 months toddlers/twos. Mixed ages: the youngest " +
    "category present. Not applied: NAEYC does not rate class size outdoors (the evaluator does not " +
    "know the room is outdoors, so class size is always checked). A reference standard: the state " +
    "licensing pack governs legally.",
  asOf: "NAEYC Staff-to-Child Ratio and Class Size ©2018 (scribd copy)",
  programs: [
    {
      id: "early_learning",
      label: "Early learning (infant, toddler/two, preschool)",
      bands: [
        {
          id: "infant",
          label: "Infants (birth–15 months)",
          minMonths: 0,
          maxMonths: 15,
          ratio: 4,
          maxGroup: 8,
          citation: table("Infant, birth – 15 months, 1:4, max class size 8"),
          open: {
            reason:
              "NAEYC infant (birth–15 months) and toddler/two (12–36 months) overlap at 12–15 " +
              "months; those months are placed with infants (1:4, class 8), the stricter category.",
          },
        },
        {
          id: "toddler_two",
          label: "Toddlers and twos (16–36 months)",
          minMonths: 16,
          maxMonths: 36,
          ratio: 6,
          maxGroup: 12,
          citation: table("Toddler/Two, 12 – 36 months, 1:6, max class size 12"),
          open: {
            reason:
              "NAEYC toddler/two (12–36 months) and preschool (30 months–5 years) overlap at 30–36 " +
              "months; those months are placed with toddlers/twos (1:6, class 12), the stricter " +
              "category.",
          },
        },
        {
          id: "preschool",
          label: "Preschoolers (37 months–5 years)",
          minMonths: 37,
          maxMonths: 71,
          ratio: 10,
          maxGroup: 20,
          citation: table("Preschool, 30 months – 5 years, 1:10, max class size 20"),
          open: {
            reason:
              'NAEYC preschool runs to "5 years": read as through age 5 (71 months), so with no ' +
              "program named a class of 5-year-olds is held to 1:10 rather than the kindergarten 1:12.",
          },
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: youngest },
      aides: null,
      nap: [],
    },
    {
      id: "kindergarten",
      label: "Kindergarten",
      bands: [
        {
          id: "kindergarten",
          label: "Kindergartners",
          minMonths: 60,
          maxMonths: 83,
          ratio: 12,
          maxGroup: 24,
          citation: table(
            "Kindergarten, enrolled in public/private kindergarten, 1:12, max class size 24",
          ),
          open: {
            reason:
              "NAEYC kindergarten is defined by enrollment, not age; 60–83 months (5–6 years) used, " +
              "so another age in a kindergarten class is reported as outside every band.",
          },
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: youngest },
      aides: null,
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age (school-age accreditation)",
      bands: [
        {
          id: "school_age",
          label: "School-age children (kindergarten–3rd grade)",
          minMonths: 60,
          maxMonths: 119,
          ratio: 15,
          maxGroup: 30,
          citation: table(
            "School-age (school-age accreditation only), K – 3rd grade, 1:15, max class size 30",
          ),
          open: {
            reason:
              "NAEYC school-age (K–3rd grade) is defined by grade; 60–119 months used, so an older " +
              "child is reported as outside every band.",
          },
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: youngest },
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
      source: "NAEYC accreditation: who counts toward ratio not in the sources read",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "NAEYC who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a " +
        "director only while engaged in care, volunteers do not count, and a class needs a " +
        "qualified teacher.",
    },
  },
} satisfies RulePackInput;
