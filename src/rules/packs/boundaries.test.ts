/**
 * Every real pack at its edges, through the real evaluator: each band staffed exactly at its limit
 * (and one child over), group sizes at the limit (and one over), band boundaries, mixed ages by
 * the pack's method, who does not count, and nap relaxations. The expectations are derived from
 * the pack data wherever they can be, and a few per pack are written out by hand from
 * shared/ratio-rules.md so that the data itself is checked against the source. Property tests
 * check monotonicity for every pack that uses the youngest-child method; Florida's largest-group
 * rule and the choice of a program by coverage are knowingly not monotone, shown by example.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRoom } from "../evaluate.js";
import { type Evaluation, type RoomInput, roomInputSchema } from "../evaluation.js";
import type { Band, Program, RulePack } from "../pack.js";
import { getRulePack, rulePacks } from "./index.js";

const at = new Date("2026-11-23T17:00:00Z");
const packs = [...rulePacks.values()];

function pack(code: string): RulePack {
  const p = getRulePack(code);
  if (!p) throw new Error(`no pack ${code}`);
  return p;
}

function evaluate(p: RulePack, input: RoomInput): Evaluation {
  const result = evaluateRoom(p, roomInputSchema.parse(input), { at });
  if (!result.ok) throw result.error;
  return result.value;
}

let seq = 0;
const kids = (n: number, ageMonths: number) =>
  Array.from({ length: n }, () => ({ id: `k${seq++}`, ageMonths }));
const teachers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, ageYears: 30, role: "teacher" as const }));

/** A room of one program (named, so the band under test governs), all children one age. */
const room = (program: Program, n: number, ageMonths: number, staff: number): RoomInput => ({
  program: program.id,
  children: kids(n, ageMonths),
  staff: teachers(staff),
});

const ages = (band: Band) =>
  band.maxMonths === null ? [band.minMonths] : [band.minMonths, band.maxMonths];

/**
 * Staff for the ratio test: as many as fit under the group size with a child to spare (so one
 * more child breaches the ratio, not the group). 0 when the group size is reached first.
 */
const ratioStaff = (band: Band) =>
  band.maxGroup === null ? 2 : Math.min(3, Math.floor((band.maxGroup - 1) / band.ratio));

const everyBand = packs.flatMap((p) =>
  p.programs.flatMap((program) => program.bands.map((band) => ({ p, program, band }))),
);

describe("every pack, program and band: staffed exactly at the limit, and one over", () => {
  it.each(everyBand.map((x) => [`${x.p.code} ${x.program.id}/${x.band.id}`, x] as const))(
    "%s",
    (_, { p, program, band }) => {
      const k = ratioStaff(band);
      for (const age of ages(band)) {
        const where = `${p.code} ${band.id} at ${age} months`;
        if (k >= 1) {
          // children = ratio × staff: compliant, at the limit.
          const full = evaluate(p, room(program, band.ratio * k, age, k));
          expect(full.governingBand.id, where).toBe(band.id);
          expect(full, where).toMatchObject({ compliant: true, status: "approaching", canTake: 0 });
          expect(full.requiredStaff, where).toBe(k);
          // One more child: short by one on ratio, the group size still fine.
          const over = evaluate(p, room(program, band.ratio * k + 1, age, k));
          expect(over, where).toMatchObject({
            compliant: false,
            status: "violation",
            staffShort: 1,
          });
          expect(over.reasons.join("; "), where).toMatch(/short by 1 counted staff/);
          expect(over.reasons.join("; "), where).not.toMatch(/maximum group size/);
        }
        if (band.maxGroup !== null) {
          // The group size at the limit and one over, with staff to spare: only the group breaches.
          // With two or more staff, a team rule for these ages (IL 407.190(b)) is the limit.
          const team = program.teamGroup;
          const g =
            team && band.minMonths >= team.minChildMonths
              ? Math.max(band.maxGroup, team.maxGroup)
              : band.maxGroup;
          const atLimit = evaluate(p, room(program, g, age, Math.ceil(g / band.ratio) + 1));
          expect(atLimit.compliant, where).toBe(true);
          expect(atLimit.canTake, where).toBe(0);
          const beyond = evaluate(
            p,
            room(program, g + 1, age, Math.ceil((g + 1) / band.ratio) + 1),
          );
          expect(beyond, where).toMatchObject({ compliant: false, staffShort: 0 });
          expect(beyond.reasons, where).toEqual([
            `group of ${g + 1} is over the maximum group size of ${g}: split the group`,
          ]);
        }
      }
    },
  );

  it("finds the group size reached before the ratio only where the pack says so", () => {
    // Where a single staff member's ratio already fills the group, there is no ratio breach to
    // test: one more child is over the group. Illinois's 5- and 6-year-olds are 1:20, group 20;
    // North Carolina's 5 and older 1/25, group 25.
    const groupFirst = everyBand.filter(({ band }) => ratioStaff(band) < 1);
    expect(groupFirst.map(({ p, band }) => `${p.code} ${band.id}`).sort()).toEqual([
      "US-IL five_years",
      "US-IL six_years",
      "US-NC five_and_older",
    ]);
  });
});

describe("band boundaries: maxMonths in the band, maxMonths + 1 in the next", () => {
  it.each(everyBand.map((x) => [`${x.p.code} ${x.program.id}/${x.band.id}`, x] as const))(
    "%s",
    (_, { p, program, band }) => {
      if (band.maxMonths === null) {
        expect(program.bands.at(-1)).toBe(band);
        return;
      }
      const inside = evaluate(p, room(program, 1, band.maxMonths, 1));
      expect(inside.governingBand.id).toBe(band.id);
      const i = program.bands.indexOf(band);
      const next = program.bands[i + 1];
      const beyond = evaluate(p, room(program, 1, band.maxMonths + 1, 1));
      if (next) {
        expect(beyond.governingBand.id).toBe(next.id);
        expect(beyond.compliant).toBe(true);
      } else {
        // Past the program's last band: outside every band, never quietly staffed.
        expect(beyond.compliant).toBe(false);
        expect(beyond.reasons[0]).toMatch(/outside every age band/);
      }
      if (i > 0) {
        const first = evaluate(p, room(program, 1, band.minMonths, 1));
        expect(first.governingBand.id).toBe(band.id);
        expect(evaluate(p, room(program, 1, band.minMonths - 1, 1)).governingBand.id).toBe(
          program.bands[i - 1]?.id,
        );
      }
    },
  );
});

const forbidden = (program: Program, a: string, b: string) =>
  program.mixedAge.forbiddenPairs.find(([x, y]) => (x === a && y === b) || (x === b && y === a));

describe("mixed ages, by each pack's method", () => {
  const youngestPrograms = packs.flatMap((p) =>
    p.programs
      .filter((program) => program.mixedAge.method === "youngest" && program.bands.length > 1)
      .map((program) => ({ p, program })),
  );

  it.each(youngestPrograms.map((x) => [`${x.p.code} ${x.program.id}`, x] as const))(
    "%s: the youngest child's band governs every pair, and forbidden pairs never share a group",
    (_, { p, program }) => {
      const bands = program.bands;
      for (const [i, young] of bands.entries()) {
        for (const old of bands.slice(i + 1)) {
          const pair = `${p.code} ${young.id} + ${old.id}`;
          const mixed = evaluate(p, {
            program: program.id,
            children: [...kids(1, young.maxMonths ?? young.minMonths), ...kids(1, old.minMonths)],
            staff: teachers(2),
          });
          const banned = forbidden(program, young.id, old.id);
          if (banned) {
            expect(mixed.compliant, pair).toBe(false);
            expect(mixed.reasons, pair).toContain(
              `${banned[0]} and ${banned[1]} may not share a group (${program.mixedAge.citation.source})`,
            );
          } else {
            expect(mixed.compliant, pair).toBe(true);
            expect(mixed.governingBand.id, pair).toBe(young.id);
          }
          // The younger band's ratio for everyone: one young child among older ones, one staff.
          if (!banned && young.ratio < old.ratio) {
            const n = Math.min(young.ratio, young.maxGroup ?? young.ratio);
            const limit = evaluate(p, {
              program: program.id,
              // The oldest age in the young band keeps the pair within TX's infant age spread.
              children: [
                ...kids(1, young.maxMonths ?? young.minMonths),
                ...kids(n - 1, old.minMonths),
              ],
              staff: teachers(1),
            });
            expect(limit.compliant, pair).toBe(true);
            const over = evaluate(p, {
              program: program.id,
              children: [...kids(1, young.maxMonths ?? young.minMonths), ...kids(n, old.minMonths)],
              staff: teachers(1),
            });
            expect(over.compliant, pair).toBe(false);
            expect(over.governingBand.id, pair).toBe(young.id);
          }
        }
      }
    },
  );

  it("lists the forbidden pairs the sources give (TX infants, WA, IL combinations)", () => {
    const pairs = (code: string) =>
      pack(code).programs.flatMap((program) => program.mixedAge.forbiddenPairs.length);
    expect(pairs("US-TX")).toEqual([10]);
    expect(pairs("US-WA")).toEqual([3, 0]);
    expect(pairs("US-IL")).toEqual([10, 0]);
    for (const code of ["US-CA", "US-NY", "US-FL", "US-PA", "NAEYC", "CFOC"]) {
      expect(
        pairs(code).every((n) => n === 0),
        code,
      ).toBe(true);
    }
  });

  describe("US-FL (florida method)", () => {
    const fl = pack("US-FL");
    const center = fl.programs[0] as Program;
    const e = (children: RoomInput["children"], staff = 1) =>
      evaluate(fl, { children, staff: teachers(staff) });

    it("any child under 12 months (or exactly 12, the stricter reading): 1:4 for everyone", () => {
      const withBaby = e([...kids(1, 6), ...kids(3, 48)]);
      expect(withBaby).toMatchObject({ compliant: true, governingBand: { id: "under_1_year" } });
      expect(e([...kids(1, 6), ...kids(4, 48)]).compliant).toBe(false);
      expect(e([...kids(1, 12), ...kids(4, 48)]).governingBand.id).toBe("under_1_year");
    });

    it("a child of 13–23 months: the youngest band, 1:6", () => {
      expect(e([...kids(1, 18), ...kids(5, 40)])).toMatchObject({
        compliant: true,
        governingBand: { id: "one_year", ratio: 6 },
      });
      expect(e([...kids(1, 18), ...kids(6, 40)]).compliant).toBe(false);
    });

    it("all 24 months or older: the band with the most children (ratio-rules.md's example)", () => {
      // 7 three-year-olds and 4 four-year-olds: 1:15.
      const example = e([...kids(7, 40), ...kids(4, 50)]);
      expect(example).toMatchObject({ compliant: true, governingBand: { id: "three_years" } });
      expect(e([...kids(4, 40), ...kids(7, 50)]).governingBand.id).toBe("four_years");
      // A tie goes to the stricter band.
      expect(e([...kids(5, 40), ...kids(5, 50)]).governingBand.id).toBe("three_years");
      // A 2-year-old among many older children does not pull everyone to 1:11.
      expect(e([...kids(1, 30), ...kids(19, 50)])).toMatchObject({
        compliant: true,
        governingBand: { id: "four_years", ratio: 20 },
      });
    });

    it("has no forbidden pairs and no group sizes", () => {
      expect(center.mixedAge.forbiddenPairs).toEqual([]);
      expect(center.bands.every((b) => b.maxGroup === null)).toBe(true);
      expect(e([...kids(1, 3), ...kids(1, 100)], 1).compliant).toBe(true);
    });
  });
});

describe("staff who do not count, per pack", () => {
  // A room one child over what one counted teacher may have: an extra person fixes it only if
  // they count.
  const cases = packs.map((p) => {
    const program = p.programs[0] as Program;
    const band = program.bands.find((b) => b.maxGroup === null || b.maxGroup > b.ratio) as Band;
    return { p, program, band };
  });

  it.each(cases.map((x) => [x.p.code, x] as const))("%s", (_, { p, program, band }) => {
    const base = {
      program: program.id,
      children: kids(band.ratio + 1, band.minMonths),
    };
    const one = teachers(1);
    const withExtra = (extra: RoomInput["staff"][number]) =>
      evaluate(p, { ...base, staff: [...one, extra] });
    const rules = p.staff;
    expect(evaluate(p, { ...base, staff: one }).compliant).toBe(false);

    const minor = withExtra({ id: "minor", ageYears: 17, role: "teacher" });
    expect(minor.compliant).toBe(17 >= rules.minAge);
    if (17 < rules.minAge) {
      expect(minor.notCounted).toContainEqual({
        id: "minor",
        role: "teacher",
        reason: expect.stringMatching(
          new RegExp(`^17 years old, under the minimum age of ${rules.minAge}`),
        ),
      });
    }
    const adult = withExtra({ id: "adult", ageYears: rules.minAge, role: "teacher" });
    expect(adult.compliant).toBe(true);

    const resting = withExtra({ id: "resting", ageYears: 30, role: "teacher", onBreak: true });
    expect(resting.compliant).toBe(false);
    expect(resting.notCounted).toContainEqual({
      id: "resting",
      role: "teacher",
      reason: "on break",
    });

    const volunteer = withExtra({ id: "vol", ageYears: 30, role: "volunteer" });
    expect(volunteer.compliant).toBe(rules.volunteersCount);
    if (!rules.volunteersCount) {
      expect(volunteer.notCounted).toContainEqual({
        id: "vol",
        role: "volunteer",
        reason: "volunteers do not count",
      });
    }

    const idle = withExtra({ id: "dir", ageYears: 45, role: "director", engagedInCare: false });
    expect(idle.compliant).toBe(!rules.directorOnlyWhenEngaged);
    const engaged = withExtra({ id: "dir", ageYears: 45, role: "director", engagedInCare: true });
    expect(engaged.compliant).toBe(true);

    // Lapsed credentials matter only for the types the pack ties counting to.
    const lapsed = withExtra({
      id: "lapsed",
      ageYears: 30,
      role: "teacher",
      expiredCredentials: ["cpr", "pediatric_first_aid", "background_check"],
    });
    expect(lapsed.compliant).toBe(rules.credentialsToCount.length === 0);

    // A group needs a counted, qualified teacher: an adult assistant alone is not one.
    const assistantOnly = evaluate(p, {
      program: program.id,
      children: kids(1, band.minMonths),
      staff: [{ id: "asst", ageYears: 30, role: "assistant" }],
    });
    expect(assistantOnly.compliant).toBe(!rules.requiresQualifiedTeacher);
  });

  it("every pack takes the stricter readings: 18+, engaged directors only, no volunteers", () => {
    for (const p of packs) {
      expect(p.staff, p.code).toMatchObject({
        minAge: 18,
        directorOnlyWhenEngaged: true,
        volunteersCount: false,
        requiresQualifiedTeacher: true,
      });
    }
  });
});

describe("naps, per pack", () => {
  const napRules = packs.flatMap((p) =>
    p.programs.flatMap((program) =>
      program.nap.flatMap((rule) =>
        rule.bands.map((id) => ({
          p,
          program,
          rule,
          band: program.bands.find((b) => b.id === id) as Band,
        })),
      ),
    ),
  );

  it.each(
    napRules.map((x) => [`${x.p.code} ${x.program.id}/${x.band.id} 1:${x.rule.ratio}`, x] as const),
  )(
    "%s applies when its condition holds, and not when it fails",
    (_, { p, program, rule, band }) => {
      // One staff member for a full nap-ratio group (within the band's group size).
      const n = Math.min(rule.ratio, band.maxGroup ?? rule.ratio);
      const asleep = (premisesAvailableStaff: number, children = n): RoomInput => ({
        program: program.id,
        napping: true,
        premisesAvailableStaff,
        children: kids(children, band.minMonths),
        staff: teachers(1),
      });
      const awakeNeed = Math.ceil(n / band.ratio);
      const missing = awakeNeed - 1;
      const ok = evaluate(p, asleep(missing));
      expect(ok).toMatchObject({ compliant: true, napRelaxation: true, requiredStaff: 1 });
      expect(ok.governingBand.id).toBe(band.id);
      // Awake, the same group needs the awake ratio.
      expect(evaluate(p, { ...asleep(missing), napping: false })).toMatchObject({
        compliant: false,
        napRelaxation: false,
        requiredStaff: awakeNeed,
      });
      if (rule.condition === "remaining_staff_on_premises") {
        // One short on the premises: the awake ratio stands.
        expect(evaluate(p, asleep(missing - 1))).toMatchObject({
          compliant: false,
          napRelaxation: false,
        });
      } else {
        expect(rule.condition).toBe("none");
        expect(evaluate(p, asleep(0)).compliant).toBe(true);
      }
      // One child over the nap ratio breaches even asleep.
      if (band.maxGroup === null || n + 1 <= band.maxGroup) {
        expect(evaluate(p, asleep(awakeNeed, n + 1)).compliant).toBe(false);
      }
    },
  );

  const noNap = everyBand.filter(
    ({ program, band }) => !program.nap.some((rule) => rule.bands.includes(band.id)),
  );

  it("bands without a nap relaxation keep the awake ratio when napping", () => {
    for (const { p, program, band } of noNap) {
      const where = `${p.code} ${program.id}/${band.id}`;
      const asleep = (n: number): RoomInput => ({
        program: program.id,
        napping: true,
        premisesAvailableStaff: 5,
        children: kids(n, band.minMonths),
        staff: teachers(1),
      });
      expect(evaluate(p, asleep(band.ratio)), where).toMatchObject({ compliant: true });
      const over = evaluate(p, asleep(band.ratio + 1));
      expect(over, where).toMatchObject({ compliant: false, napRelaxation: false });
      expect(over.explanation.join("\n"), where).toMatch(/no nap relaxation for these ages/);
    }
    // Everywhere but California and Pennsylvania, that is every band.
    const relaxing = new Set(napRules.map(({ p }) => p.code));
    expect([...relaxing].sort()).toEqual(["US-CA", "US-PA"]);
    expect(noNap.map(({ p, band }) => `${p.code} ${band.id}`)).toContain("US-PA infant");
  });

  // Under an aide rule, the staff "the awake ratio needs beyond those in the room" are counted by
  // capacity: awake, 1 teacher + 1 aide may have 15 preschoolers, so 24 napping need one more
  // teacher immediately available; aides beyond the per-teacher limit add nothing.
  it("US-CA preschool: 24 napping, a teacher and an aide, nobody on the premises", () => {
    const e = evaluate(pack("US-CA"), {
      program: "preschool",
      napping: true,
      premisesAvailableStaff: 0,
      children: kids(24, 48),
      staff: [...teachers(1), { id: "aide", ageYears: 30, role: "assistant" }],
    });
    expect(e.compliant).toBe(false);
  });

  it("US-CA infants: 16 asleep, a teacher and 3 aides, nobody on the premises", () => {
    const e = evaluate(pack("US-CA"), {
      program: "infant_care_center",
      napping: true,
      premisesAvailableStaff: 0,
      children: kids(16, 6),
      staff: [
        ...teachers(1),
        ...[1, 2, 3].map((i) => ({ id: `aide${i}`, ageYears: 30, role: "assistant" as const })),
      ],
    });
    expect(e.compliant).toBe(false);
  });

  it("(the same rooms awake are out of ratio, and with the teacher needed on the premises are in)", () => {
    const ca = pack("US-CA");
    const preschool = (napping: boolean, premisesAvailableStaff: number) =>
      evaluate(ca, {
        program: "preschool",
        napping,
        premisesAvailableStaff,
        children: kids(24, 48),
        staff: [...teachers(1), { id: "aide", ageYears: 30, role: "assistant" }],
      });
    expect(preschool(false, 0).compliant).toBe(false);
    expect(preschool(true, 1).compliant).toBe(true);
  });

  it("relaxes only when one rule covers every napping child (PA: toddlers of both bands)", () => {
    const pa = pack("US-PA");
    const mixed = evaluate(pa, {
      napping: true,
      children: [...kids(1, 18), ...kids(9, 30)],
      staff: teachers(1),
    });
    expect(mixed).toMatchObject({ napRelaxation: false, compliant: false });
  });
});

describe("hand-written cases from shared/ratio-rules.md", () => {
  const check = (
    code: string,
    children: RoomInput["children"],
    staff: number,
    expected: { compliant: boolean; band?: string; reason?: RegExp },
    extra: Partial<RoomInput> = {},
  ) => {
    const e = evaluate(pack(code), { children, staff: teachers(staff), ...extra });
    expect(e.compliant, `${code}: ${e.reasons.join("; ")}`).toBe(expected.compliant);
    if (expected.band) expect(e.governingBand.id).toBe(expected.band);
    if (expected.reason) expect(e.reasons.join("; ")).toMatch(expected.reason);
  };
  const group = /over the maximum group size/;
  const short = /short by 1/;

  it("US-CA", () => {
    // §101416.5(b): 1 teacher : 4 infants, no group size.
    check("US-CA", kids(8, 10), 2, { compliant: true, band: "infant" });
    check("US-CA", kids(9, 10), 2, { compliant: false, reason: short });
    check("US-CA", kids(40, 10), 10, { compliant: true });
    // §101216.3(a): preschool 1:12.
    check("US-CA", kids(12, 48), 1, { compliant: true, band: "preschool" });
    check("US-CA", kids(13, 48), 1, { compliant: false });
    // Toddler component 1:6, group 12 (H&S §1596.955), held for 24–36 months too (stricter).
    check("US-CA", kids(12, 30), 2, { compliant: true, band: "toddler" });
    check("US-CA", kids(13, 30), 3, { compliant: false, reason: group });
    // School-age: a teacher alone ≤ 14 (§101516.5(b)).
    check("US-CA", kids(14, 96), 1, { compliant: true, band: "school_age" });
    check("US-CA", kids(15, 96), 1, { compliant: false });
    // Sleeping infants 1:12 only with the rest of the 1:4 staff available at the center.
    check(
      "US-CA",
      kids(12, 10),
      1,
      { compliant: true },
      { napping: true, premisesAvailableStaff: 2 },
    );
    check(
      "US-CA",
      kids(12, 10),
      1,
      { compliant: false },
      { napping: true, premisesAvailableStaff: 1 },
    );
  });

  it("US-TX", () => {
    // 18–23 months 1:9, group 18.
    check("US-TX", kids(9, 20), 1, { compliant: true, band: "toddler_18_23m" });
    check("US-TX", kids(10, 20), 1, { compliant: false, reason: short });
    check("US-TX", kids(19, 20), 3, { compliant: false, reason: group });
    // 0–11 months 1:4, group 10.
    check("US-TX", kids(8, 6), 2, { compliant: true });
    check("US-TX", kids(11, 6), 3, { compliant: false, reason: group });
    // 4 years 1:18, group 35 (a hard ceiling: more caregivers do not raise it).
    check("US-TX", kids(18, 50), 1, { compliant: true, band: "four_years" });
    check("US-TX", kids(36, 50), 3, { compliant: false, reason: group });
    // No nap relaxation.
    check(
      "US-TX",
      kids(10, 20),
      1,
      { compliant: false },
      { napping: true, premisesAvailableStaff: 3 },
    );
  });

  it("US-NY", () => {
    // Infant 1:4, group 8.
    check("US-NY", kids(8, 6), 2, { compliant: true, band: "infant" });
    check("US-NY", kids(9, 6), 3, { compliant: false, reason: group });
    // 3 years 1:7, group 18.
    check("US-NY", kids(7, 40), 1, { compliant: true, band: "three_years" });
    check("US-NY", kids(8, 40), 1, { compliant: false, reason: short });
    // Toddlers 1:5, group 12.
    check("US-NY", kids(10, 24), 2, { compliant: true, band: "toddler" });
    check("US-NY", kids(11, 24), 2, { compliant: false });
  });

  it("US-FL", () => {
    check("US-FL", kids(4, 6), 1, { compliant: true, band: "under_1_year" });
    check("US-FL", kids(5, 6), 1, { compliant: false });
    check("US-FL", kids(6, 18), 1, { compliant: true, band: "one_year" });
    check("US-FL", kids(7, 18), 1, { compliant: false });
    check("US-FL", kids(20, 50), 1, { compliant: true, band: "four_years" });
    check("US-FL", kids(21, 50), 1, { compliant: false });
    // 7 three-year-olds + 4 four-year-olds → 1:15 (the largest group).
    check("US-FL", [...kids(7, 40), ...kids(4, 50)], 1, { compliant: true, band: "three_years" });
  });

  it("US-WA", () => {
    // Toddlers 12–29 months 1:7, group 14.
    check("US-WA", kids(7, 20), 1, { compliant: true, band: "toddler" });
    check("US-WA", kids(8, 20), 1, { compliant: false, reason: short });
    // Preschool 30 months–6 years 1:10, group 20.
    check("US-WA", kids(20, 40), 2, { compliant: true, band: "preschool" });
    check("US-WA", kids(21, 40), 3, { compliant: false, reason: group });
    // Infants do not mix with older children.
    check("US-WA", [...kids(1, 6), ...kids(1, 20)], 2, { compliant: false });
  });

  it("US-IL", () => {
    // 407.190(a): two years 1:8, group 16.
    check("US-IL", kids(8, 30), 1, { compliant: true, band: "two_years" });
    check("US-IL", kids(9, 30), 1, { compliant: false, reason: short });
    check("US-IL", kids(17, 30), 3, { compliant: false, reason: group });
    // Five years 1:20, group 20; a teacher with an assistant up to 30 (407.190(b)).
    check("US-IL", kids(20, 62), 1, { compliant: true, band: "five_years" });
    check("US-IL", kids(21, 62), 1, { compliant: false, reason: short });
    check("US-IL", kids(21, 62), 2, { compliant: true, band: "five_years" });
    check("US-IL", kids(31, 62), 3, { compliant: false, reason: group });
    // 407.190(d): infants may not be grouped with three-year-olds.
    check("US-IL", [...kids(1, 6), ...kids(1, 40)], 2, {
      compliant: false,
      reason: /may not share a group/,
    });
  });

  it("US-PA", () => {
    // Young toddler 1:5, group 10.
    check("US-PA", kids(5, 18), 1, { compliant: true, band: "young_toddler" });
    check("US-PA", kids(6, 18), 1, { compliant: false });
    check("US-PA", kids(11, 18), 3, { compliant: false, reason: group });
    // §3270.55: napping preschoolers 1:20; infants have no nap relaxation.
    check("US-PA", kids(20, 40), 1, { compliant: true }, { napping: true });
    check(
      "US-PA",
      kids(5, 6),
      1,
      { compliant: false },
      { napping: true, premisesAvailableStaff: 3 },
    );
  });

  it("NAEYC", () => {
    check("NAEYC", kids(8, 6), 2, { compliant: true, band: "infant" });
    check("NAEYC", kids(9, 6), 3, { compliant: false, reason: group });
    check("NAEYC", kids(6, 24), 1, { compliant: true, band: "toddler_two" });
    check("NAEYC", kids(7, 24), 1, { compliant: false });
    check("NAEYC", kids(20, 48), 2, { compliant: true, band: "preschool" });
    check("NAEYC", kids(21, 48), 3, { compliant: false, reason: group });
  });

  it("CFOC", () => {
    check("CFOC", kids(3, 6), 1, { compliant: true, band: "infant" });
    check("CFOC", kids(4, 6), 1, { compliant: false });
    check("CFOC", kids(8, 20), 2, { compliant: true, band: "toddler" });
    check("CFOC", kids(9, 20), 3, { compliant: false, reason: group });
    check("CFOC", kids(7, 40), 1, { compliant: true, band: "three_years" });
    check("CFOC", kids(8, 40), 1, { compliant: false });
  });
});

describe("monotonicity of the real packs (property-based)", () => {
  const severity = { ok: 0, approaching: 1, violation: 2, critical: 3 } as const;
  const person = fc.record({
    ageYears: fc.integer({ min: 15, max: 70 }),
    role: fc.constantFrom(
      "teacher",
      "caregiver",
      "aide",
      "assistant",
      "director",
      "volunteer",
      "floater",
    ),
    onBreak: fc.boolean(),
    engagedInCare: fc.boolean(),
  });
  const countedTeacher = { ageYears: 30, role: "teacher" as const };
  const oldest = (program: Program) =>
    Math.max(...program.bands.map((b) => b.maxMonths ?? b.minMonths + 24));
  const roomFor = (program: Program) =>
    fc.record({
      children: fc.array(
        fc.record({ ageMonths: fc.integer({ min: 0, max: oldest(program) + 6 }) }),
        {
          maxLength: 30,
        },
      ),
      staff: fc.array(person, { maxLength: 5 }),
      napping: fc.boolean(),
      premisesAvailableStaff: fc.integer({ min: 0, max: 3 }),
    });
  // Within one program: with several, the room names it (see the counterexample below).
  const youngest = packs.flatMap((p) =>
    p.programs
      .filter((program) => program.mixedAge.method === "youngest")
      .map((program) => ({ p, program, named: p.programs.length > 1 })),
  );
  const name = (x: (typeof youngest)[number]) => `${x.p.code} ${x.program.id}`;

  it("covers every pack but Florida", () => {
    expect([...new Set(youngest.map((x) => x.p.code))].sort()).toEqual(
      packs
        .map((p) => p.code)
        .filter((c) => c !== "US-FL")
        .sort(),
    );
  });

  it.each(youngest.map((x) => [name(x), x] as const))(
    "%s: adding a counted teacher never worsens a room",
    (_, { p, program, named }) => {
      fc.assert(
        fc.property(roomFor(program), (r) => {
          const input = { ...r, ...(named ? { program: program.id } : {}) };
          const before = evaluate(p, input);
          const after = evaluate(p, { ...input, staff: [...r.staff, countedTeacher] });
          expect(severity[after.status]).toBeLessThanOrEqual(severity[before.status]);
          if (before.compliant) expect(after.compliant).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each(youngest.map((x) => [name(x), x] as const))(
    "%s: adding a child never improves a room",
    (_, { p, program, named }) => {
      fc.assert(
        fc.property(
          roomFor(program),
          fc.integer({ min: 0, max: oldest(program) + 6 }),
          (r, extra) => {
            const input = { ...r, ...(named ? { program: program.id } : {}) };
            const before = evaluate(p, input);
            const after = evaluate(p, {
              ...input,
              children: [...r.children, { ageMonths: extra }],
            });
            expect(severity[after.status]).toBeGreaterThanOrEqual(severity[before.status]);
            if (!before.compliant) expect(after.compliant).toBe(false);
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("US-FL: adding a counted teacher never worsens a room either", () => {
    const fl = pack("US-FL");
    fc.assert(
      fc.property(roomFor(fl.programs[0] as Program), (r) => {
        const before = evaluate(fl, r);
        const after = evaluate(fl, { ...r, staff: [...r.staff, countedTeacher] });
        expect(severity[after.status]).toBeLessThanOrEqual(severity[before.status]);
      }),
      { numRuns: 150 },
    );
  });

  it("US-FL: adding a child CAN improve a room (largest group governs, knowingly not monotone)", () => {
    // 8 three-year-olds and 8 four-year-olds tie, so the stricter 1:15 governs: 16 children need 2.
    // A ninth four-year-old makes four-year-olds the largest group, 1:20: 17 children need 1.
    // This is the statute's rule (s. 402.305(4), ratio-rules.md §4), not an evaluator bug.
    const fl = pack("US-FL");
    const before = evaluate(fl, { children: [...kids(8, 40), ...kids(8, 50)], staff: teachers(1) });
    expect(before).toMatchObject({ compliant: false, governingBand: { id: "three_years" } });
    const after = evaluate(fl, { children: [...kids(8, 40), ...kids(9, 50)], staff: teachers(1) });
    expect(after).toMatchObject({ compliant: true, governingBand: { id: "four_years" } });
  });

  it("choosing a program by coverage (no program named) is not monotone either", () => {
    // California: 7 children of 30 months are a toddler component (1:6), short by one. An older
    // child the toddler component does not cover moves the room to preschool (1:12), compliant.
    // The live monitor names no program, so this is what it will report; see the report.
    const ca = pack("US-CA");
    const before = evaluate(ca, { children: kids(7, 30), staff: teachers(1) });
    expect(before).toMatchObject({ compliant: false, program: "toddler" });
    const after = evaluate(ca, { children: [...kids(7, 30), ...kids(1, 40)], staff: teachers(1) });
    expect(after).toMatchObject({ compliant: true, program: "preschool" });
  });
});

describe("Texas infant age spread (§746.1605)", () => {
  const tx = pack("US-TX");
  const program = tx.programs[0]!;
  it("an infant with a child more than 18 months older is out of compliance, whatever the bands", () => {
    const room = (ages: number[]) =>
      evaluate(tx, {
        program: program.id,
        children: ages.flatMap((a) => kids(1, a)),
        staff: teachers(1),
      });
    const wide = room([2, 30]);
    expect(wide.compliant).toBe(false);
    expect(wide.reasons.join(" ")).toMatch(
      /infant \(2 months\) is grouped with a child 28 months older/,
    );
    expect(room([12, 30]).compliant).toBe(true);
    expect(room([11, 30]).compliant).toBe(false);
    expect(room([18, 40]).compliant).toBe(true);
  });
});
