/**
 * The eight packs added from shared/ratio-rules-more.md (OH, NC, NJ, AZ, VA, GA, MI, MA), checked
 * against numbers written out by hand from that document, through the real evaluator: each row on
 * both sides of its age limits, the mixed-age and grouping rules, who counts, and the readings
 * that are knowingly stricter than the text (and the one that is knowingly looser).
 */
import { describe, expect, it } from "vitest";
import { evaluateRoom } from "../evaluate.js";
import { type Evaluation, type RoomInput, roomInputSchema } from "../evaluation.js";
import type { RulePack } from "../pack.js";
import { getRulePack } from "./index.js";

const at = new Date("2026-11-23T17:00:00Z");

function pack(code: string): RulePack {
  const p = getRulePack(code);
  if (!p) throw new Error(`no pack ${code}`);
  return p;
}

function evaluate(code: string, input: RoomInput): Evaluation {
  const result = evaluateRoom(pack(code), roomInputSchema.parse(input), { at });
  if (!result.ok) throw result.error;
  return result.value;
}

const kids = (n: number, ageMonths: number) => Array.from({ length: n }, () => ({ ageMonths }));
const teachers = (n: number) =>
  Array.from({ length: n }, () => ({ ageYears: 30, role: "teacher" as const }));

/** "1:r/g" of the band governing a single child of this age ("-" for no group size). */
function numbers(code: string, ageMonths: number, program?: string): string {
  const e = evaluate(code, {
    ...(program ? { program } : {}),
    children: kids(1, ageMonths),
    staff: teachers(1),
  });
  return `1:${e.governingBand.ratio}/${e.maxGroupSize ?? "-"}`;
}

describe("each new pack's table, both sides of every age limit (ratio-rules-more.md)", () => {
  const rows: [string, string | undefined, [number, string][]][] = [
    [
      "US-OH",
      undefined,
      [
        [0, "1:5/12"],
        [11, "1:5/12"],
        [12, "1:6/12"],
        [17, "1:6/12"],
        [18, "1:7/14"],
        [29, "1:7/14"],
        [30, "1:8/16"],
        [35, "1:8/16"],
        [36, "1:12/24"],
        [47, "1:12/24"],
        [48, "1:14/28"],
        [71, "1:14/28"],
      ],
    ],
    [
      "US-OH",
      "school_age",
      [
        [60, "1:18/36"],
        [131, "1:18/36"],
        [132, "1:20/40"],
        [179, "1:20/40"],
      ],
    ],
    [
      "US-NC",
      undefined,
      [
        [11, "1:5/10"],
        [12, "1:5/10"], // "0 to 12" and "12 to 24" both name 12: the younger row
        [13, "1:6/12"],
        [24, "1:6/12"],
        [25, "1:10/20"],
        [36, "1:10/20"],
        [37, "1:15/25"],
        [48, "1:15/25"],
        [49, "1:20/25"],
        [60, "1:20/25"],
        [61, "1:25/25"],
        [150, "1:25/25"],
      ],
    ],
    [
      "US-NJ",
      undefined,
      [
        [17, "1:4/8"],
        [18, "1:6/12"],
        [29, "1:6/12"],
        [30, "1:10/20"],
        [47, "1:10/20"],
        [48, "1:12/24"],
        [59, "1:12/24"],
        [60, "1:15/30"],
      ],
    ],
    [
      "US-AZ",
      undefined,
      [
        [12, "1:5/-"],
        [13, "1:6/-"],
        [24, "1:6/-"],
        [25, "1:8/-"],
        [35, "1:8/-"],
        [36, "1:13/-"],
        [48, "1:15/-"],
        [59, "1:15/-"],
        [60, "1:20/-"],
        [140, "1:20/-"],
      ],
    ],
    [
      "US-VA",
      undefined,
      [
        [15, "1:4/8"],
        [16, "1:5/10"],
        [23, "1:5/10"],
        [24, "1:8/16"],
        [35, "1:8/16"],
        [36, "1:10/20"],
        [71, "1:10/20"],
      ],
    ],
    [
      "US-VA",
      "school_age",
      [
        [60, "1:18/-"],
        [107, "1:18/-"],
        [108, "1:20/-"],
        [155, "1:20/-"],
      ],
    ],
    [
      "US-GA",
      undefined,
      [
        [11, "1:6/12"],
        [17, "1:6/12"], // walking status unknown: every child under 18 months is an infant
        [18, "1:8/16"],
        [23, "1:8/16"],
        [24, "1:10/20"],
        [36, "1:15/30"],
        [48, "1:18/36"],
        [60, "1:20/40"],
        [71, "1:20/40"],
        [72, "1:25/50"],
      ],
    ],
    [
      "US-MI",
      undefined,
      [
        [0, "1:4/12"],
        [29, "1:4/12"],
        [30, "1:8/16"],
        [35, "1:8/16"],
        [36, "1:10/30"],
        [47, "1:10/30"],
        [48, "1:12/24"],
        [71, "1:12/24"],
      ],
    ],
    [
      "US-MA",
      undefined,
      [
        [15, "1:3/7"],
        [16, "1:4/9"],
        [33, "1:4/9"],
        [34, "1:10/20"],
        [83, "1:10/20"],
      ],
    ],
    ["US-MA", "half_day_preschool", [[33, "1:12/24"]]],
  ];
  for (const [code, program, cases] of rows) {
    it(`${code}${program ? ` ${program}` : ""}`, () => {
      expect(cases.map(([m]) => `${m}: ${numbers(code, m, program)}`)).toEqual(
        cases.map(([m, n]) => `${m}: ${n}`),
      );
    });
  }
});

describe("at the limit and one over", () => {
  it("OH 3-year-olds: 24 with 2 staff is full, 25 is over the group however many staff", () => {
    expect(evaluate("US-OH", { children: kids(24, 40), staff: teachers(2) }).status).toBe(
      "approaching",
    );
    const over = evaluate("US-OH", { children: kids(25, 40), staff: teachers(3) });
    expect(over.compliant).toBe(false);
    expect(over.reasons.join()).toMatch(/maximum group size of 24/);
  });

  it("NJ 4-year-olds: 12 with one teacher in ratio, 13 short", () => {
    expect(evaluate("US-NJ", { children: kids(12, 50), staff: teachers(1) }).compliant).toBe(true);
    expect(evaluate("US-NJ", { children: kids(13, 50), staff: teachers(1) }).status).toBe(
      "violation",
    );
  });

  it("AZ has no group size: 40 four-year-olds with 3 staff are in ratio", () => {
    const e = evaluate("US-AZ", { children: kids(40, 50), staff: teachers(3) });
    expect([e.compliant, e.maxGroupSize, e.requiredStaff]).toEqual([true, null, 3]);
  });

  it("VA school-age has no group size ((E)); below school age the unread group size is 2 × ratio", () => {
    expect(
      evaluate("US-VA", { program: "school_age", children: kids(40, 80), staff: teachers(3) })
        .compliant,
    ).toBe(true);
    expect(evaluate("US-VA", { children: kids(21, 40), staff: teachers(3) }).compliant).toBe(false);
  });
});

describe("mixed ages and grouping limits", () => {
  it("OH: the youngest child's ratio and group size (ORC 5104.033(A))", () => {
    const e = evaluate("US-OH", { children: [...kids(1, 20), ...kids(8, 40)], staff: teachers(1) });
    expect([e.governingBand.ratio, e.maxGroupSize, e.requiredStaff]).toEqual([7, 14, 2]);
  });

  it("NC: under-1s never with children 2 and older, 24 months included ((a)(5))", () => {
    expect(
      evaluate("US-NC", { children: [...kids(1, 11), ...kids(1, 24)], staff: teachers(1) })
        .compliant,
    ).toBe(false);
    expect(
      evaluate("US-NC", { children: [...kids(1, 11), ...kids(1, 23)], staff: teachers(1) })
        .compliant,
    ).toBe(true);
  });

  it("NC: 12–24-month-olds not with children 3 and older, fine with 2-year-olds ((a)(6))", () => {
    expect(
      evaluate("US-NC", { children: [...kids(1, 15), ...kids(1, 36)], staff: teachers(1) })
        .compliant,
    ).toBe(false);
    const ok = evaluate("US-NC", {
      children: [...kids(1, 15), ...kids(1, 35)],
      staff: teachers(1),
    });
    expect([ok.compliant, ok.governingBand.ratio]).toEqual([true, 6]);
    expect(
      evaluate("US-NC", { children: [...kids(1, 12), ...kids(1, 40)], staff: teachers(1) })
        .compliant,
    ).toBe(false);
  });

  it("AZ: an infant with any non-infant is out of compliance (R9-5-404(C)(3), stricter)", () => {
    expect(
      evaluate("US-AZ", { children: [...kids(1, 10), ...kids(1, 13)], staff: teachers(2) })
        .compliant,
    ).toBe(false);
    expect(
      evaluate("US-AZ", { children: [...kids(1, 13), ...kids(1, 40)], staff: teachers(1) })
        .governingBand.ratio,
    ).toBe(6);
  });

  it("VA, NJ, GA, MI, MA: the youngest child governs ratio and group size", () => {
    for (const [code, young, old, ratio] of [
      ["US-VA", 20, 40, 5],
      ["US-NJ", 20, 50, 6],
      ["US-GA", 30, 50, 10],
      ["US-MI", 32, 50, 8],
      ["US-MA", 20, 50, 4],
    ] as const) {
      const e = evaluate(code, {
        children: [...kids(1, young), ...kids(3, old)],
        staff: teachers(1),
      });
      expect(e.governingBand.ratio, code).toBe(ratio);
    }
  });
});

describe("who counts", () => {
  const room = (code: string, extra: RoomInput["staff"][number]) =>
    evaluate(code, { children: kids(5, 40), staff: [...teachers(1), extra] });

  it("a 17-year-old never counts, even the MI child care aide (R 400.8101: never unsupervised)", () => {
    for (const code of ["US-OH", "US-NC", "US-NJ", "US-AZ", "US-VA", "US-GA", "US-MI", "US-MA"]) {
      expect(room(code, { ageYears: 17, role: "aide" }).countedStaff, code).toBe(1);
    }
  });

  it("volunteers do not count (AZ qualified volunteers and MA 3-month volunteers: stricter)", () => {
    for (const code of ["US-AZ", "US-MA", "US-OH"]) {
      const e = room(code, { ageYears: 40, role: "volunteer", qualified: true });
      expect(e.countedStaff, code).toBe(1);
    }
  });

  it("OH: a director counts only while engaged in care (OAC 5101:2-12-18(A)(2))", () => {
    expect(
      room("US-OH", { ageYears: 50, role: "director", engagedInCare: false }).countedStaff,
    ).toBe(1);
    expect(
      room("US-OH", { ageYears: 50, role: "director", engagedInCare: true }).countedStaff,
    ).toBe(2);
  });

  it("AZ: an adult teacher-caregiver-aide does not count (R9-5-404(B)(3))", () => {
    const e = evaluate("US-AZ", {
      children: kids(16, 30),
      staff: [...teachers(1), { ageYears: 25, role: "aide" }],
    });
    expect(e.countedStaff).toBe(1);
  });
});

describe("relaxations in the text that are not applied (the evaluator is stricter)", () => {
  it("OH 12 infants with two staff (12:2 in ORC 5104.033): reported short by one", () => {
    const e = evaluate("US-OH", { children: kids(12, 6), staff: teachers(2) });
    expect([e.compliant, e.requiredStaff]).toEqual([false, 3]);
  });

  it("AZ 11 infants with two staff (2:11): reported short by one", () => {
    expect(evaluate("US-AZ", { children: kids(11, 6), staff: teachers(2) }).requiredStaff).toBe(3);
  });

  it("no nap relaxation in any new pack (OH's two-hour limit and NJ's (d)3 cannot be checked)", () => {
    for (const code of ["US-OH", "US-NC", "US-NJ", "US-AZ", "US-VA", "US-GA", "US-MI", "US-MA"]) {
      const e = evaluate(code, {
        napping: true,
        premisesAvailableStaff: 5,
        children: kids(20, 40),
        staff: teachers(1),
      });
      expect(e.napRelaxation, code).toBe(false);
    }
  });

  it("cites the opening/closing rules in the packs that have them, as not yet applied", () => {
    expect(pack("US-NC").summary).toMatch(/first and last operating hour.*\(a\)\(2\)/s);
    expect(pack("US-VA").summary).toMatch(/first and last\s+hour.*\(D\)\(5\)/s);
  });
});

describe("first and last hour (the center's opening hours known)", () => {
  const mixed = { children: [...kids(1, 11), ...kids(2, 36)], staff: teachers(1) };
  it("NC: all ages together in the first and last operating hour ((a)(2)), not in between", () => {
    expect(evaluate("US-NC", { ...mixed, minutesSinceOpening: 59 }).compliant).toBe(true);
    expect(evaluate("US-NC", { ...mixed, minutesUntilClosing: 60 }).compliant).toBe(true);
    expect(evaluate("US-NC", { ...mixed, minutesSinceOpening: 60 }).compliant).toBe(false);
    expect(evaluate("US-NC", mixed).compliant).toBe(false);
  });

  it("VA: no group size in the first and last hour of a day over six hours ((D)(5)), ratio still", () => {
    const big = { children: kids(21, 40), staff: teachers(3) };
    const day = (since: number, open: number) => ({
      minutesSinceOpening: since,
      minutesUntilClosing: open - since,
    });
    expect(evaluate("US-VA", { ...big, ...day(30, 600) }).compliant).toBe(true);
    expect(evaluate("US-VA", { ...big, ...day(30, 360) }).compliant).toBe(false);
    expect(evaluate("US-VA", { ...big, ...day(90, 600) }).compliant).toBe(false);
    expect(evaluate("US-VA", { ...big, staff: teachers(2), ...day(30, 600) }).compliant).toBe(
      false,
    );
  });
});
