/**
 * @module rules/packs/us-il
 * Illinois day care centers: 89 Ill. Adm. Code 407.190 (Grouping and Staffing), regulation text
 * read (ilrules.elaws.us, "latest version", crawl date unknown). Early childhood and school-age
 * groups are separate programs because the school-age row is defined by kindergartners being
 * present, not by age. Numbers: shared/ratio-rules.md §6 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `89 Ill. Adm. Code 407.190(a): ${row}`,
  strength: "P",
  note: "ilrules.elaws.us latest version (crawl date unknown; check ilga.gov for amendments).",
});

const fiveRow = "Five years (preschool, not in kindergarten) 1:20, group 20";

export const usIl = {
  code: "US-IL",
  name: "Illinois (89 Ill. Adm. Code 407 day care centers)",
  summary:
    "Illinois day care centers (89 Ill. Adm. Code 407.190, regulation text read): infants 1:4 " +
    "group 12, toddlers 1:5 group 15, 2-year-olds 1:8 group 16, 3- and 4-year-olds 1:10 group 20, " +
    "5-year-olds (preschool) 1:20 group 20; school-age groups with kindergartners 1:20 group 30. " +
    "Mixed ages: the youngest child's ratio and group size, and only the combinations 407.190(d) " +
    "allows (infants–2-year-olds; 2- through 5-year-olds; 4- through 6-year-olds); all ages " +
    "together in the first and last hour of a day of 10 hours or more (407.190(d)(4), applied " +
    "when the center's hours are known). A qualified teacher with an assistant may have a group " +
    "of up to 30 when every child is 5 or older (407.190(b)). No nap relaxation (UNCONFIRMED).",
  asOf: "89 Ill. Adm. Code 407.190 'latest version' on ilrules.elaws.us (crawl date unknown); 407.350 (ilga.gov)",
  programs: [
    {
      id: "early_childhood",
      label: "Early childhood (preschool-age groups)",
      bands: [
        {
          id: "infant",
          label: "Infants (6 weeks–14 months)",
          minMonths: 0,
          maxMonths: 14,
          ratio: 4,
          maxGroup: 12,
          citation: table("Infants (6 weeks – 14 months) 1:4, group 12"),
          open: {
            reason:
              "IL infant band starts at 6 weeks, which falls inside month 1; months 0–1 are placed " +
              "in the infant band (1:4, group 12, the strictest IL numbers) rather than left uncovered.",
          },
        },
        {
          id: "toddler",
          label: "Toddlers (15–23 months)",
          minMonths: 15,
          maxMonths: 23,
          ratio: 5,
          maxGroup: 15,
          citation: table("Toddlers (15 – 23 months) 1:5, group 15"),
        },
        {
          id: "two_years",
          label: "2-year-olds",
          minMonths: 24,
          maxMonths: 35,
          ratio: 8,
          maxGroup: 16,
          citation: table("Two years 1:8, group 16"),
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 36,
          maxMonths: 47,
          ratio: 10,
          maxGroup: 20,
          citation: table("Three years 1:10, group 20"),
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 10,
          maxGroup: 20,
          citation: table("Four years 1:10, group 20"),
        },
        {
          id: "five_years",
          label: "5-year-olds (not in kindergarten)",
          minMonths: 60,
          maxMonths: 71,
          ratio: 20,
          maxGroup: 20,
          citation: table(fiveRow),
        },
        {
          // A band of its own only so that 407.190(d)'s combinations can name six-year-olds; the
          // numbers are the "five years (preschool)" row, which covers 60 months and up.
          id: "six_years",
          label: "6-year-olds (not in kindergarten)",
          minMonths: 72,
          maxMonths: 83,
          ratio: 20,
          maxGroup: 20,
          citation: table(fiveRow),
          open: {
            reason:
              "IL 6-year-olds not in kindergarten: the five-years (preschool) row (60 months and up) " +
              "is applied; early childhood groups are taken to end at 83 months, and older children " +
              "need the school-age program.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        // 407.190(d) allows: infants + toddlers + 2-year-olds; 2- through 5-year-olds; 4- through
        // 6-year-olds. Every other pair is not permitted (the all-ages first/last hour is a
        // relaxation that depends on opening hours and is not applied).
        forbiddenPairs: [
          ["infant", "three_years"],
          ["infant", "four_years"],
          ["infant", "five_years"],
          ["infant", "six_years"],
          ["toddler", "three_years"],
          ["toddler", "four_years"],
          ["toddler", "five_years"],
          ["toddler", "six_years"],
          ["two_years", "six_years"],
          ["three_years", "six_years"],
        ],
        citation: {
          source:
            "89 Ill. Adm. Code 407.190(c) (ratio and maximum group size by the youngest child) and " +
            "(d) (allowed combinations)",
          strength: "P",
        },
      },
      aides: null,
      // No nap relaxation: 407.190(e)+ was truncated (UNCONFIRMED); 407.350(a)(3) (P) requires the
      // 407.190(a) ratio for 3+-year-olds who get up, consistent with no relaxation.
      nap: [],
      teamGroup: {
        minChildMonths: 60,
        maxGroup: 30,
        citation: {
          source:
            "89 Ill. Adm. Code 407.190(b): an early childhood teacher aided by an early childhood " +
            "assistant may supervise a group of up to 30 children if all are at least five years of age",
          strength: "P",
          note: "ilrules.elaws.us latest version (crawl date unknown).",
        },
        open: {
          reason:
            "IL 407.190(b): the room input cannot say whether the teacher and assistant meet " +
            "407.140/407.150; a qualified teacher and one more counted staff member are taken to be " +
            "the teacher and the assistant. The ratio (1:20) still applies.",
        },
      },
    },
    {
      id: "school_age",
      label: "School-age groups (kindergartners present)",
      bands: [
        {
          id: "school_age",
          label: "School-age children (kindergarten and up)",
          minMonths: 60,
          maxMonths: null,
          ratio: 20,
          maxGroup: 30,
          citation: table("School-age (kindergartners present) 1:20, group 30"),
          open: {
            reason:
              "IL school-age is defined by kindergarten attendance, not age; 60 months and up used. " +
              "Only the kindergartners-present row was read.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            "89 Ill. Adm. Code 407.190(c): ratio and maximum group size by the youngest child",
          strength: "P",
        },
      },
      aides: null,
      nap: [],
    },
  ],
  openingClosing: [
    {
      windowMinutes: 60,
      minOpenMinutes: 600,
      waiveForbiddenPairs: true,
      citation: {
        source:
          "89 Ill. Adm. Code 407.190(d)(4): children of all ages may be mixed during the first hour " +
          "and last hour of programs that operate 10 or more hours per day",
        strength: "P",
        note: "Ratio and group size stay the youngest child's (407.190(c)). ilrules.elaws.us latest version.",
      },
      open: {
        reason:
          "IL first/last hour: a child older than the early childhood bands (84 months and up) is " +
          "still reported as outside them, and the day's length is taken from the center's stored " +
          "hours for that weekday.",
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
        "89 Ill. Adm. Code 407: minimum age, students/youth aides (407.160), volunteers (407.170), " +
        "director — not read",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "IL who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count (so student " +
        "and youth aides under 407.160 do not), a director only while engaged in care, volunteers " +
        "do not count, and a group needs a qualified teacher.",
    },
  },
} satisfies RulePackInput;
