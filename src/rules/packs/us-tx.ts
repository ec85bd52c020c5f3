/**
 * @module rules/packs/us-tx
 * Texas licensed child-care centers: 26 TAC Ch. 746, Subchapter E. The ratio table is an "attached
 * graphic" missing from every official text retrieved, so the numbers are secondary (S×2). It is
 * the table for centers with 13 or more children in care. Numbers: shared/ratio-rules.md §2 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `26 TAC §746.1601 ratio table (13+ in care), ${row}; group size §746.1607/§746.1609`,
  strength: "S×2",
  note:
    "freezingblue flash cards quoting Minimum Standards; daycare.com forum chart. The official text " +
    "shows the table as an attached graphic, so S only. Group size is a hard ceiling: more " +
    "caregivers do not raise it (S, childcareratios.com).",
});

const thirteenPlus =
  "TX: this is the table for centers with 13 or more children in care; the table for 12 or fewer " +
  "is UNCONFIRMED and not encoded, so for a center with 12 or fewer in care these numbers may be " +
  "wrong in either direction. Verify.";

export const usTx = {
  code: "US-TX",
  name: "Texas (26 TAC Ch. 746 child-care centers)",
  summary:
    "Texas Minimum Standards for Child-Care Centers, ratio and group-size table for 13 or more " +
    "children in care (secondary copies of the 746.1601 table; the official table is an attached " +
    "graphic not read). Mixed ages: youngest child (the general rule is UNCONFIRMED; youngest is " +
    "the stricter reading); infants may not be grouped with children more than 18 months older " +
    "(746.1605, S), encoded only for band pairs that always break it. Opening and closing: 1:16 " +
    "for a group all 18 months and older in the 45 minutes after opening and before closing " +
    "(746.1615, applied when the center's hours are known). Not applied: combining groups for " +
    "meals/naps/outdoor play (746.1611), any nap relaxation (UNCONFIRMED).",
  asOf:
    "Ratio table from undated secondary copies; 26 TAC §746.1615 eff. 9-1-2003, reviewed 4-4-2024 " +
    "(tac-clone)",
  programs: [
    {
      id: "center",
      label: "Child-care center (13 or more in care)",
      bands: [
        {
          id: "infant_0_11m",
          label: "Infants (0–11 months)",
          minMonths: 0,
          maxMonths: 11,
          ratio: 4,
          maxGroup: 10,
          citation: table("0–11 months 1:4, group 10"),
          open: { reason: thirteenPlus },
        },
        {
          id: "infant_12_17m",
          label: "Infants (12–17 months)",
          minMonths: 12,
          maxMonths: 17,
          ratio: 5,
          maxGroup: 13,
          citation: table("12–17 months 1:5, group 13"),
          open: { reason: thirteenPlus },
        },
        {
          id: "toddler_18_23m",
          label: "Toddlers (18–23 months)",
          minMonths: 18,
          maxMonths: 23,
          ratio: 9,
          maxGroup: 18,
          citation: table("18–23 months 1:9, group 18"),
          open: { reason: thirteenPlus },
        },
        {
          id: "two_years",
          label: "2-year-olds",
          minMonths: 24,
          maxMonths: 35,
          ratio: 11,
          maxGroup: 22,
          citation: table("2 years 1:11, group 22"),
          open: { reason: thirteenPlus },
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 15,
          maxGroup: 30,
          citation: table("3 years 1:15, group 30"),
          open: { reason: thirteenPlus },
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 18,
          maxGroup: 35,
          citation: table("4 years 1:18, group 35"),
          open: { reason: thirteenPlus },
        },
        {
          id: "five_years",
          label: "5-year-olds",
          minMonths: 60,
          maxMonths: 71,
          ratio: 22,
          maxGroup: 35,
          citation: table("5 years 1:22, group 35"),
          open: { reason: thirteenPlus },
        },
        {
          id: "six_to_eight_years",
          label: "School-age children (6–8 years)",
          minMonths: 72,
          maxMonths: 107,
          ratio: 26,
          maxGroup: 35,
          citation: table("6–8 years 1:26, group 35"),
          open: { reason: thirteenPlus },
        },
        {
          id: "nine_to_thirteen_years",
          label: "School-age children (9–13 years)",
          minMonths: 108,
          maxMonths: 167,
          ratio: 26,
          maxGroup: 35,
          citation: table("9–13 years 1:26, group 35"),
          open: { reason: thirteenPlus },
        },
      ],
      mixedAge: {
        method: "youngest",
        // 746.1605 (S): an infant may be grouped with children 18 months and older only if the oldest
        // is at most 18 months older than the youngest: `infantSpread` checks the actual ages. The
        // pairs below break it for every pair of ages and name the bands in the reason.
        infantSpread: { infantMaxMonths: 17, maxSpreadMonths: 18 },
        forbiddenPairs: [
          ["infant_0_11m", "three_years"],
          ["infant_0_11m", "four_years"],
          ["infant_0_11m", "five_years"],
          ["infant_0_11m", "six_to_eight_years"],
          ["infant_0_11m", "nine_to_thirteen_years"],
          ["infant_12_17m", "three_years"],
          ["infant_12_17m", "four_years"],
          ["infant_12_17m", "five_years"],
          ["infant_12_17m", "six_to_eight_years"],
          ["infant_12_17m", "nine_to_thirteen_years"],
        ],
        citation: {
          source:
            "26 TAC §746.1605 (infants with children 18 months+ only if the oldest is ≤18 months " +
            "older than the youngest, 13+ in care); mixed-age general rule not found",
          strength: "UNCONFIRMED",
          note: "§746.1605 is S (flash cards); the general rule and the ratio of such groups are UNCONFIRMED.",
        },
        open: {
          reason:
            "TX mixed ages: no general rule found; the youngest child's band is used (stricter). " +
            "The 18-month age-spread limit for infants (§746.1605, S) is checked on the children's " +
            "actual ages; the ratio for a permitted infant/toddler group is UNCONFIRMED.",
        },
      },
      aides: null,
      // No nap relaxation: none was found (UNCONFIRMED), and the awake ratio is the stricter reading.
      nap: [],
    },
  ],
  openingClosing: [
    {
      windowMinutes: 45,
      minChildMonths: 18,
      ratio: 16,
      citation: {
        source:
          "26 TAC §746.1615: with 13 or more children in care, 1 caregiver : 16 children 18 months " +
          "and older during the 45 minutes after opening and the 45 minutes before closing; no " +
          "adjustment for children younger than 18 months",
        strength: "P",
        note: "tac-clone, eff. 9-1-2003, reviewed 4-4-2024. Used only where looser than the table.",
      },
      open: {
        reason:
          "TX opening/closing: 746.1615 gives a ratio only, so the table's group size still " +
          "applies; a group with any child under 18 months keeps the table's ratio for everyone; " +
          "like the table, it assumes 13 or more children in care.",
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
        "26 TAC Ch. 746: who counts toward ratio (minimum age, director, volunteers) not found",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "TX who counts is UNCONFIRMED: stricter readings taken — counted caregivers must be 18+, a " +
        "director counts only while engaged in care, volunteers do not count, and a group needs a " +
        "qualified caregiver.",
    },
  },
} satisfies RulePackInput;
