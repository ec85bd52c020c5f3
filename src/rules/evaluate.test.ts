import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRoom } from "./evaluate.js";
import { type RoomInput, roomInputSchema } from "./evaluation.js";
import { type RulePackInput, rulePackSchema } from "./pack.js";

const cite = { source: "Test Code §1", strength: "P" as const };
const testPack = rulePackSchema.parse({
  code: "US-ZZ",
  name: "Testland",
  summary: "A synthetic pack for evaluator tests.",
  asOf: "2026",
  programs: [
    {
      id: "center",
      label: "Center",
      bands: [
        {
          id: "infant",
          label: "Infants",
          minMonths: 0,
          maxMonths: 11,
          ratio: 4,
          maxGroup: 8,
          citation: cite,
        },
        {
          id: "toddler",
          label: "Toddlers",
          minMonths: 12,
          maxMonths: 35,
          ratio: 6,
          maxGroup: 12,
          citation: cite,
        },
        {
          id: "preschool",
          label: "Preschoolers",
          minMonths: 36,
          maxMonths: 71,
          ratio: 10,
          maxGroup: 20,
          citation: cite,
        },
      ],
      mixedAge: { method: "youngest", forbiddenPairs: [["infant", "preschool"]], citation: cite },
      nap: [
        {
          bands: ["preschool"],
          ratio: 20,
          condition: "remaining_staff_on_premises",
          citation: cite,
        },
      ],
    },
  ],
  staff: {
    minAge: 18,
    directorOnlyWhenEngaged: true,
    volunteersCount: false,
    requiresQualifiedTeacher: true,
    credentialsToCount: ["cpr"],
    citation: cite,
  },
} satisfies RulePackInput);

const at = new Date("2026-11-23T17:00:00Z");
const kids = (n: number, ageMonths: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `k${i}`, ageMonths }));
const teachers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, ageYears: 30 }));

function evaluate(input: RoomInput, pack = testPack) {
  const result = evaluateRoom(pack, roomInputSchema.parse(input), { at });
  if (!result.ok) throw result.error;
  return result.value;
}

describe("evaluateRoom", () => {
  it("is ok with slack, approaching at the limit, violation one over", () => {
    // One teacher, 3 infants at 1:4: room for one more, so ok (one staff is a note, not an alert).
    expect(evaluate({ children: kids(3, 6), staff: teachers(1) })).toMatchObject({
      status: "ok",
      compliant: true,
      requiredStaff: 1,
      countedStaff: 1,
      canTake: 1,
      oneLessBreaches: true,
      note: "1 staff — cover needed before a break",
    });
    // 4 infants: the next check-in breaches.
    expect(evaluate({ children: kids(4, 6), staff: teachers(1) })).toMatchObject({
      status: "approaching",
      canTake: 0,
      slack: "full: one more child would breach",
    });
    expect(evaluate({ children: kids(6, 6), staff: teachers(2) })).toMatchObject({
      status: "ok",
      canTake: 2,
      note: "2 staff, all needed — cover needed before a break",
    });
    expect(evaluate({ children: kids(8, 6), staff: teachers(2) }).status).toBe("approaching");
    expect(evaluate({ children: kids(5, 24), staff: teachers(2) })).toMatchObject({
      status: "ok",
      canTake: 7,
      slack: "can take 7 more toddlers",
    });
    const over = evaluate({ children: kids(5, 6), staff: teachers(1) });
    expect(over).toMatchObject({
      status: "violation",
      compliant: false,
      requiredStaff: 2,
      staffShort: 1,
    });
    expect(over.slack).toBe("needs 1 more qualified staff");
    expect(over.explanation.join("\n")).toContain("ceil(5 / 4) = 2");
  });

  it("puts approaching exactly at the limit, on both sides, for every band", () => {
    for (const [months, ratio] of [
      [6, 4],
      [20, 6],
      [50, 10],
    ] as const) {
      const below = evaluate({ children: kids(ratio - 1, months), staff: teachers(1) });
      const at = evaluate({ children: kids(ratio, months), staff: teachers(1) });
      const over = evaluate({ children: kids(ratio + 1, months), staff: teachers(1) });
      expect([below.status, below.canTake], `${months} months, ${ratio - 1}`).toEqual(["ok", 1]);
      expect([at.status, at.canTake], `${months} months, ${ratio}`).toEqual(["approaching", 0]);
      expect(over.status, `${months} months, ${ratio + 1}`).toBe("violation");
    }
    // The group size is a limit too: 12 toddlers with 3 teachers have staff to spare but no room.
    expect(evaluate({ children: kids(11, 20), staff: teachers(3) })).toMatchObject({
      status: "ok",
      note: null,
    });
    expect(evaluate({ children: kids(12, 20), staff: teachers(3) }).status).toBe("approaching");
  });

  it("notes a room that cannot lose anyone, without making it approaching", () => {
    // Two preschool teachers for 15: room for 5 more, but either one leaving breaches 1:10.
    const two = evaluate({ children: kids(15, 50), staff: teachers(2) });
    expect(two).toMatchObject({ status: "ok", canTake: 5, oneLessBreaches: true });
    expect(two.explanation.join("\n")).toContain("one fewer counted staff member would breach");
    // A qualified teacher and an assistant: losing the teacher leaves nobody qualified.
    const pair = evaluate({
      children: kids(2, 50),
      staff: [{ ageYears: 30 }, { ageYears: 30, role: "assistant" }],
    });
    expect(pair).toMatchObject({
      status: "ok",
      note: "1 qualified teacher — cover needed before a break",
    });
    // Staff to spare: no note.
    expect(evaluate({ children: kids(5, 50), staff: teachers(2) })).toMatchObject({
      status: "ok",
      note: null,
      oneLessBreaches: false,
    });
    // An empty room needs no cover.
    expect(evaluate({ children: [], staff: teachers(1) }).note).toBeNull();
  });

  it("is critical with children and no counted staff, or short by two", () => {
    expect(evaluate({ children: kids(1, 6), staff: [] }).status).toBe("critical");
    expect(
      evaluate({ children: kids(9, 40), staff: [{ ageYears: 30, onBreak: true }] }).status,
    ).toBe("critical");
    expect(evaluate({ children: kids(8, 6), staff: teachers(0) }).staffShort).toBe(2);
    expect(evaluate({ children: kids(9, 24), staff: teachers(0) }).status).toBe("critical");
  });

  it("is critical when a violation has been open past the limit", () => {
    const room = { children: kids(5, 6), staff: teachers(1) };
    expect(evaluate({ ...room, violationSince: "2026-11-23T16:56:00Z" }).status).toBe("violation");
    expect(evaluate({ ...room, violationSince: "2026-11-23T16:55:00Z" }).status).toBe("critical");
  });

  it("checks group size even with enough staff", () => {
    const e = evaluate({ children: kids(9, 6), staff: teachers(3) });
    expect(e).toMatchObject({ status: "violation", groupSize: 9, maxGroupSize: 8 });
    expect(e.reasons.join()).toMatch(/maximum group size of 8/);
  });

  it("applies the youngest child's band to a mixed group and forbids forbidden pairs", () => {
    const mixed = evaluate({ children: [...kids(5, 40), { ageMonths: 20 }], staff: teachers(1) });
    expect(mixed.governingBand.id).toBe("toddler");
    expect(mixed).toMatchObject({ requiredStaff: 1, status: "approaching" });
    const forbidden = evaluate({
      children: [...kids(2, 40), { ageMonths: 5 }],
      staff: teachers(2),
    });
    expect(forbidden.compliant).toBe(false);
    expect(forbidden.reasons.join()).toMatch(/infant and preschool may not share/);
  });

  it("places band boundaries by completed months", () => {
    expect(evaluate({ children: kids(1, 11), staff: teachers(1) }).governingBand.id).toBe("infant");
    expect(evaluate({ children: kids(1, 12), staff: teachers(1) }).governingBand.id).toBe(
      "toddler",
    );
    // Born 2025-11-24: 11 completed months on 2026-11-23, still an infant.
    expect(
      evaluate({ children: [{ birthDate: "2025-11-24" }], staff: teachers(1) }).governingBand.id,
    ).toBe("infant");
    expect(
      evaluate({ children: [{ birthDate: "2025-11-23" }], staff: teachers(1) }).governingBand.id,
    ).toBe("toddler");
  });

  it("does not count staff on break, under age, volunteers, idle directors or expired credentials", () => {
    const e = evaluate({
      children: kids(4, 24),
      staff: [
        { id: "break", ageYears: 30, onBreak: true },
        { id: "young", ageYears: 17 },
        { id: "vol", ageYears: 40, role: "volunteer" },
        { id: "dir", ageYears: 50, role: "director" },
        { id: "cpr", ageYears: 30, expiredCredentials: ["cpr"] },
      ],
    });
    expect(e.countedStaff).toBe(0);
    expect(Object.fromEntries(e.notCounted.map((x) => [x.id, x.reason]))).toEqual({
      break: "on break",
      young: "17 years old, under the minimum age of 18",
      vol: "volunteers do not count",
      dir: "director not engaged in care",
      cpr: "expired cpr",
    });
    const engaged = evaluate({
      children: kids(4, 24),
      staff: [{ ageYears: 50, role: "director", engagedInCare: true }],
    });
    expect(engaged.countedStaff).toBe(1);
  });

  it("needs a qualified teacher among the counted staff", () => {
    const e = evaluate({ children: kids(3, 24), staff: [{ ageYears: 30, role: "aide" }] });
    expect(e.compliant).toBe(false);
    expect(e.reasons).toContain("no counted staff member is a qualified teacher");
  });

  it("relaxes for naps only when the rest of the awake staffing is on the premises", () => {
    const room = { napping: true, children: kids(20, 40), staff: teachers(1) };
    const without = evaluate(room);
    expect(without).toMatchObject({ compliant: false, napRelaxation: false, requiredStaff: 2 });
    const withPremises = evaluate({ ...room, premisesAvailableStaff: 1 });
    expect(withPremises).toMatchObject({ compliant: true, napRelaxation: true, requiredStaff: 1 });
    expect(
      evaluate({ ...room, children: kids(6, 24), premisesAvailableStaff: 3 }).napRelaxation,
    ).toBe(false);
  });

  it("refuses an unknown program, naming the field", () => {
    const result = evaluateRoom(
      testPack,
      roomInputSchema.parse({ program: "camp", children: [], staff: [] }),
      { at },
    );
    expect(!result.ok && result.error.details.field).toBe("program");
  });

  it("flags a child outside every band", () => {
    const e = evaluate({ children: [{ id: "teen", ageMonths: 150 }], staff: teachers(1) });
    expect(e.compliant).toBe(false);
    expect(e.reasons[0]).toMatch(/teen is 150 months old, outside every age band/);
  });

  it("takes a center policy whole and records it as the rule source", () => {
    const policy = {
      bands: { infant: { ratio: 3, maxGroup: 6 } },
      violationCriticalAfterMinutes: 5,
    };
    const result = evaluateRoom(
      testPack,
      roomInputSchema.parse({ children: kids(4, 6), staff: teachers(1) }),
      { at, policy },
    );
    expect(result.ok && result.value).toMatchObject({
      ruleSource: "center policy",
      requiredStaff: 2,
      compliant: false,
    });
    expect(evaluate({ children: kids(4, 6), staff: teachers(1) }).ruleSource).toBe("state US-ZZ");
  });
});

describe("monotonicity (property-based)", () => {
  const severity = { ok: 0, approaching: 1, violation: 2, critical: 3 } as const;
  const child = fc.record({ ageMonths: fc.integer({ min: 0, max: 71 }) });
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
  const roomArb = fc.record({
    children: fc.array(child, { maxLength: 30 }),
    staff: fc.array(person, { maxLength: 5 }),
    napping: fc.boolean(),
    premisesAvailableStaff: fc.integer({ min: 0, max: 3 }),
  });
  const countedTeacher = { ageYears: 30, role: "teacher" as const };

  it("adding a counted staff member never worsens a room", () => {
    fc.assert(
      fc.property(roomArb, (room) => {
        const before = evaluate(room);
        const after = evaluate({ ...room, staff: [...room.staff, countedTeacher] });
        expect(severity[after.status]).toBeLessThanOrEqual(severity[before.status]);
        expect(after.countedStaff).toBe(before.countedStaff + 1);
        if (before.compliant) expect(after.compliant).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("adding a child never improves a room", () => {
    fc.assert(
      fc.property(roomArb, child, (room, extra) => {
        const before = evaluate(room);
        const after = evaluate({ ...room, children: [...room.children, extra] });
        expect(severity[after.status]).toBeGreaterThanOrEqual(severity[before.status]);
        if (!before.compliant) expect(after.compliant).toBe(false);
        expect(after.requiredStaff).toBeGreaterThanOrEqual(before.requiredStaff);
      }),
      { numRuns: 500 },
    );
  });
});
