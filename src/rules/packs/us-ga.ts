/**
 * @module rules/packs/us-ga
 * Georgia child care learning centers: Ga. Comp. R. & Regs. 591-1-1-.32. No official text was
 * read: every number is secondary (S×3 to age 3, S×2 above), so every band is open. Numbers:
 * shared/ratio-rules-more.md §6 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string, strength: "S×2" | "S×3"): Citation => ({
  source: `Ga. Comp. R. & Regs. 591-1-1-.32(1): ${row}`,
  strength,
  note: "DECAL 'select rules for infant-toddler classrooms' sheet, childcareed, hellosubs; the rule text was not read.",
});

const secondary =
  "GA: secondary sources only (the rule text was not read); verify against 591-1-1-.32.";

export const usGa = {
  code: "US-GA",
  name: "Georgia (591-1-1 child care learning centers)",
  summary:
    "Georgia child care learning centers (591-1-1-.32, from secondary sources only — nothing here " +
    "is confirmed from the rule text): infants 1:6 group 12, walking 1-year-olds 1:8 group 16, " +
    "2-year-olds 1:10 group 20, 3-year-olds 1:15 group 30, 4-year-olds 1:18 group 36, 5-year-olds " +
    "1:20 group 40, 6 and older 1:25 group 50. Walking status is not in the room input, so every " +
    "child under 18 months is held to the infant row. Mixed ages: the youngest child's ratio and " +
    "group size (UNCONFIRMED, stricter). Not applied: no group size on the playground, in special " +
    "activities of two hours or less, or in centers licensed for 18 or fewer (S). No nap relaxation " +
    "(UNCONFIRMED).",
  asOf: "Secondary sources only (DECAL select-rules sheet, undated; childcareed; hellosubs)",
  programs: [
    {
      id: "center",
      label: "Child care learning center",
      bands: [
        {
          id: "infant",
          label: "Infants (under 18 months, taken as not walking)",
          minMonths: 0,
          maxMonths: 17,
          ratio: 6,
          maxGroup: 12,
          citation: table(
            "infants under one year, or under 18 months and not walking, 1:6, group 12",
            "S×3",
          ),
          open: {
            reason:
              `${secondary} A 12–17-month-old who walks is in the 1:8 row; walking is not in the ` +
              "room input, so every child under 18 months is held to 1:6, group 12.",
          },
        },
        {
          id: "one_year",
          label: "1-year-olds (18–23 months)",
          minMonths: 18,
          maxMonths: 23,
          ratio: 8,
          maxGroup: 16,
          citation: table("one-year-olds who are walking 1:8, group 16", "S×3"),
          open: { reason: secondary },
        },
        {
          id: "two_years",
          label: "2-year-olds",
          minMonths: 24,
          maxMonths: 35,
          ratio: 10,
          maxGroup: 20,
          citation: table("two-year-olds 1:10, group 20", "S×3"),
          open: { reason: secondary },
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 15,
          maxGroup: 30,
          citation: table("three-year-olds 1:15, group 30", "S×3"),
          open: { reason: secondary },
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 18,
          maxGroup: 36,
          citation: table("four-year-olds 1:18, group 36", "S×2"),
          open: { reason: secondary },
        },
        {
          id: "five_years",
          label: "5-year-olds",
          minMonths: 60,
          maxMonths: 71,
          ratio: 20,
          maxGroup: 40,
          citation: table("five-year-olds 1:20, group 40", "S×2"),
          open: { reason: secondary },
        },
        {
          id: "six_and_older",
          label: "6 years and older",
          minMonths: 72,
          maxMonths: null,
          ratio: 25,
          maxGroup: 50,
          citation: table("six years and older 1:25, group 50", "S×2"),
          open: { reason: secondary },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "Ga. Comp. R. & Regs. 591-1-1-.32: mixed-age rule for centers — not found",
          strength: "UNCONFIRMED",
          note: "A secondary page describes youngest-under-3 / majority-over-3 for group homes only.",
        },
        open: {
          reason:
            "GA mixed ages are UNCONFIRMED for centers: the youngest child's ratio and group size " +
            "are applied (the stricter reading).",
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
      source: "591-1-1: who counts toward ratio — not read (591-1-1-.02(a): adult = 18+, S)",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "GA who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a director " +
        "only while engaged in care, volunteers do not count, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
