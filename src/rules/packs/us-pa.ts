/**
 * @module rules/packs/us-pa
 * Pennsylvania child care centers: 55 Pa. Code Ch. 3270. Center group sizes are secondary (S×2);
 * the ratios match the group-home rule read in full (§3280.52), and the nap and who-counts rules
 * are regulation text. School-age bands are defined by grade, so they form their own program.
 * Numbers: shared/ratio-rules.md §7 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const table = (row: string): Citation => ({
  source: `55 Pa. Code Ch. 3270 center ratio and group size: ${row}`,
  strength: "S×2",
  note:
    "Center group sizes S×2 (childcareratios, hellosubs); ratios corroborated P by the identical " +
    "group-home rule §3280.52(b). Age definitions §3270.4 per PA staff-orientation material (S).",
});

const napSource =
  "55 Pa. Code §3270.55 (pacodeandbulletin & casetext, through Nov 2024): while toddlers and " +
  "preschoolers nap, young toddler 1:10, older toddler 1:12, preschool 1:20; infants none";

export const usPa = {
  code: "US-PA",
  name: "Pennsylvania (55 Pa. Code Ch. 3270 child care centers)",
  summary:
    "Pennsylvania child care centers (55 Pa. Code Ch. 3270): infant 1:4 group 8, young toddler " +
    "1:5 group 10, older toddler 1:6 group 12, preschool 1:10 group 20; school-age (own program): " +
    "kindergarten–3rd grade 1:12 group 24, 4th grade–15 years 1:15 group 30. Mixed ages: the " +
    "youngest child's ratio and group size. Nap (§3270.55): young toddlers 1:10, older toddlers " +
    "1:12, preschoolers 1:20, not infants, and only for a napping group all of one age level. " +
    "Staff must be 18+, or 16+ when marked as in an approved training curriculum (§3270.31(c)); " +
    "volunteers do not count. With no program named, 5–6-year-olds fall under " +
    "the stricter preschool numbers.",
  asOf:
    "55 Pa. Code §3270.55 current through Nov 2024; §3270.31 updated 2016 (parules.elaws); group " +
    "sizes from undated secondary sources",
  programs: [
    {
      id: "early_childhood",
      label: "Infant, toddler and preschool groups",
      bands: [
        {
          id: "infant",
          label: "Infants (birth–1 year)",
          minMonths: 0,
          maxMonths: 11,
          ratio: 4,
          maxGroup: 8,
          citation: table("infant 1:4, group 8"),
        },
        {
          id: "young_toddler",
          label: "Young toddlers (1–2 years)",
          minMonths: 12,
          maxMonths: 23,
          ratio: 5,
          maxGroup: 10,
          citation: table("young toddler 1:5, group 10"),
        },
        {
          id: "older_toddler",
          label: "Older toddlers (2–3 years)",
          minMonths: 24,
          maxMonths: 35,
          ratio: 6,
          maxGroup: 12,
          citation: table("older toddler 1:6, group 12"),
        },
        {
          id: "preschool",
          label: "Preschoolers (3 years to kindergarten entry)",
          minMonths: 36,
          maxMonths: 83,
          ratio: 10,
          maxGroup: 20,
          citation: table("preschool (36 months to kindergarten entry) 1:10, group 20"),
          open: {
            reason:
              "PA preschool ends at kindergarten entry (a grade, not an age); read as up to 83 " +
              "months, so a 5–6-year-old is held to 1:10, group 20 unless the room names the " +
              "school-age program.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            '55 Pa. Code §3270.52: "the age of the youngest child in the group determines the ' +
            'staff:child ratio and maximum group size"',
          strength: "S",
          note: "Quotation on an aggregator page; P for the identical group-home rule §3280.52(c).",
        },
        open: {
          reason:
            "PA mixed ages: any exceptions in §3270.52 are UNCONFIRMED and none is applied; the " +
            "youngest child's ratio and group size always govern.",
        },
      },
      aides: null,
      // One rule per age level: the nap ratios are given per level and no mixed-age nap rule was
      // read, so a napping group mixing levels keeps the awake ratio (the stricter reading).
      nap: [
        {
          bands: ["young_toddler"],
          ratio: 10,
          condition: "none",
          citation: { source: napSource, strength: "P" },
        },
        {
          bands: ["older_toddler"],
          ratio: 12,
          condition: "none",
          citation: { source: napSource, strength: "P" },
        },
        {
          bands: ["preschool"],
          ratio: 20,
          condition: "none",
          citation: { source: napSource, strength: "P" },
        },
      ],
    },
    {
      id: "school_age",
      label: "School-age groups",
      bands: [
        {
          id: "young_school_age",
          label: "Young school-age children (kindergarten–3rd grade)",
          minMonths: 60,
          maxMonths: 119,
          ratio: 12,
          maxGroup: 24,
          citation: table("young school-age (K to entry into 4th grade) 1:12, group 24"),
          open: {
            reason:
              "PA school-age levels are defined by grade; kindergarten–3rd grade read as 60–119 " +
              "months, so 9-year-old 4th graders are held to the stricter 1:12, group 24. A 3rd " +
              "grader aged 10 or more falls in the older school-age band.",
          },
        },
        {
          id: "older_school_age",
          label: "Older school-age children (4th grade–15 years)",
          minMonths: 120,
          maxMonths: 191,
          ratio: 15,
          maxGroup: 30,
          citation: table("older school-age (4th grade through 15 years) 1:15, group 30"),
          open: {
            reason:
              "PA older school-age starts at 4th grade (a grade, not an age); 120 months used.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            '55 Pa. Code §3270.52: "the age of the youngest child in the group determines the ' +
            'staff:child ratio and maximum group size"',
          strength: "S",
          note: "Quotation on an aggregator page; P for the identical group-home rule §3280.52(c).",
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
    trainees: {
      minAge: 16,
      citation: {
        source:
          "55 Pa. Code §3270.31(c): an individual 16 or older enrolled in an approved training " +
          "curriculum (600 clock hours: 400 classroom, 200 supervised) may be used as a staff " +
          "person, with the institution's written certification on file (c)(1)–(5)",
        strength: "P",
        note: "parules.elaws (updated 2016); justia, current through Nov 2024.",
      },
      open: {
        reason:
          "PA trainees: counted only when the staff member is marked `approvedTraining` (enrolled, " +
          "classroom training completed, certification in the staff file); such a person is never " +
          "taken as the group's qualified teacher.",
      },
    },
    citation: {
      source:
        "55 Pa. Code §3270.31: a staff person must be 18 or older; a volunteer must be 16 or older " +
        "and directly supervised at all times",
      strength: "P",
      note: "parules.elaws, updated 2016. No source read ties counting to a credential.",
    },
    open: {
      reason:
        "PA: whether volunteers count toward ratio is UNCONFIRMED (they do not here); 16–17-year-olds " +
        "count only when marked as in approved training (§3270.31(c)); director counting and a qualified-teacher requirement " +
        "are UNCONFIRMED — a director counts only while engaged in care, and a group needs a " +
        "qualified teacher.",
    },
  },
} satisfies RulePackInput;
