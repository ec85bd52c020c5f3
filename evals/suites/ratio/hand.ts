/**
 * @module evals/suites/ratio/hand
 * The hand-labelled ratio cases: the tricky ones (band boundaries, mixed ages under each method,
 * group size with enough staff, staff who do not count, nap relaxations, center policy), each
 * worked out from the cited rule in shared/ratio-rules.md with the arithmetic in its note. Not run
 * through any code to get the label. `generate.ts` writes them into cases.jsonl.
 */
import type { RatioCaseInput } from "./case.js";

type Hand = Omit<RatioCaseInput, "labelledBy">;
type Room = Hand["room"];
type Staff = Room["staff"][number];

export const AT = "2026-11-23T15:00:00Z";

const kids = (n: number, ageMonths: number) => Array.from({ length: n }, () => ({ ageMonths }));
const teacher = (more: Partial<Staff> = {}): Staff => ({ ageYears: 30, role: "teacher", ...more });
const teachers = (n: number) => Array.from({ length: n }, () => teacher());
const room = (children: Room["children"], staff: Staff[], more: Partial<Room> = {}): Room => ({
  at: AT,
  ...more,
  children,
  staff,
});
type E = Hand["expected"];
const e = (
  status: E["status"],
  requiredStaff: number,
  countedStaff: number,
  ratio: number,
  maxGroup: number | null,
  groupSize: E["groupSize"],
  napRelaxation = false,
): E => ({ status, requiredStaff, countedStaff, ratio, maxGroup, groupSize, napRelaxation });

export const handCases: Hand[] = [
  // ---- California (§1) ----
  {
    id: "us-ca-h01-infant-23-months",
    pack: "US-CA",
    note: "§1 infant band 0–23 months (under 2 years), 1:4, no group size in §101416.5: 4 children at 23 months with 1 teacher = ceil(4/4)=1 required; full, so one more child would breach → approaching.",
    room: room(kids(4, 23), teachers(1)),
    expected: e("approaching", 1, 1, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h02-24-months-toddler-component",
    pack: "US-CA",
    note: "§1: 24 months is past the infant band (0–23); no program named, so the first component covering every child applies — the toddler component 18–36 (1:6, group 12; range UNCONFIRMED, pack takes 18–36). 6 children, 1 teacher: required 1, full → approaching.",
    room: room(kids(6, 24), teachers(1)),
    expected: e("approaching", 1, 1, 6, 12, "within"),
  },
  {
    id: "us-ca-h03-36-months-still-toddler",
    pack: "US-CA",
    note: "§1 toddler component taken as 18–36 (UNCONFIRMED, the pack's stricter reading): 7 children at 36 months need ceil(7/6)=2, 1 teacher counts → short 1 → violation.",
    room: room(kids(7, 36), teachers(1)),
    expected: e("violation", 2, 1, 6, 12, "within"),
  },
  {
    id: "us-ca-h04-37-months-preschool",
    pack: "US-CA",
    note: "§1: at 37 months only preschool (24 months–first grade, 1:12, no group size) covers: 7 children need 1; room for 5 more → ok (the single teacher is the only qualified one, so losing them would breach: a card note, not approaching).",
    room: room(kids(7, 37), teachers(1)),
    expected: e("ok", 1, 1, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h05-preschool-teacher-aide-15",
    pack: "US-CA",
    note: "§1 §101216.3(b): 1 teacher + 1 aide : 15. 15 preschoolers: required ceil(15/12)=2, counted 2 (teacher + aide), capacity 12+3=15 = children → one more breaches → approaching.",
    room: room(kids(15, 48), [teacher(), { ageYears: 25, role: "aide" }], { program: "preschool" }),
    expected: e("approaching", 2, 2, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h06-preschool-teacher-aide-16",
    pack: "US-CA",
    note: "§1 §101216.3(b): a teacher and an aide may have 15, not 16. Required ceil(16/12)=2 and 2 count, but capacity 15 < 16 → short 1 → violation.",
    room: room(kids(16, 48), [teacher(), { ageYears: 25, role: "aide" }], { program: "preschool" }),
    expected: e("violation", 2, 2, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h07-aide-alone",
    pack: "US-CA",
    note: "§1 Who counts: an aide cannot supervise a group alone (S, MSJC summary of §101216.3). 5 preschoolers with only an aide: nobody counts → children with no counted staff → critical.",
    room: room(kids(5, 48), [{ ageYears: 25, role: "aide" }], { program: "preschool" }),
    expected: e("critical", 1, 0, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h08-infant-nap-staff-on-premises",
    pack: "US-CA",
    note: "§1 §101416.5(d): 1:12 sleeping infants only if the remaining staff for 1:4 are immediately available. 10 sleeping infants: awake 1:4 needs 3, 1 in the room, 2 more needed and 2 available → 1:12 applies: required ceil(10/12)=1, counted 1 → ok: an 11th napping infant still fits 1:12 with the 2 on the premises (one teacher: a card note, not approaching).",
    room: room(kids(10, 8), teachers(1), {
      program: "infant_care_center",
      napping: true,
      premisesAvailableStaff: 2,
    }),
    expected: e("ok", 1, 1, 4, null, "no maximum", true),
  },
  {
    id: "us-ca-h09-infant-nap-not-enough-on-premises",
    pack: "US-CA",
    note: "§1 §101416.5(d): same room but only 1 of the 2 remaining staff available → the awake 1:4 stands: required ceil(10/4)=3, counted 1, short 2 → critical.",
    room: room(kids(10, 8), teachers(1), {
      program: "infant_care_center",
      napping: true,
      premisesAvailableStaff: 1,
    }),
    expected: e("critical", 3, 1, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h10-preschool-nap-24",
    pack: "US-CA",
    note: "§1 §101230(c): 1:24 napping preschoolers if the remaining teachers for 1:12 are available. 20 napping: awake needs 2, 1 more needed, 1 available → 1:24: required 1, counted 1, room for 4 more napping → ok.",
    room: room(kids(20, 40), teachers(1), {
      program: "preschool",
      napping: true,
      premisesAvailableStaff: 1,
    }),
    expected: e("ok", 1, 1, 12, null, "no maximum", true),
  },
  {
    id: "us-ca-h11-director-not-engaged",
    pack: "US-CA",
    note: "§1 §101216.3(d): a director counts only when actually teaching. 13 preschoolers, a teacher and a director at a desk: required ceil(13/12)=2, counted 1 → violation.",
    room: room(
      kids(13, 48),
      [teacher(), { ageYears: 45, role: "director", engagedInCare: false }],
      {
        program: "preschool",
      },
    ),
    expected: e("violation", 2, 1, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h12-director-engaged",
    pack: "US-CA",
    note: "§1 §101216.3(d): the same director teaching the group counts: 2 of 2 required; room for 11 more → ok (losing either would leave 12 < 13: a card note, not approaching).",
    room: room(kids(13, 48), [teacher(), { ageYears: 45, role: "director", engagedInCare: true }], {
      program: "preschool",
    }),
    expected: e("ok", 2, 2, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h13-teacher-under-18",
    pack: "US-CA",
    note: "§1 §101152(a)(2): adult = 18+. A 17-year-old does not count; 3 infants with one adult teacher: required 1, counted 1, room for 1 more → ok.",
    room: room(kids(3, 6), [teacher({ ageYears: 17 }), teacher()]),
    expected: e("ok", 1, 1, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h14-center-policy-stricter",
    pack: "US-CA",
    note: "README: a center policy may only tighten and applies whole. Policy preschool 1:10, group 20 (state 1:12, none): 11 preschoolers need ceil(11/10)=2, 1 counts → violation, rule from center policy.",
    room: room(kids(11, 48), teachers(1), { program: "preschool" }),
    policy: { bands: { preschool: { ratio: 10, maxGroup: 20 } } },
    expected: e("violation", 2, 1, 10, 20, "within"),
  },
  {
    id: "us-ca-h15-toddler-group-exceeded",
    pack: "US-CA",
    note: "§1 H&S §1596.955(a): toddler group max 12. 13 toddlers with 3 teachers: ratio fine (3 of ceil(13/6)=3) but the group is over 12 → violation (split the group).",
    room: room(kids(13, 24), teachers(3), { program: "toddler" }),
    expected: e("violation", 3, 3, 6, 12, "exceeded"),
  },
  {
    id: "us-ca-h16-infant-with-preschooler",
    pack: "US-CA",
    note: "§1 Mixed ages: infant+preschool mixing UNCONFIRMED / not permitted (components separate). A 10-month-old and a 40-month-old with 2 teachers: no component covers both → out of compliance; the infant band governs (1:4): required 1, counted 2 → violation.",
    room: room([{ ageMonths: 10 }, { ageMonths: 40 }], teachers(2)),
    expected: e("violation", 1, 2, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h17-background-check-lapsed-still-counts",
    pack: "US-CA",
    note: "Not yet cleared: ratio-rules.md cites no rule tying counting to a clearance or credential, and no pack lists one, so a teacher whose background check is recorded as lapsed still counts: 5 preschoolers, 1 teacher, room for 7 more → ok. (A gap worth a rule: see report.)",
    room: room(kids(5, 48), [teacher({ expiredCredentials: ["background_check"] })], {
      program: "preschool",
    }),
    expected: e("ok", 1, 1, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h18-preschool-two-teachers-ok",
    pack: "US-CA",
    note: "§1 1:12: 5 preschoolers with 2 teachers: required 1, counted 2; one more child or one fewer teacher still fits → ok.",
    room: room(kids(5, 48), teachers(2), { program: "preschool" }),
    expected: e("ok", 1, 2, 12, null, "no maximum"),
  },
  {
    id: "us-ca-h19-infants-two-aides",
    pack: "US-CA",
    note: "§1 §101416.5(b)(1): a fully qualified teacher may directly supervise ≤12 infants with aides having ≤4 each. 12 infants, 1 teacher + 2 aides: required ceil(12/4)=3, counted 3, capacity 4+4+4=12 → full → approaching.",
    room: room(
      kids(12, 8),
      [teacher(), { ageYears: 26, role: "aide" }, { ageYears: 27, role: "aide" }],
      {
        program: "infant_care_center",
      },
    ),
    expected: e("approaching", 3, 3, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h20-infants-third-aide-does-not-count",
    pack: "US-CA",
    note: "§1 §101416.5(b)(1): one teacher supervises ≤12 infants, so a third aide adds nothing: 16 infants, 1 teacher + 3 aides → counted 3 (capacity 12), required 4 → short 1 → violation.",
    room: room(
      kids(16, 8),
      [
        teacher(),
        { ageYears: 26, role: "aide" },
        { ageYears: 27, role: "aide" },
        { ageYears: 28, role: "aide" },
      ],
      { program: "infant_care_center" },
    ),
    expected: e("violation", 4, 3, 4, null, "no maximum"),
  },
  {
    id: "us-ca-h21-school-age-43-two-teachers-two-aides",
    pack: "US-CA",
    note: "§1 §101516.5(b)(1): 43–56 school-agers need 2 teachers + 2 aides. 43 with 2T+2A: required ceil(43/14)=4, counted 4, capacity 14·2+14·2=56; room for 13 more → ok (losing a teacher would strand an aide, 28 < 43: a card note, not approaching).",
    room: room(
      kids(43, 96),
      [teacher(), teacher(), { ageYears: 26, role: "aide" }, { ageYears: 27, role: "aide" }],
      { program: "school_age" },
    ),
    expected: e("ok", 4, 4, 14, null, "no maximum"),
  },
  {
    id: "us-ca-h22-looser-policy-ignored",
    pack: "US-CA",
    note: "README: a center policy may tighten but never loosen. A policy of 1:8 for toddlers (state 1:6) leaves the state's 1:6: 7 toddlers with 1 teacher need 2 → violation.",
    room: room(kids(7, 24), teachers(1), { program: "toddler" }),
    policy: { bands: { toddler: { ratio: 8, maxGroup: 12 } } },
    expected: e("violation", 2, 1, 6, 12, "within"),
  },
  {
    id: "us-ca-h23-preschooler-in-school-age-program",
    pack: "US-CA",
    note: "§1: school-age starts at kindergarten (60 months, the pack's reading of a grade); a 50-month-old in a school-age program is outside every band of that program → out of compliance. 10 school-agers + that child, 1 teacher: 1:14 → required 1, counted 1 → violation.",
    room: room([...kids(10, 96), { ageMonths: 50 }], teachers(1), { program: "school_age" }),
    expected: e("violation", 1, 1, 14, null, "no maximum"),
  },
  {
    id: "us-ca-h24-preschool-nap-aide-is-the-remaining-staff",
    pack: "US-CA",
    note: "§1 §101216.3(f) → §101230(c),(c)(1) (P): 1:24 napping preschoolers if the remaining teachers the 1:12 ratio needs are immediately available, and an aide (18+, §§101216, 101216.2) may substitute for them. 20 napping with a teacher and an aide in the room: 1:12 needs 2 teachers, the teacher plus the aide (substituting, and immediately available) meet it → 1:24 applies: required ceil(20/24)=1, counted 2 (capacity 24+3) → ok, with room for more (the teacher is the only qualified one: a card note, not approaching). Label from the cited rule; the core counts the aide only as +3 capacity, so it finds 1 more staff missing on the premises and keeps 1:12.",
    room: room(kids(20, 40), [teacher(), { ageYears: 25, role: "aide" }], {
      program: "preschool",
      napping: true,
      premisesAvailableStaff: 0,
    }),
    expected: e("ok", 1, 2, 12, null, "no maximum", true),
  },
  // ---- Texas (§2) ----
  {
    id: "us-tx-h01-readme-17-year-old-aide",
    pack: "US-TX",
    note: "§2 18–23 months 1:9, group 18; who counts UNCONFIRMED, pack takes 18+. 5 children 19–23 months, a teacher and a 17-year-old aide: counted 1 of 1 required, room for 4 more → ok (one qualified: a card note, not approaching).",
    room: room(
      [19, 20, 21, 22, 23].map((ageMonths) => ({ ageMonths })),
      [teacher({ ageYears: 34 }), { ageYears: 17, role: "aide" }],
    ),
    expected: e("ok", 1, 1, 9, 18, "within"),
  },
  {
    id: "us-tx-h02-infant-spread-16-months",
    pack: "US-TX",
    note: "§2 §746.1605: infants may join children 18 months+ if the oldest is ≤18 months older (10 and 26 months: 16). Youngest governs (general rule UNCONFIRMED, pack): 0–11 months 1:4, group 10. 2 children, 1 teacher, room for 2 more → ok.",
    room: room([{ ageMonths: 10 }, { ageMonths: 26 }], teachers(1)),
    expected: e("ok", 1, 1, 4, 10, "within"),
  },
  {
    id: "us-tx-h03-infant-spread-28-months",
    pack: "US-TX",
    note: "§2 §746.1605 (S): a 2-month-old with a 30-month-old is a spread of 28 months > 18 → the grouping is not permitted → out of compliance → violation (1 teacher counts, 1 required at 1:4). Label from the cited rule; the pack documents that it does not detect spreads inside the infant/2-year pair.",
    room: room([{ ageMonths: 2 }, { ageMonths: 30 }], teachers(1)),
    expected: e("violation", 1, 1, 4, 10, "within"),
  },
  {
    id: "us-tx-h04-infant-with-three-year-old",
    pack: "US-TX",
    note: "§2 §746.1605: 11 and 36 months = 25 > 18 → not permitted → violation, infant 1:4 governs.",
    room: room([{ ageMonths: 11 }, { ageMonths: 36 }], teachers(1)),
    expected: e("violation", 1, 1, 4, 10, "within"),
  },
  {
    id: "us-tx-h05-infant-group-10",
    pack: "US-TX",
    note: "§2 0–11 months 1:4, group 10, a hard ceiling (more caregivers do not raise it). 11 infants with 3 caregivers: ratio met (3 of 3) but 11 > 10 → violation.",
    room: room(kids(11, 6), teachers(3)),
    expected: e("violation", 3, 3, 4, 10, "exceeded"),
  },
  {
    id: "us-tx-h06-12-months",
    pack: "US-TX",
    note: "§2 12–17 months 1:5, group 13: 5 children at exactly 12 months with 1 caregiver → full → approaching (at 1:4 it would be a violation).",
    room: room(kids(5, 12), teachers(1)),
    expected: e("approaching", 1, 1, 5, 13, "within"),
  },
  {
    id: "us-tx-h07-18-months",
    pack: "US-TX",
    note: "§2 18–23 months 1:9, group 18: 9 children at exactly 18 months with 1 caregiver → full → approaching (at 1:5 it would be short).",
    room: room(kids(9, 18), teachers(1)),
    expected: e("approaching", 1, 1, 9, 18, "within"),
  },
  {
    id: "us-tx-h08-volunteer",
    pack: "US-TX",
    note: "§2 3 years 1:15, group 30; volunteers UNCONFIRMED, pack: do not count. 20 three-year-olds, a teacher and an adult volunteer: required 2, counted 1 → violation.",
    room: room(kids(20, 36), [teacher(), { ageYears: 40, role: "volunteer" }]),
    expected: e("violation", 2, 1, 15, 30, "within"),
  },
  {
    id: "us-tx-h09-violation-open-6-minutes",
    pack: "US-TX",
    note: "§2 2 years 1:11: 12 two-year-olds need 2, 1 counts → short 1; the violation has been open 6 minutes (core: critical after 5) → critical.",
    room: room(kids(12, 24), teachers(1), { violationSince: "2026-11-23T14:54:00Z" }),
    expected: e("critical", 2, 1, 11, 22, "within"),
  },
  {
    id: "us-tx-h10-older-than-13",
    pack: "US-TX",
    note: "§2: the table ends at 13 years (167 months). A 14-year-old (168 months) with ten 10-year-olds is outside every band → out of compliance; 9–13 years 1:26 governs the arithmetic: 11 children, 1 caregiver → violation.",
    room: room([...kids(10, 120), { ageMonths: 168 }], teachers(1)),
    expected: e("violation", 1, 1, 26, 35, "within"),
  },
  {
    id: "us-tx-h11-violation-open-exactly-5-minutes",
    pack: "US-TX",
    note: "Core status words: a violation open for the limit (5 minutes by default) or longer is critical. 12 two-year-olds, 1 caregiver (short 1), open since exactly 5 minutes ago → critical.",
    room: room(kids(12, 24), teachers(1), { violationSince: "2026-11-23T14:55:00Z" }),
    expected: e("critical", 2, 1, 11, 22, "within"),
  },
  // ---- New York (§3) ----
  {
    id: "us-ny-h01-18-months-infant",
    pack: "US-NY",
    note: "§3: 18 months is in both the infant (to 18 months) and toddler (18 months) rows — ambiguous; the pack takes infant (stricter) and so does this label. 5 children need ceil(5/4)=2, 1 counts → violation.",
    room: room(kids(5, 18), teachers(1)),
    expected: e("violation", 2, 1, 4, 8, "within"),
  },
  {
    id: "us-ny-h02-19-months-toddler",
    pack: "US-NY",
    note: "§3 toddler 1:5, group 12: 5 children at 19 months, 1 teacher → full → approaching.",
    room: room(kids(5, 19), teachers(1)),
    expected: e("approaching", 1, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h03-36-months-toddler",
    pack: "US-NY",
    note: "§3: toddler 18–36 and 3 years 36–47 overlap at 36; the pack takes toddler (stricter), and so does this label. 6 children need 2 at 1:5, 1 counts → violation.",
    room: room(kids(6, 36), teachers(1)),
    expected: e("violation", 2, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h04-toddlers-with-preschoolers",
    pack: "US-NY",
    note: "§3 Mixed ages: toddlers with preschoolers → the youngest's ratio and group size (1:5, 12). 2 toddlers + 10 three-year-olds = 12: required ceil(12/5)=3, 2 count → violation.",
    room: room([...kids(2, 30), ...kids(10, 40)], teachers(2)),
    expected: e("violation", 3, 2, 5, 12, "within"),
  },
  {
    id: "us-ny-h05-under-18-alone",
    pack: "US-NY",
    note: "§3 418-1.8(d) (P): no one under 18 may supervise a group alone. 3 three-year-olds with only a 17-year-old: nobody counts → critical.",
    room: room(kids(3, 40), [teacher({ ageYears: 17 })]),
    expected: e("critical", 1, 0, 7, 18, "within"),
  },
  {
    id: "us-ny-h06-on-break",
    pack: "US-NY",
    note: "§3 4 years 1:8, group 21: 14 four-year-olds, 2 teachers but one on break → counted 1 of 2 → violation.",
    room: room(kids(14, 50), [teacher(), teacher({ onBreak: true })]),
    expected: e("violation", 2, 1, 8, 21, "within"),
  },
  {
    id: "us-ny-h07-policy-for-another-band",
    pack: "US-NY",
    note: "README: a policy applies to the band it names. A 1:3 policy for infants does not touch a room of toddlers: 5 toddlers at the state 1:5 with 1 teacher → approaching.",
    room: room(kids(5, 24), teachers(1)),
    policy: { bands: { infant: { ratio: 3, maxGroup: 6 } } },
    expected: e("approaching", 1, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h08-eighteenth-birthday-today",
    pack: "US-NY",
    note: "§3 418-1.8(d): under 18 may not supervise alone; born 2008-11-23, the teacher turns 18 on 2026-11-23 and counts: 5 toddlers, 1 counted → approaching.",
    room: room(kids(5, 24), [{ birthDate: "2008-11-23", role: "teacher" }]),
    expected: e("approaching", 1, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h09-eighteenth-birthday-tomorrow",
    pack: "US-NY",
    note: "§3 418-1.8(d): born 2008-11-24, the teacher is 17 on 2026-11-23 and does not count: 5 toddlers with no counted staff → critical.",
    room: room(kids(5, 24), [{ birthDate: "2008-11-24", role: "teacher" }]),
    expected: e("critical", 1, 0, 5, 12, "within"),
  },
  {
    id: "us-ny-h10-policy-critical-after-10-minutes",
    pack: "US-NY",
    note: "Core status words: a violation turns critical after the center's limit (policy 10 minutes here). 6 toddlers, 1 teacher: short 1, open 7 minutes → still violation.",
    room: room(kids(6, 24), teachers(1), { violationSince: "2026-11-23T14:53:00Z" }),
    policy: { bands: {}, violationCriticalAfterMinutes: 10 },
    expected: e("violation", 2, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h11-unqualified-teacher-alone",
    pack: "US-NY",
    note: "§3 418-1.8(e) (P): every group needs a group teacher meeting 418-1.13. 4 toddlers with one adult who does not meet it (qualified: false): counted 1 of 1 required, but no qualified teacher → violation.",
    room: room(kids(4, 24), [teacher({ qualified: false })]),
    expected: e("violation", 1, 1, 5, 12, "within"),
  },
  {
    id: "us-ny-h12-one-qualified-with-assistant",
    pack: "US-NY",
    note: "§3 (e),(f): 2 toddlers, a group teacher and an assistant teacher: 2 count, 1 required, room for 3 more → ok (losing the only qualified teacher would break (e): a card note, not approaching).",
    room: room(kids(2, 24), [teacher(), { ageYears: 24, role: "assistant" }]),
    expected: e("ok", 1, 2, 5, 12, "within"),
  },
  // ---- Florida (§4) ----
  {
    id: "us-fl-h01-12-months",
    pack: "US-FL",
    note: "§4: exactly 12 months is UNCONFIRMED (overlapping wording); the pack places it at 1:4 (stricter), so this label does. 5 children need 2, 1 counts → violation. No group-size cap in FL.",
    room: room(kids(5, 12), teachers(1)),
    expected: e("violation", 2, 1, 4, null, "no maximum"),
  },
  {
    id: "us-fl-h02-largest-group-doc-example",
    pack: "US-FL",
    note: "§4 (S): all ≥2 years → the age group with the most children sets the ratio; the doc's own example: 7 three-year-olds + 4 four-year-olds → 1:15. 11 children, 1 teacher → required 1, room for 4 more → ok.",
    room: room([...kids(7, 40), ...kids(4, 50)], teachers(1)),
    expected: e("ok", 1, 1, 15, null, "no maximum"),
  },
  {
    id: "us-fl-h03-largest-group-four-year-olds",
    pack: "US-FL",
    note: "§4: 4 three-year-olds + 12 four-year-olds → four-year-olds are the largest group → 1:20 (not the youngest's 1:15): 16 children, 1 teacher → required 1, room for 4 more → ok.",
    room: room([...kids(4, 40), ...kids(12, 50)], teachers(1)),
    expected: e("ok", 1, 1, 20, null, "no maximum"),
  },
  {
    id: "us-fl-h04-infant-present",
    pack: "US-FL",
    note: "§4: any child under 1 → 1 staff : 4 children of any age. 1 infant + 5 three-year-olds = 6: required 2, 1 counts → violation.",
    room: room([{ ageMonths: 8 }, ...kids(5, 40)], teachers(1)),
    expected: e("violation", 2, 1, 4, null, "no maximum"),
  },
  {
    id: "us-fl-h05-one-year-old-present",
    pack: "US-FL",
    note: "§4: a child 1–2 present → the youngest's 1:6. 1 eighteen-month-old + 6 two-year-olds = 7: required 2, 1 counts → violation (by the largest group it would be 1:11 and fine).",
    room: room([{ ageMonths: 18 }, ...kids(6, 30)], teachers(1)),
    expected: e("violation", 2, 1, 6, null, "no maximum"),
  },
  {
    id: "us-fl-h06-tie-stricter",
    pack: "US-FL",
    note: "§4: a tie for the largest group is UNCONFIRMED; the pack takes the stricter tied band. 5 two-year-olds + 5 three-year-olds → 1:11: 10 children, 1 teacher, room for 1 more → ok.",
    room: room([...kids(5, 30), ...kids(5, 40)], teachers(1)),
    expected: e("ok", 1, 1, 11, null, "no maximum"),
  },
  {
    id: "us-fl-h07-empty-room",
    pack: "US-FL",
    note: "§11: no children → 0 staff required; a teacher present → ok. With no child, the strictest band (under 1, 1:4) stands in.",
    room: room([], teachers(1)),
    expected: e("ok", 0, 1, 4, null, "no maximum"),
  },
  // ---- Washington (§5) ----
  {
    id: "us-wa-h01-toddler-with-preschooler",
    pack: "US-WA",
    note: "§5: current mixed-age rule UNCONFIRMED; the pack forbids infant/toddler/preschool mixes (old rule limits them) and this label follows it. A 20- and a 40-month-old with 2 teachers → violation, toddler 1:7 group 14 governs.",
    room: room([{ ageMonths: 20 }, { ageMonths: 40 }], teachers(2)),
    expected: e("violation", 1, 2, 7, 14, "within"),
  },
  {
    id: "us-wa-h02-30-months-preschool",
    pack: "US-WA",
    note: "§5 preschool from 30 months, 1:10, group 20: 10 children at exactly 30 months, 1 teacher → full → approaching.",
    room: room(kids(10, 30), teachers(1)),
    expected: e("approaching", 1, 1, 10, 20, "within"),
  },
  {
    id: "us-wa-h03-29-months-toddler",
    pack: "US-WA",
    note: "§5 toddler 12–29 months 1:7, group 14: 8 children at 29 months need 2, 1 counts → violation.",
    room: room(kids(8, 29), teachers(1)),
    expected: e("violation", 2, 1, 7, 14, "within"),
  },
  // ---- Illinois (§6) ----
  {
    id: "us-il-h01-teacher-assistant-30",
    pack: "US-IL",
    note: "§6 407.190(b) (P): an early childhood teacher aided by an early childhood assistant may supervise up to 30 when all children are 5 or older. 25 five-year-olds, a teacher and a qualified assistant: required ceil(25/20)=2, counted 2, group 25 ≤ 30 → compliant; room for 5 more → ok (losing one would leave 20 < 25: a card note, not approaching). Label from the cited rule; the pack lists (b) as not applied.",
    room: room(kids(25, 62), [teacher(), { ageYears: 28, role: "assistant", qualified: true }], {
      program: "early_childhood",
    }),
    expected: e("ok", 2, 2, 20, 30, "within"),
  },
  {
    id: "us-il-h02-infant-with-three-year-old",
    pack: "US-IL",
    note: "§6 407.190(d) (P): infants mix only with toddlers and 2-year-olds. A 10-month-old with a 40-month-old → not permitted → violation; youngest governs (1:4, group 12).",
    room: room([{ ageMonths: 10 }, { ageMonths: 40 }], teachers(2)),
    expected: e("violation", 1, 2, 4, 12, "within"),
  },
  {
    id: "us-il-h03-infants-with-a-two-year-old",
    pack: "US-IL",
    note: "§6 (c),(d): infants+toddlers+twos may mix; youngest child's ratio and group size (1:4, 12). 3 infants + 1 two-year-old, 1 teacher → required 1, full → approaching.",
    room: room([...kids(3, 10), { ageMonths: 30 }], teachers(1)),
    expected: e("approaching", 1, 1, 4, 12, "within"),
  },
  {
    id: "us-il-h04-14-months-infant",
    pack: "US-IL",
    note: "§6 infants to 14 months 1:4, group 12: 5 children at 14 months need 2, 1 counts → violation.",
    room: room(kids(5, 14), teachers(1)),
    expected: e("violation", 2, 1, 4, 12, "within"),
  },
  {
    id: "us-il-h05-15-months-toddler",
    pack: "US-IL",
    note: "§6 toddlers from 15 months 1:5, group 15: 5 children at 15 months, 1 teacher → approaching.",
    room: room(kids(5, 15), teachers(1)),
    expected: e("approaching", 1, 1, 5, 15, "within"),
  },
  // ---- Pennsylvania (§7) ----
  {
    id: "us-pa-h01-mixed-toddlers-napping",
    pack: "US-PA",
    note: "§7 §3270.52: the youngest child sets ratio and group size (young toddler 1:5, group 10); §3270.55 (P): napping young toddlers 1:10. 6 young + 4 older toddlers napping with 1 teacher → 1:10 → required 1, full → approaching, nap ratio applied. Label from the cited rules; the pack applies a nap ratio only to a group all of one age level (its own reading, stricter).",
    room: room([...kids(6, 14), ...kids(4, 28)], teachers(1), { napping: true }),
    expected: e("approaching", 1, 1, 5, 10, "within", true),
  },
  {
    id: "us-pa-h02-preschool-nap-20",
    pack: "US-PA",
    note: "§7 §3270.55: napping preschoolers 1:20 (no premises condition). 20 napping, 1 teacher → required 1 → approaching; group 20 ≤ 20.",
    room: room(kids(20, 40), teachers(1), { napping: true }),
    expected: e("approaching", 1, 1, 10, 20, "within", true),
  },
  {
    id: "us-pa-h03-infants-no-nap-relaxation",
    pack: "US-PA",
    note: "§7 §3270.55: infants have no nap relaxation. 5 sleeping infants need ceil(5/4)=2, 1 counts → violation.",
    room: room(kids(5, 6), teachers(1), { napping: true }),
    expected: e("violation", 2, 1, 4, 8, "within"),
  },
  {
    id: "us-pa-h04-36-months-preschool",
    pack: "US-PA",
    note: '§7: "a child is 36 months on his or her 3rd birthday and therefore is of preschool age" → 1:10, group 20. 10 children at 36 months, 1 teacher → approaching.',
    room: room(kids(10, 36), teachers(1)),
    expected: e("approaching", 1, 1, 10, 20, "within"),
  },
  {
    id: "us-pa-h05-third-birthday-today",
    pack: "US-PA",
    note: "§7: ages by birth date. Born 2023-11-23, on 2026-11-23 the child is 36 months → preschool 1:10; 10 such children with 1 teacher → approaching.",
    room: room(
      Array.from({ length: 10 }, () => ({ birthDate: "2023-11-23" })),
      teachers(1),
    ),
    expected: e("approaching", 1, 1, 10, 20, "within"),
  },
  {
    id: "us-pa-h06-third-birthday-tomorrow",
    pack: "US-PA",
    note: "§7: born 2023-11-24, on 2026-11-23 the child is still 35 months → older toddler 1:6, group 12; 10 children need 2, 1 counts → violation.",
    room: room(
      Array.from({ length: 10 }, () => ({ birthDate: "2023-11-24" })),
      teachers(1),
    ),
    expected: e("violation", 2, 1, 6, 12, "within"),
  },
  {
    id: "us-pa-h07-policy-stricter-than-nap",
    pack: "US-PA",
    note: "README: a stricter center policy applies whole (the nap ratio is not used with it). Policy older toddler 1:5, group 10; 10 napping older toddlers, 2 teachers → required 2, counted 2, full → approaching, no nap ratio.",
    room: room(kids(10, 28), teachers(2), { napping: true }),
    policy: { bands: { older_toddler: { ratio: 5, maxGroup: 10 } } },
    expected: e("approaching", 2, 2, 5, 10, "within"),
  },
  {
    id: "us-pa-h08-16-year-old-volunteer",
    pack: "US-PA",
    note: "§7 §3270.31 (P): staff must be 18+; a 16-year-old volunteer is not a staff person (volunteers counting UNCONFIRMED, pack: no). 6 older toddlers with a teacher and the volunteer: counted 1 of 1 → approaching.",
    room: room(kids(6, 28), [teacher(), { ageYears: 16, role: "volunteer" }]),
    expected: e("approaching", 1, 1, 6, 12, "within"),
  },
  // ---- NAEYC (§8) ----
  {
    id: "naeyc-h01-15-months-infant",
    pack: "NAEYC",
    note: "§8: infant (birth–15 months) and toddler/two (12–36) overlap at 12–15; the pack takes infant (stricter). 5 children at 15 months need 2 at 1:4, 1 counts → violation.",
    room: room(kids(5, 15), teachers(1)),
    expected: e("violation", 2, 1, 4, 8, "within"),
  },
  {
    id: "naeyc-h02-class-size-exceeded",
    pack: "NAEYC",
    note: "§8: a class above max class size fails regardless of staff. 13 two-year-olds, 3 teachers (1:6 needs 3) but class 12 → violation.",
    room: room(kids(13, 24), teachers(3)),
    expected: e("violation", 3, 3, 6, 12, "exceeded"),
  },
  {
    id: "naeyc-h03-kindergarten-24",
    pack: "NAEYC",
    note: "§8 kindergarten 1:12, class 24: 24 kindergartners with 2 teachers → full → approaching.",
    room: room(kids(24, 66), teachers(2), { program: "kindergarten" }),
    expected: e("approaching", 2, 2, 12, 24, "within"),
  },
  // ---- CFOC (§9) ----
  {
    id: "cfoc-h01-12-months",
    pack: "CFOC",
    note: "§9: exactly 12 months is ambiguous between the two wordings; the pack keeps it at 1:3, group 6 (stricter). 4 children need 2, 1 counts → violation.",
    room: room(kids(4, 12), teachers(1)),
    expected: e("violation", 2, 1, 3, 6, "within"),
  },
  {
    id: "cfoc-h02-13-months",
    pack: "CFOC",
    note: "§9 13–35 months 1:4, group 8: 4 children at 13 months, 1 teacher → approaching.",
    room: room(kids(4, 13), teachers(1)),
    expected: e("approaching", 1, 1, 4, 8, "within"),
  },
  {
    id: "cfoc-h03-only-staff-on-break",
    pack: "CFOC",
    note: "§11: staff on break do not count. 3 three-year-olds with their only teacher on break → no counted staff → critical.",
    room: room(kids(3, 40), [teacher({ onBreak: true })]),
    expected: e("critical", 1, 0, 7, 14, "within"),
  },
];
