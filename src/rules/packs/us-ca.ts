/**
 * @module rules/packs/us-ca
 * California child care centers: 22 CCR Div. 12, Ch. 1 plus H&S Code §§1596.955–956. California
 * licenses components (infant care center, toddler component, preschool, school-age), so each is a
 * program here. Live rooms do not name a program, so the order below is the default: the first
 * program covering every child is used, and where two cover the same ages the stricter comes first
 * (24–36-month-olds fit both the toddler component, 1:6, and preschool, 1:12: toddler wins).
 * Numbers: shared/ratio-rules.md §1 only.
 */
import type { RulePackInput } from "../pack.js";

export const usCa = {
  code: "US-CA",
  name: "California (22 CCR child care centers)",
  summary:
    "California Title 22 child care centers by licensed component: infant care center (0–23 months, " +
    "1:4), toddler component (18–36 months, 1:6, group 12), preschool (24 months to first-grade " +
    "entry, 1:12; 1 teacher + 1 aide : 15), school-age (kindergarten and up, 1:14; 1 teacher + 1 " +
    "aide : 28; a child under 60 months in the group is reported and staffs it at the youngest " +
    "band covering that age, §101516.5(c)). Nap time: 1:12 sleeping infants and 1:24 napping preschoolers, a qualified " +
    "aide may take the teacher's place, only while the awake-ratio staff are immediately " +
    "available (§101416.5(d)(1), §101230(c)(1)). With no program named, the first component covering every child applies, in that " +
    "order, so 24–36-month-olds are held to the toddler 1:6 (stricter than preschool 1:12) and a " +
    "room mixing 18–23-month-olds with 2-year-olds is evaluated as a toddler component (1:6), which " +
    "is right only if the center holds a toddler component license. Not applied: the preschool " +
    "1:18 fully-qualified-teacher relaxation (qualification tier cannot be verified), Title 5 ratios " +
    "for state-funded CDE programs, off-site and water ratios (the room input has no trip flag).",
  asOf:
    "22 CCR §101416.5 as amended 8-19-2020 (Cornell LII); §101152 eff. 10-1-2023 and §101216.3 " +
    "(Westlaw); §§101230, 101516.5 (t22.caqualityearlylearning.org mirror, undated); H&S " +
    "§§1596.955–956 (undated mirrors)",
  programs: [
    {
      id: "infant_care_center",
      label: "Infant care center",
      bands: [
        {
          id: "infant",
          label: "Infants (0–23 months)",
          minMonths: 0,
          maxMonths: 23,
          ratio: 4,
          maxGroup: null,
          citation: {
            source:
              "22 CCR §101416.5(b) (1 teacher : 4 infants); age band: CCLD orientation " +
              '"Infant Program: Birth to 24 months"',
            strength: "S",
            note:
              "Ratio P (Cornell LII, amended 8-19-2020); age band S (daycare.com copy of the CCLD " +
              "orientation). No group size is stated in §101416.5, so none is stored.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            "Secondary guide: youngest child governs (no mixed-age clause in Title 22 as read)",
          strength: "S",
        },
        open: {
          reason:
            "CA infant component: Title 22 text read has no mixed-age clause; youngest child " +
            "(secondary guide) used. Infants may not be mixed with preschoolers (UNCONFIRMED; " +
            "components are kept separate): no program covers both an under-18-month infant and " +
            "a child over 36 months, so such a room is reported as having a child outside every " +
            "band instead of by a forbidden pair.",
        },
      },
      aides: {
        adds: 4,
        maxPerTeacher: 2,
        citation: {
          source:
            "22 CCR §101416.5(b)(1): an aide may replace a teacher only if a fully qualified " +
            "teacher directly supervises ≤12 infants and each aide has ≤4 infants",
          strength: "P",
        },
        open: {
          reason:
            'CA infants: aides count only beside a "fully qualified" teacher (§101416.5(b)(1)); ' +
            "the room input cannot say whether the teacher is fully qualified or only qualified, " +
            "so aides are counted (4 each, at most 2 per teacher) on the assumption the teacher " +
            "is. Verify the teacher's qualification tier.",
        },
      },
      nap: [
        {
          bands: ["infant"],
          ratio: 12,
          condition: "remaining_staff_on_premises",
          aideInPlaceOfTeacher: true,
          citation: {
            source:
              "22 CCR §101416.5(d),(d)(1): 1 teacher : 12 sleeping infants only if the remaining " +
              "staff needed for 1:4 are immediately available at the center; an aide 18 or older " +
              "meeting §§101216, 101216.2(e) may supervise the 12 sleeping infants in place of the teacher",
            strength: "P",
          },
        },
      ],
    },
    {
      id: "toddler",
      label: "Toddler component",
      bands: [
        {
          id: "toddler",
          label: "Toddlers (18–36 months)",
          minMonths: 18,
          maxMonths: 36,
          ratio: 6,
          maxGroup: 12,
          citation: {
            source: "H&S Code §1596.955(a) (preschool-based) and §1596.956 (infant-center-based)",
            strength: "UNCONFIRMED",
            note:
              "Ratio 1:6 and group 12 P; age range UNCONFIRMED (older text 18–30 months, later " +
              'amendments "18 months to three years").',
          },
          open: {
            reason:
              "CA toddler component age range: 18–30 or 18–36 months (sources conflict); 18–36 " +
              "taken, the stricter reading (31–36-month-olds held to 1:6 rather than preschool 1:12).",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            "H&S Code §1596.955(a): toddler program conducted in areas separate from older or " +
            "younger children; secondary guide: youngest child governs",
          strength: "S",
        },
      },
      aides: {
        adds: 6,
        maxPerTeacher: 1,
        citation: {
          source:
            "H&S Code §1596.955(a)/§1596.956: group of 12 with 2 teachers, or 1 fully qualified " +
            "teacher + 1 aide",
          strength: "P",
        },
        open: {
          reason:
            "CA toddlers: an aide completes a group of 12 only beside a fully qualified teacher; " +
            "qualification tier cannot be verified, so an aide adds 6 beside any qualified teacher " +
            "(at most 1 per teacher) rather than counting as a full staff member.",
        },
      },
      nap: [],
    },
    {
      id: "preschool",
      label: "Preschool",
      bands: [
        {
          id: "preschool",
          label: "Preschoolers (24–71 months)",
          minMonths: 24,
          maxMonths: 71,
          ratio: 12,
          maxGroup: null,
          citation: {
            source:
              "22 CCR §101216.3(a) (1 teacher : 12); age band: CCLD orientation (2 years to " +
              "first-grade entry)",
            strength: "S",
            note:
              "Ratio P (Westlaw); age band S; no separate group size in Title 22 (S, " +
              "childcareratios.com): capacity / ratio is the only cap.",
          },
          open: {
            reason:
              "CA preschool ends at first-grade entry (a grade, not an age); 71 months used, so an " +
              "older child in a preschool room is reported as outside every band rather than staffed " +
              "at a looser ratio.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        forbiddenPairs: [],
        citation: {
          source:
            "Secondary guide: youngest child governs (no mixed-age clause in Title 22 as read)",
          strength: "S",
        },
      },
      aides: {
        adds: 3,
        maxPerTeacher: 1,
        citation: {
          source: "22 CCR §101216.3(b): 1 teacher + 1 aide : 15",
          strength: "P",
        },
        open: {
          reason:
            "CA preschool: the 1 fully qualified teacher + 1 qualified aide : 18 relaxation " +
            "(§101216.3(b)(1)) is not applied because the qualification tier cannot be verified; " +
            "1 teacher + 1 aide : 15 is used.",
        },
      },
      nap: [
        {
          bands: ["preschool"],
          ratio: 24,
          condition: "remaining_staff_on_premises",
          aideInPlaceOfTeacher: true,
          citation: {
            source:
              "22 CCR §101216.3(f) → §101230(c),(c)(1): 1 teacher : 24 napping children only if the " +
              "remaining teachers for the §101216.3(a) ratio are immediately available at the center; " +
              "an aide meeting §§101216, 101216.2 may supervise the 24 napping children in place of the teacher",
            strength: "P",
          },
          open: {
            reason:
              "CA nap-time aides: the room input cannot say whether an aide meets §§101216/101216.2; " +
              "a counted aide (18 or older, not teacher-qualified) is taken to, and stands in for a " +
              "teacher at the nap ratio only while the awake-ratio staff are immediately available.",
          },
        },
      ],
    },
    {
      id: "school_age",
      label: "School-age",
      bands: [
        {
          id: "school_age",
          label: "School-age children (kindergarten and up)",
          minMonths: 60,
          maxMonths: null,
          ratio: 14,
          maxGroup: null,
          citation: {
            source: "22 CCR §101516.5(b): teacher alone ≤14 children",
            strength: "P",
            note:
              "t22 mirror. No group size stated in §101516.5 as read (its staffing steps run to 56 " +
              "children with 2 teachers + 2 aides).",
          },
          open: {
            reason:
              "CA school-age starts at kindergarten (a grade, not an age); 60 months used. A " +
              "younger child (a kindergartner or TK pupil under 60 months, or a preschooler) in a " +
              "school-age group is reported as outside the band, since the input cannot say they " +
              "are in school, and the group is staffed by the youngest band covering the age " +
              "(preschool 1:12, or toddler 1:6 up to 36 months) under §101516.5(c), never 1:14.",
          },
        },
      ],
      mixedAge: {
        method: "youngest",
        // §101516.5(c) staffs a mixed group by its youngest child: a younger child outside the
        // school-age band is staffed at the youngest band covering their age (the evaluator's
        // stand-in), and still reported, since the input cannot say they are in kindergarten.
        forbiddenPairs: [],
        citation: {
          source: "22 CCR §101516.5(c): mixed-age groups staffed by the youngest child",
          strength: "P",
        },
      },
      aides: {
        adds: 14,
        maxPerTeacher: 1,
        citation: {
          source:
            "22 CCR §101516.5(b)(1): 1–14: 1 teacher; 15–28: 1T+1A; 29–42: 2T+1A; 43–56: 2T+2A",
          strength: "P",
        },
      },
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
        "22 CCR §101152(a)(2) (adult = 18+); §101216.3(d),(d)(1), §101416.5(c), §101516.5(d) " +
        "(director counted only when actually teaching/working with the group)",
      strength: "P",
      note:
        "Ratios are stated per teacher, so a qualified teacher is required. No source read ties " +
        "counting to a credential, so no credential's expiry removes anyone from the count.",
    },
    open: {
      reason:
        "CA staff: aides under 18 (high-school graduates or ROP students, S) are not counted " +
        "(minimum age 18 taken); volunteers count only off-site with infants (§101416.5(b)(2)), " +
        "nothing read lets them count at the center, so they do not.",
    },
  },
} satisfies RulePackInput;
