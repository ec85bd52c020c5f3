/**
 * @module rules/packs/us-nc
 * North Carolina child care centers: 10A NCAC 09 .0713 (regulation text read). The table's rows
 * share their end points ("0 to 12 months", "12 to 24 months", …), so each shared month is a
 * one-month band holding the younger, stricter row's numbers; that also lets the grouping limits
 * of .0713(a)(5)–(6) name exactly the children they are about. Numbers:
 * shared/ratio-rules-more.md §2 only.
 */
import type { Band, Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `10A NCAC 09 .0713 table (single-age groups): ${row}`,
  strength: "P",
  note: "print.casetext, current through Nov 1 2024.",
});

const rows = {
  infant: "0 to 12 months 1/5, group 10",
  young: "12 to 24 months 1/6, group 12",
  two: "2 to 3 years 1/10, group 20",
  three: "3 to 4 years 1/15, group 25",
  four: "4 to 5 years 1/20, group 25",
  five: "5 years and older 1/25, group 25",
};

/** A month that ends one row and starts the next: held to the younger row. */
const edge = (
  id: string,
  months: number,
  ratio: number,
  maxGroup: number,
  younger: string,
  older: string,
): Band => ({
  id,
  label: `Children of exactly ${months} months`,
  minMonths: months,
  maxMonths: months,
  ratio,
  maxGroup,
  citation: table(`${younger} / ${older}`),
  open: {
    reason:
      `NC rows overlap at ${months} months ("${younger.split(" 1/")[0]}" and "${older.split(" 1/")[0]}"); ` +
      "the younger, stricter row is applied (UNCONFIRMED which row the rule means).",
  },
});

const bands: Band[] = [
  {
    id: "infant",
    label: "Infants (under 12 months)",
    minMonths: 0,
    maxMonths: 11,
    ratio: 5,
    maxGroup: 10,
    citation: table(rows.infant),
  },
  edge("twelve_months", 12, 5, 10, rows.infant, rows.young),
  {
    id: "one_year",
    label: "1-year-olds (13–23 months)",
    minMonths: 13,
    maxMonths: 23,
    ratio: 6,
    maxGroup: 12,
    citation: table(rows.young),
  },
  edge("twenty_four_months", 24, 6, 12, rows.young, rows.two),
  {
    id: "two_years",
    label: "2-year-olds (25–35 months)",
    minMonths: 25,
    maxMonths: 35,
    ratio: 10,
    maxGroup: 20,
    citation: table(rows.two),
  },
  edge("thirty_six_months", 36, 10, 20, rows.two, rows.three),
  {
    id: "three_years",
    label: "3-year-olds (37–47 months)",
    minMonths: 37,
    maxMonths: 47,
    ratio: 15,
    maxGroup: 25,
    citation: table(rows.three),
  },
  edge("forty_eight_months", 48, 15, 25, rows.three, rows.four),
  {
    id: "four_years",
    label: "4-year-olds (49–59 months)",
    minMonths: 49,
    maxMonths: 59,
    ratio: 20,
    maxGroup: 25,
    citation: table(rows.four),
  },
  edge("sixty_months", 60, 20, 25, rows.four, rows.five),
  {
    id: "five_and_older",
    label: "5 years and older",
    minMonths: 61,
    maxMonths: null,
    ratio: 25,
    maxGroup: 25,
    citation: table(rows.five),
  },
];

const under1 = ["infant"];
/** "Two years and older": every band from 24 months up. */
const twoAndOlder = bands.filter((b) => b.minMonths >= 24).map((b) => b.id);
/** "12 to 24 months" (both end points: the stricter reading of the grouping limit). */
const twelveTo24 = ["twelve_months", "one_year", "twenty_four_months"];
/** Not "under 3": 36 months and up. */
const threeAndOlder = bands.filter((b) => b.minMonths >= 36).map((b) => b.id);

const pairs = (as: string[], bs: string[]): [string, string][] =>
  as.flatMap((a) => bs.map((b): [string, string] => [a, b]));

export const usNc = {
  code: "US-NC",
  name: "North Carolina (10A NCAC 09 child care centers)",
  summary:
    "North Carolina child care centers (10A NCAC 09 .0713, regulation text read): under 12 months " +
    "1/5 group 10, 12–24 months 1/6 group 12, 2-year-olds 1/10 group 20, 3-year-olds 1/15 group " +
    "25, 4-year-olds 1/20 group 25, 5 and older 1/25 group 25; a child exactly 12, 24, 36, 48 or 60 " +
    "months old is held to the younger row. Mixed ages: the youngest child's ratio (.0713(a)(1)) and " +
    "group size (UNCONFIRMED, stricter); under-1s never with children 2 and older (a)(5); 12–24-month-" +
    "olds not with children 3 and older (a)(6). Not applied (the stricter reading stands): all ages " +
    "together in the first and last operating hour at the youngest child's ratio ((a)(2): cited, " +
    "waiting for the center's opening hours), a child 2+ placed with infants on a physician's " +
    "certificate (a)(3), one child per group placed one age level up without changing its ratio " +
    "(a)(4), and the stricter enhanced ratios of star-rated licenses (.2818; the rating is not in " +
    "the room input). No nap relaxation (not read).",
  asOf: "10A NCAC 09 .0713 current through Nov 1 2024 (print.casetext)",
  programs: [
    {
      id: "center",
      label: "Child care center",
      bands,
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [...pairs(under1, twoAndOlder), ...pairs(twelveTo24, threeAndOlder)],
        citation: {
          source:
            "10A NCAC 09 .0713(a)(1) (ratio of the youngest child for the whole group), (a)(5) " +
            "(under one year kept separate from children two and older), (a)(6) (12–24 months not " +
            "grouped with older children unless all are under three)",
          strength: "P",
        },
        open: {
          reason:
            "NC mixed ages: the group size of a mixed group is UNCONFIRMED (the rule speaks of " +
            "ratio); the youngest child's group size is applied. The first/last-hour all-ages " +
            "grouping (a)(2), the physician-certified placement (a)(3) and the one-child-up " +
            "placement (a)(4) are not applied.",
        },
      },
      aides: null,
      nap: [],
    },
  ],
  openingClosing: [
    {
      windowMinutes: 60,
      waiveForbiddenPairs: true,
      citation: {
        source:
          "10A NCAC 09 .0713(a)(2): children of all ages may be grouped together during the first " +
          "and last operating hour of the day",
        strength: "P",
        note: "Ratio and group size stay the youngest child's (.0713(a)(1)).",
      },
      open: {
        reason:
          "NC first/last hour: applied only when the center's opening hours give the minutes since " +
          "opening or until closing; otherwise the grouping limits hold all day.",
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
      source: "10A NCAC 09: minimum staff age, volunteers and director counting — not read",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "NC who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a director " +
        "only while engaged in care, volunteers do not count, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
