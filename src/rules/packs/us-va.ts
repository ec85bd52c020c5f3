/**
 * @module rules/packs/us-va
 * Virginia licensed child day centers: 8VAC20-780-350. The structure, age groups (8VAC20-780-10)
 * and mixed-age rule are regulation text; the table cells were empty in the copy read, so the
 * ratios come from the predecessor rule and a quotation of the current table (S×2) and the group
 * sizes are UNCONFIRMED. School-age groups have no group size ((E), P) and form their own program.
 * A rewrite (8VAC20-781) was proposed in Dec 2025. Numbers: shared/ratio-rules-more.md §5 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `8VAC20-780-350(A)–(B) tables: ${row}`,
  strength: "S×2",
  note:
    "Age groups P (8VAC20-780-10). Ratio values from the predecessor 22VAC40-185-350(E) (varules) " +
    "and a 2026 Town Hall comment quoting the current table; the law.lis page's cells were empty.",
});

const group = (n: number) => ({
  reason:
    `VA group size: Table 1 exists but its values were not read (UNCONFIRMED); twice the ratio ` +
    `(${n}) is applied and may over-report.`,
});

const mixed: Citation = {
  source:
    "8VAC20-780-350(C): in ongoing mixed age groups the ratio and group size of the youngest " +
    "child apply to the whole group",
  strength: "P",
  note: "law.lis.virginia.gov.",
};

export const usVa = {
  code: "US-VA",
  name: "Virginia (8VAC20-780 licensed child day centers)",
  summary:
    "Virginia licensed child day centers (8VAC20-780-350; ratios S×2, structure P): birth to 16 " +
    "months 1:4, 16–23 months 1:5, 2-year-olds 1:8, 3 years to school-age eligibility 1:10; " +
    "school-age (own program, no group size by (E)): to 9 years 1:18, 9–12 years 1:20. Group sizes " +
    "below school age are UNCONFIRMED and applied at twice the ratio. Mixed ages: the youngest " +
    "child's ratio and group size ((C), P). Not applied (the stricter reading stands): no group " +
    "size during rest, outdoor activity, trips, meals or special activities; the doubled rest-period ratio of the predecessor rule (current wording " +
    "UNCONFIRMED). Applied: no group size in the first and last hour when the center is open more " +
    "than six hours ((D)(5)), when the center's opening hours are known. Re-check when 8VAC20-781 " +
    "takes effect.",
  asOf:
    "8VAC20-780-350 and -10 (law.lis.virginia.gov, table cells empty); 22VAC40-185-350 (varules); " +
    "proposed 8VAC20-781 in Va. Reg. Vol. 42 Iss. 8 (Dec 1 2025)",
  programs: [
    {
      id: "early_childhood",
      label: "Infant, toddler and preschool groups",
      bands: [
        {
          id: "infant",
          label: "Infants (birth to 16 months)",
          minMonths: 0,
          maxMonths: 15,
          ratio: 4,
          maxGroup: 8,
          citation: table("birth up to 16 months 1:4"),
          open: group(8),
        },
        {
          id: "toddler",
          label: "Toddlers (16 months up to 2 years)",
          minMonths: 16,
          maxMonths: 23,
          ratio: 5,
          maxGroup: 10,
          citation: table("16 months up to 24 months 1:5"),
          open: group(10),
        },
        {
          id: "two_years",
          label: "2-year-olds",
          minMonths: 24,
          maxMonths: 35,
          ratio: 8,
          maxGroup: 16,
          citation: table("2 year olds 1:8"),
          open: group(16),
        },
        {
          id: "three_to_school_age",
          label: "3 years up to school-age eligibility",
          minMonths: 36,
          maxMonths: 71,
          ratio: 10,
          maxGroup: 20,
          citation: table("3 year olds up to school age eligible 1:10"),
          open: {
            reason:
              `${group(20).reason} School-age eligibility (five by September 30) is a date, not an ` +
              "age: up to 71 months is used, so a kindergartner is held to 1:10 unless the room " +
              "names the school-age program.",
          },
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: mixed },
      aides: null,
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age groups",
      bands: [
        {
          id: "school_age_under_9",
          label: "School-age eligible up to 9 years",
          minMonths: 60,
          maxMonths: 107,
          ratio: 18,
          maxGroup: null,
          citation: table("school age eligible up to 9 years 1:18; no group size (E)"),
          open: {
            reason:
              "VA school-age up to 9: the predecessor rule's 1:18 is applied; the quoted current " +
              "table may list 1:20 (UNCONFIRMED, 1:18 is stricter). Eligibility read as 60 months.",
          },
        },
        {
          id: "school_age_9_12",
          label: "School-age 9 through 12 years",
          minMonths: 108,
          maxMonths: 155,
          ratio: 20,
          maxGroup: null,
          citation: table("9 years through 12 years 1:20; no group size (E)"),
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [], citation: mixed },
      aides: null,
      nap: [],
    },
  ],
  openingClosing: [
    {
      windowMinutes: 60,
      minOpenMinutes: 361,
      waiveGroupSize: true,
      citation: {
        source:
          "8VAC20-780-350(D)(5): group size limits do not apply during the first and last hour of " +
          "operation of a center open more than six hours a day",
        strength: "P",
        note: "Ratios still apply.",
      },
      open: {
        reason:
          "VA first/last hour: applied only when the center's opening hours give both the minutes " +
          "since opening and until closing (the day must be over six hours).",
      },
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
        "8VAC20-780: who counts toward ratio not read (the predecessor 22VAC40-185-350(A) counted " +
        "staff only while directly supervising children)",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "VA who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a director " +
        "only while engaged in care, volunteers do not count, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
