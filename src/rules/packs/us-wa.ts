/**
 * @module rules/packs/us-wa
 * Washington early learning centers: WAC 110-300 (Foundational Quality Standards), with school-age
 * programs under WAC 110-305. PROVISIONAL: the current center ratio table (WAC 110-300-0356/-0357)
 * was not retrieved, so the numbers are the repealed predecessor rules' (WAC 170-295 / 388-150) and
 * every band is open. Numbers: shared/ratio-rules.md §5 only.
 */
import type { Citation, RulePackInput } from "../pack.js";

const predecessor = (row: string): Citation => ({
  source: `WAC 170-295-2090 (repealed) ${row}; numbers WAC 388-150-190`,
  strength: "UNCONFIRMED",
  note:
    "Bands P (WAC 170-295-2090, repealed); numbers S (WAC 388-150-190 copy on daycare.com). The " +
    "current table (WAC 110-300-0356/-0357) was not retrieved.",
});

const provisional =
  "WA current ratio table (WAC 110-300-0356/-0357) UNCONFIRMED: the repealed rule's numbers are " +
  "used and may have changed (HB 1843 proposed preschool 1:11/21 and school-age 1:16/31, enactment " +
  "UNCONFIRMED; the older, stricter numbers are kept).";

export const usWa = {
  code: "US-WA",
  name: "Washington (WAC 110-300 early learning centers) — provisional",
  summary:
    "PROVISIONAL. Washington's current center ratio table could not be retrieved; this pack uses " +
    "the repealed predecessor rules (infant 1:4 group 8, toddler 1:7 group 14, preschool 1:10 group " +
    "20, school-age 1:15 group 30), all marked open. Early learning and school-age programs are " +
    "separate; with no program named, 5–6-year-olds fall under the stricter preschool numbers. " +
    "Mixed ages: youngest child (old rule), and because the old rule limits which ages may be " +
    "combined in ways the pack cannot express (walking infants, center size, a group of ≤12 with 2 " +
    "staff), infants, toddlers and preschoolers may not share a group here. Not applied: the " +
    "old-rule start/end-of-day hour in which any ages combine, 9 infants at 1:3, and the exclusion " +
    "from the ratio of a child with special needs who has individualized supervision " +
    "(WAC 110-300-0356(3)) — such a child still counts here. Children of staff count (P).",
  asOf:
    "Current WAC 110-300-0356 (capacity only, lawfilesext.leg.wa.gov); numbers from repealed WAC " +
    "170-295 and WAC 388-150; WAC 110-305-5725 (apps.leg.wa.gov), undated",
  programs: [
    {
      id: "early_learning",
      label: "Early learning center",
      bands: [
        {
          id: "infant",
          label: "Infants (0–11 months)",
          minMonths: 0,
          maxMonths: 11,
          ratio: 4,
          maxGroup: 8,
          citation: predecessor("infant: one month through 11 months 1:4, group 8"),
          open: {
            reason:
              `${provisional} The old infant band starts at one month; a child under one month is ` +
              "placed here (1:4, group 8) rather than left uncovered.",
          },
        },
        {
          id: "toddler",
          label: "Toddlers (12–29 months)",
          minMonths: 12,
          maxMonths: 29,
          ratio: 7,
          maxGroup: 14,
          citation: predecessor("toddler: 12–29 months 1:7, group 14"),
          open: { reason: provisional },
        },
        {
          id: "preschool",
          label: "Preschoolers (30 months–6 years, not in school)",
          minMonths: 30,
          maxMonths: 83,
          ratio: 10,
          maxGroup: 20,
          citation: predecessor(
            "preschool: 30 months – 6 years not attending kindergarten or elementary school 1:10, group 20",
          ),
          open: {
            reason:
              `${provisional} Preschool runs to "6 years" for children not in kindergarten; read ` +
              "as through age 6 (83 months), so a 5–6-year-old is held to 1:10 unless the room " +
              "names the school-age program.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        // Old rule (WAC 170-295-2100): non-walking infants never combine; centers licensed for 13+
        // may put walking 1–2-year-olds with older children only in a group of ≤12 with 2 staff.
        // Walking, center size and that condition cannot be expressed, so the combinations are
        // forbidden: the stricter reading.
        forbiddenPairs: [
          ["infant", "toddler"],
          ["infant", "preschool"],
          ["toddler", "preschool"],
        ],
        citation: {
          source:
            "WAC 170-295-2100 (repealed): combined ages at the youngest child's ratio; limits on " +
            "which ages combine",
          strength: "UNCONFIRMED",
          note:
            "Old rule P. Current rule UNCONFIRMED. Overnight programs today use the youngest " +
            "child's ratio (P, WAC 110-302-0357).",
        },
        open: {
          reason:
            "WA mixed ages: current rule UNCONFIRMED; old rule used — youngest child's ratio, but " +
            "infants may not combine with older children (non-walking infants never; walking ones " +
            "only in centers licensed for ≤12) and toddlers join preschoolers only in a group of ≤12 " +
            "with 2 staff in centers licensed for 13+. Walking, licensed size and that condition " +
            "cannot be checked, so infant/toddler/preschool mixes are reported as not permitted.",
        },
      },
      aides: null,
      // Old rule: ratios hold during rest (staff may do other tasks if on premises and in sight and
      // hearing), so there is no nap ratio to encode.
      nap: [],
    },
    {
      id: "school_age",
      label: "School-age program",
      bands: [
        {
          id: "school_age",
          label: "School-age children (5–12 years, in kindergarten or school)",
          minMonths: 60,
          maxMonths: 155,
          ratio: 15,
          maxGroup: 30,
          citation: {
            source:
              "WAC 110-305-5725 (school-age programs 1:15, group 30); WAC 170-295-2090 (repealed) " +
              "school-age 5–12 years attending kindergarten or elementary school",
            strength: "UNCONFIRMED",
            note:
              "School-age-only programs P (WAC 110-305-5725); the center rule's school-age row is " +
              "the repealed rule's (S numbers).",
          },
          open: {
            reason:
              `${provisional} School-age is defined by attending kindergarten or school, not age; ` +
              "60–155 months used.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source: "WAC 170-295-2100 (repealed): combined ages at the youngest child's ratio",
          strength: "UNCONFIRMED",
          note: "Old rule P; current rule UNCONFIRMED.",
        },
        open: {
          reason: "WA school-age mixed ages: current rule UNCONFIRMED; youngest child used.",
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
      source: "WAC 110-300: who counts toward ratio not retrieved",
      strength: "UNCONFIRMED",
      note: "No source read ties counting to a credential.",
    },
    open: {
      reason:
        "WA who counts is UNCONFIRMED: stricter readings taken — only staff 18+ count, a director " +
        "only while engaged in care, volunteers do not count, and a group needs a qualified " +
        "teacher.",
    },
  },
} satisfies RulePackInput;
