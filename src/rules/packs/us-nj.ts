/**
 * @module rules/packs/us-nj
 * New Jersey child care centers: N.J.A.C. 3A:52-4.3. Awake and rest ratios are regulation text;
 * group sizes, the mixed-age rule ((e)/(f)) and the third rest criterion ((d)3) were not read, so
 * they carry the stricter reading. Numbers: shared/ratio-rules-more.md §3 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const ratio = (row: string): Citation => ({
  source: `N.J.A.C. 3A:52-4.3(c): ${row}; maximum group size not read`,
  strength: "P",
  note: "casetext, current through Dec 2 2024. The ratio is P; the group size is UNCONFIRMED.",
});

const groupOpen = (ratioN: number) => ({
  reason:
    `NJ group size is UNCONFIRMED (not read); twice the ratio (${ratioN * 2}) is applied, the ` +
    "pattern of every state table read, and may over-report.",
});

export const usNj = {
  code: "US-NJ",
  name: "New Jersey (N.J.A.C. 3A:52 child care centers)",
  summary:
    "New Jersey child care centers (N.J.A.C. 3A:52-4.3, ratios read in the regulation text): under " +
    "18 months 1:4, 18 months to 2½ years 1:6, 2½ to 4 years 1:10, 4-year-olds 1:12, 5 and older " +
    "1:15. Group sizes are UNCONFIRMED and applied at twice the ratio. Mixed ages: the youngest " +
    "child's ratio and group size (the rule's (e)/(f) were not read; stricter). Not applied: the " +
    "rest/sleep ratios of (d) (under 18 months 1:10, 18 months–2½ years 1:12, 2½ and older 1:20, " +
    "with a staff member in the room and the awake ratio's staff readily accessible in the " +
    "facility) because the third criterion (d)3 was not read; and two staff on every trip (b) " +
    "(the room input has no trips).",
  asOf: "N.J.A.C. 3A:52-4.3 current through N.J.R. Vol. 56 No. 23 (Dec 2 2024), casetext",
  programs: [
    {
      id: "center",
      label: "Child care center",
      bands: [
        {
          id: "under_18_months",
          label: "Under 18 months",
          minMonths: 0,
          maxMonths: 17,
          ratio: 4,
          maxGroup: 8,
          citation: ratio("under 18 months 1:4"),
          open: groupOpen(4),
        },
        {
          id: "eighteen_to_29_months",
          label: "18 months up to 2½ years",
          minMonths: 18,
          maxMonths: 29,
          ratio: 6,
          maxGroup: 12,
          citation: ratio("18 months up to 2 1/2 years 1:6"),
          open: groupOpen(6),
        },
        {
          id: "thirty_to_47_months",
          label: "2½ years up to 4 years",
          minMonths: 30,
          maxMonths: 47,
          ratio: 10,
          maxGroup: 20,
          citation: ratio("2 1/2 years up to 4 years 1:10"),
          open: groupOpen(10),
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 12,
          maxGroup: 24,
          citation: ratio("4 years 1:12"),
          open: groupOpen(12),
        },
        {
          id: "five_and_older",
          label: "5 years and older",
          minMonths: 60,
          maxMonths: null,
          ratio: 15,
          maxGroup: 30,
          citation: ratio("5 years and older 1:15"),
          open: groupOpen(15),
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "N.J.A.C. 3A:52-4.3(e)–(f) (mixed ages) — not read",
          strength: "UNCONFIRMED",
        },
        open: {
          reason:
            "NJ mixed ages are UNCONFIRMED: the youngest child's ratio and group size are applied " +
            "(the stricter reading).",
        },
      },
      aides: null,
      // 3A:52-4.3(d) (P) gives rest ratios under three criteria; (d)3 was truncated in the copy
      // read, so no relaxation is applied: a criterion not checked could make an "ok" wrong.
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
      source: "N.J.A.C. 3A:52-4: minimum staff age, volunteers and director counting — not read",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "NJ who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a director " +
        "only while engaged in care, volunteers do not count, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
