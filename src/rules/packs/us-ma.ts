/**
 * @module rules/packs/us-ma
 * Massachusetts large group and school age child care: 606 CMR 7.10. Who counts (7.10(3)) and the
 * half-day preschool row (7.10(9)(b)4) are regulation text; the main table is secondary and its
 * school-age rows were not found, so those bands are open. Numbers: shared/ratio-rules-more.md §8.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `606 CMR 7.10(9) large group table: ${row}`,
  strength: "S",
  note: "Secondary summary of the table; 7.10 (casetext, current through Dec 6 2024) was read only to 7.10(4).",
});

const secondary = "MA: main table from a secondary source only; verify against 606 CMR 7.10(9).";

const mixed: Citation = {
  source:
    "606 CMR 7.10(4) multi-age grouping tables (read in part); general mixed-age rule for large " +
    "group care — not read",
  strength: "UNCONFIRMED",
};

export const usMa = {
  code: "US-MA",
  name: "Massachusetts (606 CMR 7.00 large group and school age child care)",
  summary:
    "Massachusetts large group child care (606 CMR 7.10): infants 1:3 group 7, toddlers 1:4 group " +
    "9, preschoolers (33 months to school age) 1:10 group 20 (secondary; the 15- and 33-month " +
    "boundaries sit in the younger row); half-day preschool program 1:12 group 24 (7.10(9)(b)4, P, " +
    "named programs only); school-age rows UNCONFIRMED and held to the preschool numbers. Mixed " +
    "ages: the youngest child's ratio and group size; the multi-age grouping tables of 7.10(4) " +
    "(e.g. at most three children under two with one educator) are not applied. Who counts: " +
    "EEC-qualified staff assigned to the children (7.10(3), P); volunteers and interns count only " +
    "at 16+ after three months' assignment, which the room input cannot tell, so they do not.",
  asOf:
    "606 CMR 7.10 current through Mass. Reg. 1536 (Dec 6 2024), casetext/justia; mass.gov half-day " +
    "ratio policy (updated 2010)",
  programs: [
    {
      id: "center",
      label: "Large group child care",
      bands: [
        {
          id: "infant",
          label: "Infants (birth to 15 months)",
          minMonths: 0,
          maxMonths: 15,
          ratio: 3,
          maxGroup: 7,
          citation: table("infants birth–15 months 1:3, group 7"),
          open: {
            reason: `${secondary} 15 months sits in the infant and toddler rows; the infant row is applied.`,
          },
        },
        {
          id: "toddler",
          label: "Toddlers (16–33 months)",
          minMonths: 16,
          maxMonths: 33,
          ratio: 4,
          maxGroup: 9,
          citation: table("toddlers 15–33 months 1:4, group 9"),
          open: {
            reason: `${secondary} 33 months sits in the toddler and preschool rows; the toddler row is applied.`,
          },
        },
        {
          id: "preschool",
          label: "Preschoolers (34 months to school age)",
          minMonths: 34,
          maxMonths: 83,
          ratio: 10,
          maxGroup: 20,
          citation: table("preschool 33 months–kindergarten 1:10, group 20"),
          open: {
            reason:
              `${secondary} School age is kindergarten entry (a grade); up to 83 months is used, ` +
              "so a kindergartner is held to 1:10 unless the room names the school-age program.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: mixed,
        open: {
          reason:
            "MA mixed ages: the general rule is UNCONFIRMED; the youngest child's ratio and group " +
            "size are applied, and the 7.10(4) multi-age tables are not.",
        },
      },
      aides: null,
      nap: [],
    },
    {
      id: "half_day_preschool",
      label: "Half-day preschool (4 hours or less, separate space and staff)",
      bands: [
        {
          id: "half_day_preschool",
          label: "Preschoolers in a half-day program (33 months to school age)",
          minMonths: 33,
          maxMonths: 83,
          ratio: 12,
          maxGroup: 24,
          citation: {
            source:
              "606 CMR 7.10(9)(b)4: preschoolers 33 months to school age, half-day program, group " +
              "24, 1:12, at least one preschool teacher",
            strength: "P",
            note: "Quoted on the mass.gov half-day ratio policy page; only for a half-day component in separate space with its own staff.",
          },
          open: {
            reason:
              "MA half-day: school age read as up to 83 months; the room must name this program, " +
              "and only a half-day component meeting the policy's conditions may.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: { source: "606 CMR 7.10(9)(b)4 (one age group)", strength: "P" },
      },
      aides: null,
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age groups",
      bands: [
        {
          id: "school_age",
          label: "School-age children (kindergarten to 13 years)",
          minMonths: 60,
          maxMonths: 167,
          ratio: 10,
          maxGroup: 20,
          citation: {
            source: "606 CMR 7.10(9): kindergarten and school-age rows — not read",
            strength: "UNCONFIRMED",
          },
          open: {
            reason:
              "MA school-age ratio and group size are UNCONFIRMED; the preschool numbers (1:10, " +
              "group 20) are applied as the stricter reading. 60–167 months used.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: mixed,
        open: { reason: "MA mixed ages are UNCONFIRMED: the youngest child's numbers apply." },
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
      source:
        "606 CMR 7.10(3)(a): only EEC-qualified persons assigned to care for children for specific " +
        "hours; (b): volunteers and student interns only if 16+ and assigned at least three months",
      strength: "P",
      note: "casetext, current through Dec 6 2024. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "MA: volunteers and interns 16+ assigned three months or more count (7.10(3)(b)), but the " +
        "room input cannot say so: no volunteer counts and only staff 18+ count (stricter); a " +
        "director counts only while engaged in care, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
