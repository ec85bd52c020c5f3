/**
 * @module evals/suites/ratio/label
 * An independent labeller for the ratio suite, written from `shared/ratio-rules.md` and
 * `shared/ratio-rules-more.md` (US-OH … US-MA) — NOT from `src/rules` (it must not import it): the
 * tables below are those documents' rows as the regulation text gives them, typed in again, and the
 * grouping limits are written as conditions on the children's ages, not as the packs' band pairs.
 * Where the document leaves a case open (UNCONFIRMED, or two rows overlapping), the labeller takes
 * the reading the pack encodes, and `openReadings` says which; the generator copies that into each
 * case's note. Status words follow the core's definitions (`ok` / `approaching` / `violation` /
 * `critical`, see README "Ratio rules"), since the document defines only compliance: `approaching`
 * is in ratio with room for no more children (one more would breach). The forecast part of
 * `approaching` (a breach within 15 minutes) needs a known future, which no case has.
 */

export interface DocBand {
  /** The pack's name for the band (a center policy names bands by it). */
  id: string;
  min: number;
  max: number | null;
  ratio: number;
  group: number | null;
  /** Children per staff while napping, where the document gives a nap ratio. */
  nap?: number;
  /** Two staff in the room may have this many (OH 12:2 infants, AZ 2:11 and 2:13). */
  twoStaff?: number;
}

export interface DocProgram {
  id: string;
  bands: DocBand[];
  mixed: "youngest" | "florida";
  /** Band-id sets within which ages may be mixed; absent = any mix allowed. */
  allowedMixes?: string[][];
  /** TX §746.1605: children under 18 months with older ones only if the age spread ≤ 18 months. */
  infantSpreadLimit?: boolean;
  /** An aide adds `adds` children beside a teacher, at most `perTeacher` per teacher (CA). */
  aide?: { adds: number; perTeacher: number };
  /** Nap ratio only if the staff the awake ratio needs are immediately available (CA). */
  napNeedsPremises?: boolean;
  /** IL 407.190(b): 1 teacher + 1 assistant may have up to 30 when every child is 5 or older. */
  fiveAndOlderThirty?: boolean;
  /**
   * Grouping limits written from the text as a test on the children's ages (NC .0713(a)(5)–(6),
   * AZ R9-5-404(C)(3)): false when the group may not be formed at all.
   */
  mayGroup?: (months: number[]) => boolean;
}

export interface DocPack {
  code: string;
  /** Where the numbers come from, for the case notes: "ratio-rules.md §1". */
  doc: string;
  programs: DocProgram[];
  /** Who counts, where the text departs from the common reading (AZ R9-5-404(B)(2)–(3)). */
  counts?: (s: LabelStaff, age: number) => boolean;
  /** Readings of open points the labeller took from the pack (copied into notes). */
  openReadings: string[];
}

const b = (
  id: string,
  min: number,
  max: number | null,
  ratio: number,
  group: number | null,
  nap?: number,
): DocBand => ({ id, min, max, ratio, group, ...(nap ? { nap } : {}) });

/** ratio-rules.md §1–§9, one entry per section. */
export const docPacks: Record<string, DocPack> = {
  "US-CA": {
    code: "US-CA",
    doc: "ratio-rules.md §1",
    programs: [
      {
        id: "infant_care_center",
        bands: [b("infant", 0, 23, 4, null, 12)],
        mixed: "youngest",
        aide: { adds: 4, perTeacher: 2 },
        napNeedsPremises: true,
      },
      {
        id: "toddler",
        bands: [b("toddler", 18, 36, 6, 12)],
        mixed: "youngest",
        aide: { adds: 6, perTeacher: 1 },
      },
      {
        id: "preschool",
        bands: [b("preschool", 24, 71, 12, null, 24)],
        mixed: "youngest",
        aide: { adds: 3, perTeacher: 1 },
        napNeedsPremises: true,
      },
      {
        id: "school_age",
        bands: [b("school_age", 60, null, 14, null)],
        mixed: "youngest",
        aide: { adds: 14, perTeacher: 1 },
      },
    ],
    openReadings: [
      "CA toddler component 18–30 vs 18–36 months (UNCONFIRMED): 18–36 as the pack",
      "CA preschool/school-age bounds are grades: 24–71 and 60+ months as the pack",
      "CA with no program named: first component covering every child (infant, toddler, preschool, school-age) as the pack",
    ],
  },
  "US-TX": {
    code: "US-TX",
    doc: "ratio-rules.md §2",
    programs: [
      {
        id: "center",
        bands: [
          b("infant_0_11m", 0, 11, 4, 10),
          b("infant_12_17m", 12, 17, 5, 13),
          b("toddler_18_23m", 18, 23, 9, 18),
          b("two_years", 24, 35, 11, 22),
          b("three_years", 36, 47, 15, 30),
          b("four_years", 48, 59, 18, 35),
          b("five_years", 60, 71, 22, 35),
          b("six_to_eight_years", 72, 107, 26, 35),
          b("nine_to_thirteen_years", 108, 167, 26, 35),
        ],
        mixed: "youngest",
        infantSpreadLimit: true,
      },
    ],
    openReadings: [
      "TX mixed-age general rule UNCONFIRMED: youngest child as the pack",
      "TX who counts UNCONFIRMED: 18+, director only when engaged, no volunteers, as the pack",
    ],
  },
  "US-NY": {
    code: "US-NY",
    doc: "ratio-rules.md §3",
    programs: [
      {
        id: "center",
        bands: [
          b("under_6_weeks", 0, 1, 3, 6),
          b("infant", 2, 18, 4, 8),
          b("toddler", 19, 36, 5, 12),
          b("three_years", 37, 47, 7, 18),
          b("four_years", 48, 59, 8, 21),
          b("five_years", 60, 71, 9, 24),
          b("six_to_nine_years", 72, 119, 10, 20),
          b("ten_to_twelve_years", 120, 155, 15, 30),
        ],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "NY 18 and 36 months sit in two rows: infant (18) and toddler (36) as the pack, the stricter",
      "NY under-6-weeks row and 5+ group sizes UNCONFIRMED: 1:3/6 for months 0–1 and 24/20/30, as the pack",
    ],
  },
  "US-FL": {
    code: "US-FL",
    doc: "ratio-rules.md §4",
    programs: [
      {
        id: "center",
        bands: [
          b("under_1_year", 0, 12, 4, null),
          b("one_year", 13, 23, 6, null),
          b("two_years", 24, 35, 11, null),
          b("three_years", 36, 47, 15, null),
          b("four_years", 48, 59, 20, null),
          b("five_and_older", 60, null, 25, null),
        ],
        mixed: "florida",
      },
    ],
    openReadings: [
      "FL exactly 12 months UNCONFIRMED: 1:4 as the pack",
      "FL tie for the largest age group UNCONFIRMED: the stricter tied band as the pack",
    ],
  },
  "US-WA": {
    code: "US-WA",
    doc: "ratio-rules.md §5",
    programs: [
      {
        id: "early_learning",
        bands: [
          b("infant", 0, 11, 4, 8),
          b("toddler", 12, 29, 7, 14),
          b("preschool", 30, 83, 10, 20),
        ],
        mixed: "youngest",
        allowedMixes: [["infant"], ["toddler"], ["preschool"]],
      },
      { id: "school_age", bands: [b("school_age", 60, 155, 15, 30)], mixed: "youngest" },
    ],
    openReadings: [
      "WA current table UNCONFIRMED: predecessor numbers as the pack",
      "WA current mixed-age rule UNCONFIRMED: no mixing of infant/toddler/preschool, as the pack",
    ],
  },
  "US-IL": {
    code: "US-IL",
    doc: "ratio-rules.md §6",
    programs: [
      {
        id: "early_childhood",
        bands: [
          b("infant", 0, 14, 4, 12),
          b("toddler", 15, 23, 5, 15),
          b("two_years", 24, 35, 8, 16),
          b("three_years", 36, 47, 10, 20),
          b("four_years", 48, 59, 10, 20),
          b("five_years", 60, 71, 20, 20),
          b("six_years", 72, 83, 20, 20),
        ],
        mixed: "youngest",
        allowedMixes: [
          ["infant", "toddler", "two_years"],
          ["two_years", "three_years", "four_years", "five_years"],
          ["four_years", "five_years", "six_years"],
        ],
        fiveAndOlderThirty: true,
      },
      { id: "school_age", bands: [b("school_age", 60, null, 20, 30)], mixed: "youngest" },
    ],
    openReadings: [
      "IL 6-year-olds not in K: the five-years row to 83 months, as the pack",
      "IL who counts UNCONFIRMED: 18+, director only when engaged, no volunteers, as the pack",
    ],
  },
  "US-PA": {
    code: "US-PA",
    doc: "ratio-rules.md §7",
    programs: [
      {
        id: "early_childhood",
        bands: [
          b("infant", 0, 11, 4, 8),
          b("young_toddler", 12, 23, 5, 10, 10),
          b("older_toddler", 24, 35, 6, 12, 12),
          b("preschool", 36, 83, 10, 20, 20),
        ],
        mixed: "youngest",
      },
      {
        id: "school_age",
        bands: [b("young_school_age", 60, 119, 12, 24), b("older_school_age", 120, 191, 15, 30)],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "PA grade-based bounds (K entry, 4th grade): 83 and 120 months as the pack",
      "PA whether volunteers count UNCONFIRMED: they do not, as the pack",
    ],
  },
  NAEYC: {
    code: "NAEYC",
    doc: "ratio-rules.md §8",
    programs: [
      {
        id: "early_learning",
        bands: [
          b("infant", 0, 15, 4, 8),
          b("toddler_two", 16, 36, 6, 12),
          b("preschool", 37, 71, 10, 20),
        ],
        mixed: "youngest",
      },
      { id: "kindergarten", bands: [b("kindergarten", 60, 83, 12, 24)], mixed: "youngest" },
      { id: "school_age", bands: [b("school_age", 60, 119, 15, 30)], mixed: "youngest" },
    ],
    openReadings: [
      "NAEYC overlapping categories (12–15, 30–36 months): the stricter category, as the pack",
    ],
  },
  CFOC: {
    code: "CFOC",
    doc: "ratio-rules.md §9",
    programs: [
      {
        id: "center",
        bands: [
          b("infant", 0, 12, 3, 6),
          b("toddler", 13, 35, 4, 8),
          b("three_years", 36, 47, 7, 14),
          b("four_years", 48, 59, 8, 16),
          b("five_years", 60, 71, 8, 16),
          b("six_to_eight_years", 72, 107, 10, 20),
          b("nine_to_twelve_years", 108, 155, 12, 24),
        ],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "CFOC exactly 12 months ambiguous: 1:3 as the pack; 5+ rows UNCONFIRMED, kept as the pack",
      "CFOC mixed ages UNCONFIRMED: youngest child, as the pack",
    ],
  },
  // ---- ratio-rules-more.md ----
  "US-OH": {
    code: "US-OH",
    doc: "ratio-rules-more.md §1",
    programs: [
      {
        id: "early_childhood",
        bands: [
          { ...b("infant_under_12m", 0, 11, 5, 12), twoStaff: 12 },
          b("infant_12_17m", 12, 17, 6, 12),
          b("toddler_18_29m", 18, 29, 7, 14),
          b("toddler_30_35m", 30, 35, 8, 16),
          b("three_years", 36, 47, 12, 24),
          b("four_five_years", 48, 71, 14, 28),
        ],
        mixed: "youngest",
      },
      {
        id: "school_age",
        bands: [b("school_age_under_11", 60, 131, 18, 36), b("school_age_11_14", 132, 179, 20, 40)],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "OH one-older-child exception to the youngest rule (text truncated, S): not applied, as the pack",
      "OH nap doubling (OAC 5101:2-12-20(A)(7)) has a two-hour limit the room cannot show: not applied, as the pack",
      "OH kindergarten is grade-based: preschool row to 71 months, school-age from 60, as the pack",
    ],
  },
  "US-NC": {
    code: "US-NC",
    doc: "ratio-rules-more.md §2",
    programs: [
      {
        id: "center",
        // The table's rows share their end points; each shared month is read in the younger row.
        bands: [
          b("nc_0_12", 0, 12, 5, 10),
          b("nc_12_24", 13, 24, 6, 12),
          b("nc_2_3", 25, 36, 10, 20),
          b("nc_3_4", 37, 48, 15, 25),
          b("nc_4_5", 49, 60, 20, 25),
          b("nc_5_up", 61, null, 25, 25),
        ],
        mixed: "youngest",
        // (a)(5) under one year never with children two and older; (a)(6) 12–24 months only with
        // children all under three.
        mayGroup: (months) => {
          const has = (lo: number, hi = Number.POSITIVE_INFINITY) =>
            months.some((m) => m >= lo && m <= hi);
          if (has(0, 11) && has(24)) return false;
          if (has(12, 24) && has(36)) return false;
          return true;
        },
      },
    ],
    openReadings: [
      "NC shared row ends (12, 24, 36, 48, 60 months) read in the younger row, as the pack",
      "NC mixed-group size UNCONFIRMED: the youngest child's, as the pack; first/last-hour mixing not applied",
      "NC who counts UNCONFIRMED: 18+, no volunteers, director only when engaged, as the pack",
    ],
  },
  "US-NJ": {
    code: "US-NJ",
    doc: "ratio-rules-more.md §3",
    programs: [
      {
        id: "center",
        bands: [
          b("under_18_months", 0, 17, 4, 8),
          b("eighteen_to_29_months", 18, 29, 6, 12),
          b("thirty_to_47_months", 30, 47, 10, 20),
          b("four_years", 48, 59, 12, 24),
          b("five_and_older", 60, null, 15, 30),
        ],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "NJ group sizes UNCONFIRMED: twice the ratio, as the pack",
      "NJ mixed ages UNCONFIRMED: youngest child, as the pack",
      "NJ rest ratios (d) need a third criterion (d)3 not read: not applied, as the pack",
    ],
  },
  "US-AZ": {
    code: "US-AZ",
    doc: "ratio-rules-more.md §4",
    programs: [
      {
        id: "center",
        bands: [
          { ...b("infant", 0, 12, 5, null), twoStaff: 11 },
          { ...b("one_year", 13, 24, 6, null), twoStaff: 13 },
          b("two_years", 25, 35, 8, null),
          b("three_years", 36, 47, 13, null),
          b("four_years", 48, 59, 15, null),
          b("five_not_school_age", 60, 71, 20, null),
          b("school_age", 72, null, 20, null),
        ],
        mixed: "youngest",
        // (C)(3): with six or more children in the facility, an infant is not with a non-infant.
        mayGroup: (months) => !(months.some((m) => m <= 12) && months.some((m) => m > 12)),
      },
    ],
    // (B)(2) a volunteer qualified as director or (assistant) teacher-caregiver counts; (B)(3) a
    // student-aide or teacher-caregiver-aide does not.
    counts: (s, age) => {
      const role = s.role ?? "teacher";
      if (s.onBreak || age < 18 || role === "aide") return false;
      if (role === "volunteer") return s.qualified === true;
      if (role === "director" && !s.engagedInCare) return false;
      return true;
    },
    openReadings: [
      "AZ infant / 1-year-old month bounds not read: 12 in the infant row and 24 in the 1-year-old row, as the pack",
      "AZ (C)(3) applies with 6+ children in the facility, which the room cannot show: always, as the pack",
    ],
  },
  "US-VA": {
    code: "US-VA",
    doc: "ratio-rules-more.md §5",
    programs: [
      {
        id: "early_childhood",
        bands: [
          b("infant", 0, 15, 4, 8),
          b("toddler", 16, 23, 5, 10),
          b("two_years", 24, 35, 8, 16),
          b("three_to_school_age", 36, 71, 10, 20),
        ],
        mixed: "youngest",
      },
      {
        id: "school_age",
        bands: [
          b("school_age_under_9", 60, 107, 18, null),
          b("school_age_9_12", 108, 155, 20, null),
        ],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "VA ratio values S×2 (predecessor rule), school-age under 9 at 1:18, as the pack",
      "VA group sizes below school age UNCONFIRMED: twice the ratio, as the pack; first/last-hour waiver not applied",
      "VA rest-period doubling UNCONFIRMED in the current rule: not applied, as the pack",
    ],
  },
  "US-GA": {
    code: "US-GA",
    doc: "ratio-rules-more.md §6",
    programs: [
      {
        id: "center",
        bands: [
          b("infant", 0, 17, 6, 12),
          b("one_year", 18, 23, 8, 16),
          b("two_years", 24, 35, 10, 20),
          b("three_years", 36, 47, 15, 30),
          b("four_years", 48, 59, 18, 36),
          b("five_years", 60, 71, 20, 40),
          b("six_and_older", 72, null, 25, 50),
        ],
        mixed: "youngest",
      },
    ],
    openReadings: [
      "GA numbers secondary only; walking status unknown so every child under 18 months at 1:6, as the pack",
      "GA mixed ages UNCONFIRMED: youngest child, as the pack",
    ],
  },
  "US-MI": {
    code: "US-MI",
    doc: "ratio-rules-more.md §7",
    programs: [
      {
        id: "early_childhood",
        bands: [
          b("infant_toddler", 0, 29, 4, 12),
          b("thirty_to_35_months", 30, 35, 8, 16),
          b("three_years", 36, 47, 10, 30),
          b("four_to_kindergarten", 48, 71, 12, 24),
        ],
        mixed: "youngest",
      },
      { id: "school_age", bands: [b("school_age", 60, 155, 12, 24)], mixed: "youngest" },
    ],
    openReadings: [
      "MI table secondary; 4 to kindergarten and school-age UNCONFIRMED: 1:12, group 24, as the pack",
      "MI 17-year-old aides: not counted (18+), as the pack",
    ],
  },
  "US-MA": {
    code: "US-MA",
    doc: "ratio-rules-more.md §8",
    programs: [
      {
        id: "center",
        bands: [
          b("infant", 0, 15, 3, 7),
          b("toddler", 16, 33, 4, 9),
          b("preschool", 34, 83, 10, 20),
        ],
        mixed: "youngest",
      },
      {
        id: "half_day_preschool",
        bands: [b("half_day_preschool", 33, 83, 12, 24)],
        mixed: "youngest",
      },
      { id: "school_age", bands: [b("school_age", 60, 167, 10, 20)], mixed: "youngest" },
    ],
    openReadings: [
      "MA main table secondary; 15 and 33 months in the younger row; school-age UNCONFIRMED at 1:10, group 20, as the pack",
      "MA volunteers count only after three months' assignment, which the room cannot show: not counted, as the pack",
    ],
  },
};

export interface LabelChild {
  ageMonths?: number;
  birthDate?: string;
}

export interface LabelStaff {
  ageYears?: number;
  birthDate?: string;
  role?: "teacher" | "caregiver" | "aide" | "assistant" | "director" | "volunteer" | "floater";
  qualified?: boolean;
  onBreak?: boolean;
  engagedInCare?: boolean;
}

export interface LabelRoom {
  at: string;
  program?: string;
  napping?: boolean;
  premisesAvailableStaff?: number;
  violationSince?: string;
  children: LabelChild[];
  staff: LabelStaff[];
}

export interface LabelPolicy {
  bands: Record<string, { ratio: number; maxGroup: number | null }>;
  violationCriticalAfterMinutes?: number;
}

export interface Label {
  status: "ok" | "approaching" | "violation" | "critical";
  requiredStaff: number;
  countedStaff: number;
  /** Children per staff of the governing band (after a center policy), before any nap ratio. */
  ratio: number;
  maxGroup: number | null;
  groupSize: "within" | "exceeded" | "no maximum";
  napRelaxation: boolean;
}

/** Whole months from birth to the date, as licensing counts them (the day must be reached). */
export function monthsOld(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  return Math.max(0, (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0));
}

const qualifiedRoles = new Set(["teacher", "caregiver", "director", "floater"]);

function inBand(band: DocBand, m: number): boolean {
  return m >= band.min && (band.max === null || m <= band.max);
}

/**
 * Who counts (ratio-rules.md §1 CA P, §3 NY P, §7 PA P; elsewhere UNCONFIRMED and the pack's
 * reading): 18 or older, not on break, not a volunteer, a director only when engaged in care.
 */
function counts(s: LabelStaff, onDate: string): boolean {
  const age = s.ageYears ?? Math.floor(monthsOld(s.birthDate as string, onDate) / 12);
  const role = s.role ?? "teacher";
  if (s.onBreak) return false;
  if (age < 18) return false;
  if (role === "volunteer") return false;
  if (role === "director" && !s.engagedInCare) return false;
  return true;
}

function cap(p: DocProgram, ratio: number, full: number, aides: number) {
  if (!p.aide) return { children: ratio * (full + aides), usable: aides };
  const usable = Math.min(aides, p.aide.perTeacher * full);
  return { children: ratio * full + p.aide.adds * usable, usable };
}

/** The decision the cited rules call for. */
export function label(packCode: string, room: LabelRoom, policy?: LabelPolicy): Label {
  return decide(packCode, room, policy, true);
}

/**
 * The same without the two-staff rows (OH 12:2, AZ 2:11 and 2:13), which no pack can express: the
 * generator keeps rooms where the two differ to the hand cases (known, stricter deviations).
 */
export function labelWithoutTwoStaffRows(packCode: string, room: LabelRoom): Label {
  return decide(packCode, room, undefined, false);
}

function decide(
  packCode: string,
  room: LabelRoom,
  policy: LabelPolicy | undefined,
  twoStaffRows: boolean,
): Label {
  const pack = docPacks[packCode];
  if (!pack) throw new Error(`labeller: no table for ${packCode}`);
  const onDate = room.at.slice(0, 10);
  const months = room.children.map((c) => c.ageMonths ?? monthsOld(c.birthDate as string, onDate));
  const covers = (p: DocProgram) => months.filter((m) => p.bands.some((x) => inBand(x, m))).length;
  const program =
    room.program !== undefined
      ? pack.programs.find((p) => p.id === room.program)
      : (pack.programs.find((p) => covers(p) === months.length) ??
        [...pack.programs].sort((a, c) => covers(c) - covers(a))[0]);
  if (!program) throw new Error(`labeller: ${packCode} has no program ${room.program}`);

  const placed = months.map((m) => program.bands.find((x) => inBand(x, m)) ?? null);
  const present = [...new Set(placed.filter((x): x is DocBand => x !== null))];
  const uncovered = placed.some((x) => x === null);
  let band: DocBand;
  if (present.length === 0)
    band = [...program.bands].sort((a, c) => a.ratio - c.ratio)[0] as DocBand;
  else {
    const youngest = present.reduce((a, c) => (c.min < a.min ? c : a));
    if (program.mixed === "youngest" || youngest.max === null || youngest.max < 24) band = youngest;
    else {
      // FL, everyone 2 or older: the band with the most children; a tie goes to the stricter.
      const n = (x: DocBand) => placed.filter((p) => p === x).length;
      band = [...present].sort((a, c) => n(c) - n(a) || a.ratio - c.ratio)[0] as DocBand;
    }
  }
  // A child outside every band of the program makes the group at least as strict as the youngest
  // band of the document covering the age, staffed by that band's program (issue 22).
  let staffing = program;
  let groupCap = present.length === 0 ? Number.POSITIVE_INFINITY : (band.group ?? Infinity);
  let standIn = false;
  for (const m of months.filter((_, i) => placed[i] === null)) {
    const x = pack.programs
      .flatMap((p) => p.bands.filter((b) => inBand(b, m)).map((b) => ({ b, p })))
      .sort(
        (a, c) => a.b.ratio - c.b.ratio || (a.b.group ?? Infinity) - (c.b.group ?? Infinity),
      )[0];
    if (!x) continue;
    groupCap = Math.min(groupCap, x.b.group ?? Infinity);
    if (present.length === 0 && !standIn) [band, staffing, standIn] = [x.b, x.p, true];
    else if (x.b.ratio < band.ratio) [band, staffing] = [x.b, x.p];
  }
  if (groupCap !== (band.group ?? Infinity))
    band = { ...band, group: Number.isFinite(groupCap) ? groupCap : null };
  const pol = policy?.bands[band.id];
  const ratio = pol ? Math.min(pol.ratio, band.ratio) : band.ratio;
  let maxGroup = pol
    ? pol.maxGroup === null
      ? band.group
      : Math.min(pol.maxGroup, band.group ?? Number.POSITIVE_INFINITY)
    : band.group;

  let mixOk = true;
  if (present.length > 1 && program.allowedMixes) {
    mixOk = program.allowedMixes.some((set) => present.every((x) => set.includes(x.id)));
  }
  if (program.infantSpreadLimit && months.some((m) => m < 18) && months.some((m) => m >= 18)) {
    mixOk &&= Math.max(...months) - Math.min(...months) <= 18;
  }
  if (program.mayGroup && !program.mayGroup(months)) mixOk = false;

  const staffAge = (s: LabelStaff) =>
    s.ageYears ?? Math.floor(monthsOld(s.birthDate as string, onDate) / 12);
  const counted = room.staff.filter((s) =>
    pack.counts ? pack.counts(s, staffAge(s)) : counts(s, onDate),
  );
  const isQualified = (s: LabelStaff) => s.qualified ?? qualifiedRoles.has(s.role ?? "teacher");
  const full = staffing.aide ? counted.filter(isQualified).length : counted.length;
  const aides = staffing.aide ? counted.length - full : 0;
  const n = months.length;

  // IL 407.190(b): a teacher aided by an assistant may have up to 30 when all are 5 or older.
  if (
    program.fiveAndOlderThirty &&
    n > 0 &&
    months.every((m) => m >= 60) &&
    counted.some((s) => (s.role ?? "teacher") === "teacher" && isQualified(s)) &&
    counted.some((s) => s.role === "assistant")
  ) {
    maxGroup = Math.max(maxGroup ?? 0, 30);
  }

  // Nap: every child's band has a nap ratio (PA: the youngest child's, by §3270.52), and in CA
  // only if the remaining staff the awake ratio needs are immediately available at the center,
  // where an adult aide may be that person (§101416.5(d)(1), §101230(c)(1)): aides in the room
  // count as available.
  let eff = ratio;
  let napRelaxation = false;
  const napRatio = band.nap;
  if (room.napping && !pol && !uncovered && napRatio !== undefined && present.every((x) => x.nap)) {
    const missing = Math.max(0, Math.ceil(n / ratio) - full - aides);
    if (!program.napNeedsPremises || (room.premisesAvailableStaff ?? 0) >= missing) {
      eff = Math.max(ratio, napRatio);
      napRelaxation = eff !== ratio;
    }
  }

  // Two staff in the room may have `twoStaff` children of that row (read for a group all in it).
  const pair =
    twoStaffRows && !pol && !napRelaxation && present.length === 1 && !uncovered
      ? band.twoStaff
      : undefined;
  let requiredStaff = Math.ceil(n / eff);
  if (pair !== undefined && n <= pair) requiredStaff = Math.min(requiredStaff, 2);
  const plain = cap(staffing, eff, full, aides);
  const c =
    pair !== undefined && full + plain.usable >= 2
      ? { ...plain, children: Math.max(plain.children, pair) }
      : plain;
  const countedStaff = full + c.usable;
  const ratioOk = c.children >= n && countedStaff >= requiredStaff;
  const countedList = staffing.aide
    ? [...counted.filter(isQualified), ...counted.filter((s) => !isQualified(s)).slice(0, c.usable)]
    : counted;
  const qualifiedCount = countedList.filter(isQualified).length;
  const qualifiedOk = n === 0 || qualifiedCount > 0;
  const groupOk = maxGroup === null || n <= maxGroup;
  const compliant = !uncovered && mixOk && ratioOk && qualifiedOk && groupOk;

  let status: Label["status"];
  if (compliant) {
    // Approaching: the next child to check in would breach (the ratio or the group size). A room
    // that could not lose a staff member but has room for more children is ok.
    const moreChild = c.children < n + 1 || (maxGroup !== null && n + 1 > maxGroup);
    status = n > 0 && moreChild ? "approaching" : "ok";
  } else {
    const short = ratioOk
      ? 0
      : Math.max(requiredStaff - countedStaff, Math.ceil((n - c.children) / eff), 1);
    const limit = policy?.violationCriticalAfterMinutes ?? 5;
    const open =
      room.violationSince === undefined
        ? 0
        : (Date.parse(room.at) - Date.parse(room.violationSince)) / 60_000;
    status =
      (n > 0 && countedStaff === 0) || short >= 2 || open >= limit ? "critical" : "violation";
  }
  return {
    status,
    requiredStaff,
    countedStaff,
    ratio,
    maxGroup,
    groupSize: maxGroup === null ? "no maximum" : groupOk ? "within" : "exceeded",
    napRelaxation,
  };
}
