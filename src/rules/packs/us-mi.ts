/**
 * @module rules/packs/us-mi
 * Michigan child care centers: R 400.8101 ff. (age groups and the 17-year-old aide are regulation
 * text); the ratio rule (R 400.8182, renumbered R 400.8222 under MiLEAP in 2025) was read only in
 * secondary sources, and its newer group sizes not at all, so every band is open. School-age is
 * defined by kindergarten eligibility and forms its own program. Numbers:
 * shared/ratio-rules-more.md §7 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string, strength: "S" | "UNCONFIRMED" = "S"): Citation => ({
  source: `Mich. Admin. Code R 400.8182 (now R 400.8222): ${row}`,
  strength,
  note: "wonderschool Michigan guide and mybrightwheel (S); age groups from R 400.8101(d) (P, LARA PDF).",
});

const secondary =
  "MI: ratio table from secondary sources only; verify against R 400.8222. One undated guide " +
  "(mybrightwheel) lists 1:8 for 30 months to 5 years under the 2025 rules, but its table " +
  "contradicts itself; the older rule (1:10 at 3, 1:12 at 4, S×2) is kept.";

export const usMi = {
  code: "US-MI",
  name: "Michigan (R 400.81xx child care centers)",
  summary:
    "Michigan child care centers (R 400.8182, now R 400.8222; secondary sources only for the " +
    "numbers): birth to 30 months 1:4 group 12, 30–35 months 1:8 group 16, 3-year-olds 1:10 group " +
    "30; 4 years to kindergarten eligibility 1:12 (an older rule, S) with group 24 (UNCONFIRMED); " +
    "school-age (own program) UNCONFIRMED and held to 1:12 group 24. Mixed ages: the youngest " +
    "child's ratio and group size (UNCONFIRMED, stricter). Staff: a child care aide is 17 and may " +
    "never supervise alone (R 400.8101, P); only staff 18+ count. No nap relaxation (UNCONFIRMED).",
  asOf:
    "R 400.8101 definitions (LARA/MiLEAP PDF); ratio numbers from undated secondary guides; " +
    "R 400.8182 amended after RFR 2022-1 (group sizes for 3 and older) and renumbered in 2025",
  programs: [
    {
      id: "early_childhood",
      label: "Infant, toddler and preschool groups",
      bands: [
        {
          id: "infant_toddler",
          label: "Infants and toddlers (birth to 30 months)",
          minMonths: 0,
          maxMonths: 29,
          ratio: 4,
          maxGroup: 12,
          citation: table("birth until 30 months 1:4, group 12"),
          open: { reason: secondary },
        },
        {
          id: "thirty_to_35_months",
          label: "Preschoolers (30 months to 3 years)",
          minMonths: 30,
          maxMonths: 35,
          ratio: 8,
          maxGroup: 16,
          citation: table("30 months until 3 years 1:8, group 16"),
          open: { reason: secondary },
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 10,
          maxGroup: 30,
          citation: {
            source: "Mich. Admin. Code R 400.8182 (now R 400.8222): 3 until 4 years 1:10, group 30",
            strength: "S×2",
            note: "1:10 also in the pre-2014 rule (R 400.5105, quoted by a law firm's blog); group 30 wonderschool only.",
          },
          open: { reason: secondary },
        },
        {
          id: "four_to_kindergarten",
          label: "4 years to kindergarten eligibility",
          minMonths: 48,
          maxMonths: 71,
          ratio: 12,
          maxGroup: 24,
          citation: table(
            "4 years until kindergarten eligibility: 1:12 in the pre-2014 rule (S); current ratio and group size not retrieved",
            "UNCONFIRMED",
          ),
          open: {
            reason:
              "MI 4 years to kindergarten: current ratio and group size UNCONFIRMED; the older " +
              "rule's 1:12 and twice that as group size (24) are applied — smaller than the " +
              "3-year-olds' 30, so the stricter reading. Kindergarten eligibility read as 71 months.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "Mich. Admin. Code R 400.8182/8222: mixed-age rule — not read",
          strength: "UNCONFIRMED",
        },
        open: {
          reason:
            "MI mixed ages are UNCONFIRMED: the youngest child's ratio and group size are applied " +
            "(the stricter reading).",
        },
      },
      aides: null,
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age groups (kindergarten eligible to 12 years)",
      bands: [
        {
          id: "school_age",
          label: "School-age children",
          minMonths: 60,
          maxMonths: 155,
          ratio: 12,
          maxGroup: 24,
          citation: table("school-age ratio and group size — not retrieved", "UNCONFIRMED"),
          open: {
            reason:
              "MI school-age ratio and group size are UNCONFIRMED; the 4-year-old reading (1:12, " +
              "group 24) is applied as the stricter one. School-age = kindergarten eligible to " +
              "under 13 (R 400.8101(d), P); 60–155 months used.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "Mich. Admin. Code R 400.8182/8222: mixed-age rule — not read",
          strength: "UNCONFIRMED",
        },
        open: { reason: "MI mixed ages are UNCONFIRMED: the youngest child's numbers apply." },
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
        "Mich. Admin. Code R 400.8101: 'adult' is 18+; a 'child care aide' is 17 and shall not " +
        "provide unsupervised care",
      strength: "P",
      note: "LARA/MiLEAP admin code PDF. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "MI: whether a 17-year-old aide counts toward ratio while supervised is UNCONFIRMED (not " +
        "counted: only staff 18+); volunteers, director counting and the qualified-teacher " +
        "requirement are UNCONFIRMED and take the stricter readings.",
    },
  },
} satisfies RulePackInput;
