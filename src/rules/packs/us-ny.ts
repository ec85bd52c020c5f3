/**
 * @module rules/packs/us-ny
 * New York State day care centers outside New York City: 18 NYCRR 418-1.8. The ratio table itself
 * was read only in secondary sources; the who-counts rules are regulation text. NYC (Health Code
 * Art. 47) differs and is not this pack. Numbers: shared/ratio-rules.md §3 only.
 */
import type { RulePackInput } from "../pack.js";

const source = "18 NYCRR 418-1.8 ratio and group size table";

export const usNy = {
  code: "US-NY",
  name: "New York State (18 NYCRR 418-1 day care centers, outside NYC)",
  summary:
    "New York State day care centers outside New York City (18 NYCRR 418-1.8), from secondary " +
    "copies of the ratio table. Infants 1:4 group 8, toddlers 1:5 group 12, 3-year-olds 1:7 group " +
    "18, 4-year-olds 1:8 group 21, 5-year-olds 1:9, 6–9 years 1:10, 10–12 years 1:15; school-age " +
    "group sizes and the under-6-weeks row are UNCONFIRMED and encoded at their stricter reading. " +
    "The 18- and 36-month boundaries are ambiguous and sit in the younger, stricter band. Mixed " +
    "ages: the youngest child's ratio and group size. Not for NYC centers (Health Code Art. 47 " +
    "differs). No nap or trip relaxation (UNCONFIRMED).",
  asOf:
    "18 NYCRR 418-1.8 current through NY Reg. Vol. 46 No. 45 (Nov 2024) (casetext mirror); table " +
    "from undated secondary sources and a 2025-26 NY Senate bill memo",
  programs: [
    {
      id: "center",
      label: "Day care center",
      bands: [
        {
          id: "under_6_weeks",
          label: "Infants under 6 weeks",
          minMonths: 0,
          maxMonths: 1,
          ratio: 3,
          maxGroup: 6,
          citation: {
            source: `${source}: under 6 weeks 1:3, group 6`,
            strength: "UNCONFIRMED",
            note: "Two secondary sources; unclear whether centers may enroll under 6 weeks.",
          },
          open: {
            reason:
              "NY under-6-weeks row (1:3, group 6) is UNCONFIRMED; kept because it is stricter than " +
              "the infant row. 6 weeks falls inside month 1, so all of months 0–1 use it.",
          },
        },
        {
          id: "infant",
          label: "Infants (6 weeks–18 months)",
          minMonths: 2,
          maxMonths: 18,
          ratio: 4,
          maxGroup: 8,
          citation: {
            source: `${source}: infant 6 weeks – 18 months 1:4, group 8`,
            strength: "S",
            note: "Ratio S×3 (childcaresuffolk, lawyer blog, centrecareos); group 8 S (centrecareos).",
          },
          open: {
            reason:
              'NY 18-month boundary is ambiguous (infant "to 18 months", toddler "18 months"); an ' +
              "18-month-old is placed in the infant band (1:4, group 8), the stricter reading.",
          },
        },
        {
          id: "toddler",
          label: "Toddlers (18–36 months)",
          minMonths: 19,
          maxMonths: 36,
          ratio: 5,
          maxGroup: 12,
          citation: {
            source: `${source}: toddler 18 – 36 months 1:5, group 12 (toddler per 18 NYCRR 413.2)`,
            strength: "S",
            note: "NY Senate bill memo 2025-26; ratio also S×2.",
          },
          open: {
            reason:
              'NY 36-month boundary: toddler is "18–36 months" while 3-year-olds start at 36; a ' +
              "36-month-old is placed in the toddler band (1:5, group 12), the stricter reading.",
          },
        },
        {
          id: "three_years",
          label: "3-year-olds",
          minMonths: 37,
          maxMonths: 47,
          ratio: 7,
          maxGroup: 18,
          citation: {
            source: `${source}: 3 years 1:7, group 18`,
            strength: "S",
            note: "Ratio S×3; group S×1 (centrecareos).",
          },
        },
        {
          id: "four_years",
          label: "4-year-olds",
          minMonths: 48,
          maxMonths: 59,
          ratio: 8,
          maxGroup: 21,
          citation: {
            source: `${source}: 4 years 1:8, group 21`,
            strength: "S",
            note: "Ratio S×2; group S×1.",
          },
        },
        {
          id: "five_years",
          label: "5-year-olds",
          minMonths: 60,
          maxMonths: 71,
          ratio: 9,
          maxGroup: 24,
          citation: {
            source: `${source}: 5 years 1:9, group UNCONFIRMED (24?)`,
            strength: "UNCONFIRMED",
            note: 'Ratio S×2 (suffolk, lawyer blog); centrecareos lists "School-Age (5+) 1:10, 24" instead.',
          },
          open: {
            reason:
              "NY 5-year-olds: ratio 1:9 vs 1:10 in conflict, group size UNCONFIRMED (24 the only " +
              "number given); 1:9 (stricter) and 24 taken. Note the youngest-child rule then lets a " +
              "group of 5- and 6–9-year-olds reach 24, above the 6–9 group of 20.",
          },
        },
        {
          id: "six_to_nine_years",
          label: "School-age children (6–9 years)",
          minMonths: 72,
          maxMonths: 119,
          ratio: 10,
          maxGroup: 20,
          citation: {
            source: `${source}: 6–9 years 1:10, group UNCONFIRMED (20?)`,
            strength: "UNCONFIRMED",
            note: "Ratio S×1 (childcaresuffolk).",
          },
          open: {
            reason:
              "NY 6–9 years: group size UNCONFIRMED; 20, the number given, is used and the 1:10 " +
              "ratio rests on one secondary source.",
          },
        },
        {
          id: "ten_to_twelve_years",
          label: "School-age children (10–12 years)",
          minMonths: 120,
          maxMonths: 155,
          ratio: 15,
          maxGroup: 30,
          citation: {
            source: `${source}: 10–12 years 1:15, group UNCONFIRMED (30?)`,
            strength: "UNCONFIRMED",
            note: "Ratio S×1 (childcaresuffolk).",
          },
          open: {
            reason:
              "NY 10–12 years: group size UNCONFIRMED; 30, the number given, is used and the 1:15 " +
              "ratio rests on one secondary source.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            "18 NYCRR 418-1.8 (via childcareratios.com): toddlers with preschoolers, or preschoolers " +
            "with school-age: ratio and group size of the youngest child govern",
          strength: "S",
        },
        open: {
          reason:
            "NY mixed ages other than toddler+preschool and preschool+school-age are UNCONFIRMED; " +
            "the youngest child's ratio and group size are used for every mix (stricter).",
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
      source:
        "18 NYCRR 418-1.8(d) (no person under 18 may be left alone to supervise a group); (e) every " +
        "group needs a group teacher meeting 418-1.13; (f), (h)",
      strength: "P",
      note: "casetext mirror, through Nov 2024. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "NY: (d) bars under-18s from supervising alone but says nothing read about counting them " +
        "beside an adult, so only staff 18+ count; whether a director counts and whether volunteers " +
        "count are UNCONFIRMED — a director counts only while engaged in care, volunteers do not.",
    },
  },
} satisfies RulePackInput;
