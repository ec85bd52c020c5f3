import { describe, expect, it } from "vitest";
import { type Band, type Program, type RulePack, rulePackSchema } from "../pack.js";
import { cfoc } from "./cfoc.js";
import { getRulePack, listRulePacks, rulePackProblems, rulePacks } from "./index.js";
import { naeyc } from "./naeyc.js";
import { usCa } from "./us-ca.js";
import { usFl } from "./us-fl.js";
import { usIl } from "./us-il.js";
import { usNy } from "./us-ny.js";
import { usPa } from "./us-pa.js";
import { usTx } from "./us-tx.js";
import { usWa } from "./us-wa.js";

const inputs = { usCa, usTx, usNy, usFl, usWa, usIl, usPa, naeyc, cfoc };
const packs = [...rulePacks.values()];

function pack(code: string): RulePack {
  const p = getRulePack(code);
  if (!p) throw new Error(`no pack ${code}`);
  return p;
}

function program(code: string, id: string): Program {
  const p = pack(code).programs.find((x) => x.id === id);
  if (!p) throw new Error(`no program ${id} in ${code}`);
  return p;
}

function bandAt(prog: Program, months: number): Band | undefined {
  return prog.bands.find(
    (b) => months >= b.minMonths && (b.maxMonths === null || months <= b.maxMonths),
  );
}

/** Ratio and group size at an age, e.g. "1:9/18" ("-" for no group size). */
function numbers(code: string, programId: string, months: number): string {
  const b = bandAt(program(code, programId), months);
  if (!b) return "not covered";
  return `1:${b.ratio}/${b.maxGroup ?? "-"}`;
}

/** The program used when a room names none: the first whose bands cover every child. */
function defaultProgram(code: string, months: number[]): string | undefined {
  return pack(code).programs.find((p) => months.every((m) => bandAt(p, m) !== undefined))?.id;
}

function pairForbidden(prog: Program, a: string, b: string): boolean {
  return prog.mixedAge.forbiddenPairs.some(
    ([x, y]) => (x === a && y === b) || (x === b && y === a),
  );
}

describe("rule packs: shape", () => {
  it("every pack parses and is structurally sound", () => {
    for (const [name, input] of Object.entries(inputs)) {
      const parsed = rulePackSchema.safeParse(input);
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      if (parsed.success) expect(rulePackProblems(parsed.data), name).toEqual([]);
    }
  });

  it("has exactly the seventeen jurisdictions", () => {
    expect([...rulePacks.keys()].sort()).toEqual(
      [
        ...["CFOC", "NAEYC", "US-CA", "US-FL", "US-IL", "US-NY", "US-PA", "US-TX", "US-WA"],
        ...["US-AZ", "US-GA", "US-MA", "US-MI", "US-NC", "US-NJ", "US-OH", "US-VA"],
      ].sort(),
    );
    expect(getRulePack("US-TX")?.name).toContain("Texas");
    expect(getRulePack("US-ZZ")).toBeUndefined();
  });

  it("sorts bands within each program, without gaps or overlaps", () => {
    for (const p of packs) {
      for (const prog of p.programs) {
        const bands = prog.bands;
        for (const [i, b] of bands.entries()) {
          const at = `${p.code}/${prog.id}/${b.id}`;
          if (b.maxMonths !== null) expect(b.maxMonths, at).toBeGreaterThanOrEqual(b.minMonths);
          const next = bands[i + 1];
          if (next) {
            expect(b.maxMonths, `${at} is open-ended but not last`).not.toBeNull();
            expect(next.minMonths, `${at} → ${next.id}`).toBe((b.maxMonths ?? 0) + 1);
          }
        }
        // Every month between the first and last band lands in exactly one band.
        const first = bands[0]?.minMonths ?? 0;
        const last = bands.at(-1)?.maxMonths ?? 240;
        for (let m = first; m <= last; m++) {
          const hits = bands.filter(
            (b) => m >= b.minMonths && (b.maxMonths === null || m <= b.maxMonths),
          );
          expect(hits.length, `${p.code}/${prog.id} at ${m} months`).toBe(1);
        }
      }
    }
  });

  it("uses each band id once per pack (center policies name bands by id)", () => {
    for (const p of packs) {
      const ids = p.programs.flatMap((prog) => prog.bands.map((b) => b.id));
      expect(new Set(ids).size, p.code).toBe(ids.length);
    }
  });

  it("marks open everything cited as UNCONFIRMED", () => {
    let seen = 0;
    const check = (at: string, c: { strength: string }, open: unknown) => {
      if (c.strength !== "UNCONFIRMED") return;
      seen++;
      expect(open, at).toMatchObject({ reason: expect.any(String) });
    };
    for (const p of packs) {
      check(`${p.code} staff`, p.staff.citation, p.staff.open);
      for (const prog of p.programs) {
        const at = `${p.code}/${prog.id}`;
        for (const b of prog.bands) check(`${at}/${b.id}`, b.citation, b.open);
        check(`${at} mixedAge`, prog.mixedAge.citation, prog.mixedAge.open);
        if (prog.aides) check(`${at} aides`, prog.aides.citation, prog.aides.open);
        for (const n of prog.nap) check(`${at} nap`, n.citation, n.open);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it("cites every band, mixed-age rule, aide rule, nap rule and staff rule", () => {
    for (const p of packs) {
      expect(p.staff.citation.source.length, p.code).toBeGreaterThan(10);
      for (const prog of p.programs) {
        const all = [
          ...prog.bands.map((b) => b.citation),
          prog.mixedAge.citation,
          ...(prog.aides ? [prog.aides.citation] : []),
          ...prog.nap.map((n) => n.citation),
        ];
        for (const c of all) expect(c.source.length, `${p.code}/${prog.id}`).toBeGreaterThan(10);
      }
    }
  });

  it("makes the youngest band the strictest, so 'youngest child' never loosens a group", () => {
    // Known exception, straight from the sources: NY 5-year-olds' (unconfirmed) group of 24 is above
    // the 6–9-year-olds' 20. It is recorded in the 5-year band's open reason.
    // MI 4-year-olds' unconfirmed group (24, twice the older rule's 1:12) is below the
    // 3-year-olds' 30 (S); the stricter reading of an unread number, recorded in its open reason.
    const exceptions = new Set([
      "US-NY/five_years→six_to_nine_years maxGroup",
      "US-MI/three_years→four_to_kindergarten maxGroup",
    ]);
    for (const p of packs) {
      for (const prog of p.programs) {
        for (const [i, b] of prog.bands.entries()) {
          const next = prog.bands[i + 1];
          if (!next) continue;
          const at = `${p.code}/${b.id}→${next.id}`;
          expect(b.ratio, `${at} ratio`).toBeLessThanOrEqual(next.ratio);
          if (exceptions.has(`${at} maxGroup`)) continue;
          expect(b.maxGroup ?? Infinity, `${at} maxGroup`).toBeLessThanOrEqual(
            next.maxGroup ?? Infinity,
          );
        }
      }
    }
  });

  it("uses the stricter staff readings everywhere", () => {
    for (const p of packs) {
      expect(p.staff, p.code).toMatchObject({
        minAge: 18,
        directorOnlyWhenEngaged: true,
        volunteersCount: false,
        requiresQualifiedTeacher: true,
        credentialsToCount: [],
      });
    }
  });

  it("freezes the loaded packs", () => {
    const ca = pack("US-CA");
    expect(Object.isFrozen(ca)).toBe(true);
    expect(Object.isFrozen(ca.programs[0]?.bands[0])).toBe(true);
    expect(() => {
      (ca.programs[0]?.bands[0] as { ratio: number }).ratio = 40;
    }).toThrow();
  });
});

describe("rulePackProblems", () => {
  const base = rulePackSchema.parse(usFl);
  const withBands = (bands: Band[]): RulePack => ({
    ...base,
    programs: [{ ...(base.programs[0] as Program), bands }],
  });
  const b = (id: string, minMonths: number, maxMonths: number | null): Band => ({
    id,
    label: id,
    minMonths,
    maxMonths,
    ratio: 4,
    maxGroup: null,
    citation: { source: "x", strength: "P" },
  });

  it("reports gaps, overlaps, unsorted and open-ended inner bands", () => {
    expect(rulePackProblems(withBands([b("a", 0, 11), b("b", 13, null)])).join()).toMatch(
      /ends at 11 months but b starts at 13/,
    );
    expect(rulePackProblems(withBands([b("a", 0, 12), b("b", 12, null)])).join()).toMatch(
      /ends at 12 months but b starts at 12/,
    );
    expect(rulePackProblems(withBands([b("a", 0, null), b("b", 12, null)])).join()).toMatch(
      /no upper bound/,
    );
  });

  it("reports unknown band ids and UNCONFIRMED citations not marked open", () => {
    const bad: RulePack = {
      ...base,
      programs: [
        {
          ...(base.programs[0] as Program),
          mixedAge: {
            ...(base.programs[0] as Program).mixedAge,
            forbiddenPairs: [["under_1_year", "nope"]],
          },
          nap: [
            {
              bands: ["two_years"],
              ratio: 20,
              condition: "none",
              citation: { source: "x", strength: "UNCONFIRMED" },
            },
          ],
        },
      ],
    };
    const problems = rulePackProblems(bad).join("\n");
    expect(problems).toMatch(/forbidden pair names unknown band nope/);
    expect(problems).toMatch(/nap 1:20: cited UNCONFIRMED but not marked open/);
  });
});

describe("US-CA", () => {
  it("has the component numbers", () => {
    expect(numbers("US-CA", "infant_care_center", 10)).toBe("1:4/-");
    expect(numbers("US-CA", "toddler", 20)).toBe("1:6/12");
    expect(numbers("US-CA", "preschool", 40)).toBe("1:12/-");
    expect(numbers("US-CA", "school_age", 100)).toBe("1:14/-");
    expect(program("US-CA", "preschool").aides).toMatchObject({ adds: 3, maxPerTeacher: 1 });
    expect(program("US-CA", "school_age").aides).toMatchObject({ adds: 14, maxPerTeacher: 1 });
    expect(program("US-CA", "infant_care_center").aides).toMatchObject({
      adds: 4,
      maxPerTeacher: 2,
    });
  });

  it("relaxes naps only with the remaining staff on the premises", () => {
    expect(program("US-CA", "infant_care_center").nap).toMatchObject([
      { bands: ["infant"], ratio: 12, condition: "remaining_staff_on_premises" },
    ]);
    expect(program("US-CA", "preschool").nap).toMatchObject([
      { bands: ["preschool"], ratio: 24, condition: "remaining_staff_on_premises" },
    ]);
    expect(program("US-CA", "toddler").nap).toEqual([]);
  });

  it("takes the stricter toddler age range, 18–36 months, marked open", () => {
    const toddler = program("US-CA", "toddler").bands[0];
    expect(toddler).toMatchObject({ minMonths: 18, maxMonths: 36 });
    expect(toddler?.open?.reason).toMatch(/18–30 or 18–36/);
  });

  it("picks the stricter component first when a room names none", () => {
    expect(defaultProgram("US-CA", [6, 12, 20])).toBe("infant_care_center");
    expect(defaultProgram("US-CA", [24, 30, 36])).toBe("toddler"); // 1:6, not preschool 1:12
    expect(defaultProgram("US-CA", [20, 30])).toBe("toddler");
    expect(defaultProgram("US-CA", [40, 50, 65])).toBe("preschool");
    expect(defaultProgram("US-CA", [62, 70])).toBe("preschool"); // 1:12, not school-age 1:14
    expect(defaultProgram("US-CA", [66, 90])).toBe("school_age");
  });

  it("has no component covering an infant together with a preschooler", () => {
    for (const infant of [0, 10, 17]) {
      for (const older of [37, 48, 60]) {
        expect(defaultProgram("US-CA", [infant, older]), `${infant}+${older}`).toBeUndefined();
      }
    }
  });
});

describe("US-TX", () => {
  it("has the 13+-in-care table", () => {
    expect(numbers("US-TX", "center", 6)).toBe("1:4/10");
    expect(numbers("US-TX", "center", 15)).toBe("1:5/13");
    expect(numbers("US-TX", "center", 18)).toBe("1:9/18");
    expect(numbers("US-TX", "center", 23)).toBe("1:9/18");
    expect(numbers("US-TX", "center", 30)).toBe("1:11/22");
    expect(numbers("US-TX", "center", 50)).toBe("1:18/35");
    expect(numbers("US-TX", "center", 150)).toBe("1:26/35");
    expect(numbers("US-TX", "center", 168)).toBe("not covered");
  });

  it("forbids exactly the infant pairings that always exceed the 18-month age spread", () => {
    const prog = program("US-TX", "center");
    const infants = prog.bands.filter((b) => (b.maxMonths ?? 999) < 18);
    const older = prog.bands.filter((b) => b.minMonths >= 18);
    for (const i of infants) {
      for (const o of older) {
        const alwaysOver = o.minMonths - (i.maxMonths ?? 0) > 18;
        expect(pairForbidden(prog, i.id, o.id), `${i.id}+${o.id}`).toBe(alwaysOver);
      }
    }
    expect(pairForbidden(prog, "infant_0_11m", "two_years")).toBe(false);
    expect(pairForbidden(prog, "infant_12_17m", "three_years")).toBe(true);
  });

  it("has no nap relaxation and uses the youngest child, open", () => {
    const prog = program("US-TX", "center");
    expect(prog.nap).toEqual([]);
    expect(prog.mixedAge.method).toBe("youngest");
    expect(prog.mixedAge.open).toBeDefined();
  });
});

describe("US-NY", () => {
  it("has the table", () => {
    expect(numbers("US-NY", "center", 10)).toBe("1:4/8");
    expect(numbers("US-NY", "center", 24)).toBe("1:5/12");
    expect(numbers("US-NY", "center", 40)).toBe("1:7/18");
    expect(numbers("US-NY", "center", 50)).toBe("1:8/21");
    expect(numbers("US-NY", "center", 65)).toBe("1:9/24");
    expect(numbers("US-NY", "center", 100)).toBe("1:10/20");
    expect(numbers("US-NY", "center", 130)).toBe("1:15/30");
  });

  it("puts the ambiguous boundaries in the stricter band", () => {
    expect(numbers("US-NY", "center", 18)).toBe("1:4/8");
    expect(numbers("US-NY", "center", 19)).toBe("1:5/12");
    expect(numbers("US-NY", "center", 36)).toBe("1:5/12");
    expect(numbers("US-NY", "center", 1)).toBe("1:3/6"); // under 6 weeks, unconfirmed
    expect(bandAt(program("US-NY", "center"), 18)?.open).toBeDefined();
  });

  it("marks the unconfirmed school-age group sizes open", () => {
    for (const m of [65, 100, 130]) {
      expect(bandAt(program("US-NY", "center"), m)?.citation.strength).toBe("UNCONFIRMED");
    }
  });
});

describe("US-FL", () => {
  it("has the statute's ratios and no group-size caps", () => {
    expect(numbers("US-FL", "center", 6)).toBe("1:4/-");
    expect(numbers("US-FL", "center", 18)).toBe("1:6/-");
    expect(numbers("US-FL", "center", 24)).toBe("1:11/-");
    expect(numbers("US-FL", "center", 40)).toBe("1:15/-");
    expect(numbers("US-FL", "center", 50)).toBe("1:20/-");
    expect(numbers("US-FL", "center", 120)).toBe("1:25/-");
    expect(program("US-FL", "center").mixedAge.method).toBe("florida");
  });

  it("puts exactly 12 months in the 1:4 band", () => {
    expect(numbers("US-FL", "center", 12)).toBe("1:4/-");
    expect(numbers("US-FL", "center", 13)).toBe("1:6/-");
  });
});

describe("US-WA", () => {
  it("has the predecessor numbers, every band open", () => {
    expect(numbers("US-WA", "early_learning", 0)).toBe("1:4/8");
    expect(numbers("US-WA", "early_learning", 20)).toBe("1:7/14");
    expect(numbers("US-WA", "early_learning", 30)).toBe("1:10/20");
    expect(numbers("US-WA", "school_age", 100)).toBe("1:15/30");
    for (const prog of pack("US-WA").programs) {
      for (const b of prog.bands) expect(b.open, b.id).toBeDefined();
    }
  });

  it("holds 5–6-year-olds to preschool numbers unless the school-age program is named", () => {
    expect(defaultProgram("US-WA", [62, 70, 80])).toBe("early_learning");
    expect(defaultProgram("US-WA", [62, 90, 140])).toBe("school_age");
  });

  it("does not let infants mix with older children", () => {
    const prog = program("US-WA", "early_learning");
    expect(pairForbidden(prog, "infant", "toddler")).toBe(true);
    expect(pairForbidden(prog, "infant", "preschool")).toBe(true);
  });
});

describe("US-IL", () => {
  it("has the 407.190(a) table", () => {
    expect(numbers("US-IL", "early_childhood", 6)).toBe("1:4/12");
    expect(numbers("US-IL", "early_childhood", 14)).toBe("1:4/12");
    expect(numbers("US-IL", "early_childhood", 15)).toBe("1:5/15");
    expect(numbers("US-IL", "early_childhood", 30)).toBe("1:8/16");
    expect(numbers("US-IL", "early_childhood", 40)).toBe("1:10/20");
    expect(numbers("US-IL", "early_childhood", 64)).toBe("1:20/20");
    expect(numbers("US-IL", "school_age", 100)).toBe("1:20/30");
    expect(pack("US-IL").programs.every((p) => p.nap.length === 0)).toBe(true);
  });

  it("allows only the 407.190(d) combinations", () => {
    const prog = program("US-IL", "early_childhood");
    const allowedSets = [
      ["infant", "toddler", "two_years"],
      ["two_years", "three_years", "four_years", "five_years"],
      ["four_years", "five_years", "six_years"],
    ];
    const ids = prog.bands.map((b) => b.id);
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const allowed = allowedSets.some((s) => s.includes(a) && s.includes(b));
        expect(pairForbidden(prog, a, b), `${a}+${b}`).toBe(!allowed);
      }
    }
  });
});

describe("US-PA", () => {
  it("has the center table", () => {
    expect(numbers("US-PA", "early_childhood", 6)).toBe("1:4/8");
    expect(numbers("US-PA", "early_childhood", 12)).toBe("1:5/10");
    expect(numbers("US-PA", "early_childhood", 30)).toBe("1:6/12");
    expect(numbers("US-PA", "early_childhood", 36)).toBe("1:10/20"); // 36 months is preschool
    expect(numbers("US-PA", "school_age", 80)).toBe("1:12/24");
    expect(numbers("US-PA", "school_age", 150)).toBe("1:15/30");
  });

  it("has the §3270.55 nap ratios, none for infants", () => {
    const nap = program("US-PA", "early_childhood").nap;
    const napFor = (id: string) => nap.find((n) => n.bands.includes(id));
    expect(napFor("young_toddler")).toMatchObject({ ratio: 10, condition: "none" });
    expect(napFor("older_toddler")).toMatchObject({ ratio: 12, condition: "none" });
    expect(napFor("preschool")).toMatchObject({ ratio: 20, condition: "none" });
    expect(napFor("infant")).toBeUndefined();
  });

  it("holds 5–6-year-olds to preschool numbers unless the school-age program is named", () => {
    expect(defaultProgram("US-PA", [62, 70, 80])).toBe("early_childhood");
    expect(defaultProgram("US-PA", [70, 100])).toBe("school_age");
  });
});

describe("NAEYC", () => {
  it("has the 2018 table", () => {
    expect(numbers("NAEYC", "early_learning", 6)).toBe("1:4/8");
    expect(numbers("NAEYC", "early_learning", 24)).toBe("1:6/12");
    expect(numbers("NAEYC", "early_learning", 48)).toBe("1:10/20");
    expect(numbers("NAEYC", "kindergarten", 66)).toBe("1:12/24");
    expect(numbers("NAEYC", "school_age", 90)).toBe("1:15/30");
  });

  it("resolves the overlapping categories to the younger, stricter one", () => {
    for (const m of [12, 15]) expect(numbers("NAEYC", "early_learning", m), `${m}`).toBe("1:4/8");
    expect(numbers("NAEYC", "early_learning", 16)).toBe("1:6/12");
    for (const m of [30, 36]) expect(numbers("NAEYC", "early_learning", m), `${m}`).toBe("1:6/12");
    expect(numbers("NAEYC", "early_learning", 37)).toBe("1:10/20");
  });

  it("defaults 5-year-olds to preschool numbers", () => {
    expect(defaultProgram("NAEYC", [60, 66, 71])).toBe("early_learning");
    expect(defaultProgram("NAEYC", [66, 78])).toBe("kindergarten");
    expect(defaultProgram("NAEYC", [70, 100])).toBe("school_age");
  });
});

describe("CFOC", () => {
  it("has the 1.1.1.2 table", () => {
    expect(numbers("CFOC", "center", 6)).toBe("1:3/6");
    expect(numbers("CFOC", "center", 20)).toBe("1:4/8");
    expect(numbers("CFOC", "center", 40)).toBe("1:7/14");
    expect(numbers("CFOC", "center", 50)).toBe("1:8/16");
    expect(numbers("CFOC", "center", 65)).toBe("1:8/16");
    expect(numbers("CFOC", "center", 80)).toBe("1:10/20");
    expect(numbers("CFOC", "center", 120)).toBe("1:12/24");
  });

  it("puts exactly 12 months in the 1:3 band and keeps the unconfirmed rows open", () => {
    expect(numbers("CFOC", "center", 12)).toBe("1:3/6");
    expect(numbers("CFOC", "center", 13)).toBe("1:4/8");
    const prog = program("CFOC", "center");
    for (const m of [65, 80, 120]) expect(bandAt(prog, m)?.open, `${m}`).toBeDefined();
    expect(prog.mixedAge).toMatchObject({ method: "youngest", open: expect.anything() });
  });
});

describe("listRulePacks", () => {
  it("lists every pack with its programs and band summaries", () => {
    const list = listRulePacks();
    expect(list.map((p) => p.code)).toEqual([...rulePacks.keys()]);
    const tx = list.find((p) => p.code === "US-TX");
    expect(tx?.asOf).toBeTruthy();
    const band = tx?.programs[0]?.bands.find((b) => b.id === "toddler_18_23m");
    expect(band).toMatchObject({ ages: "18–23 months", ratio: 9, maxGroup: 18, open: true });
    expect(band?.text).toBe("Toddlers (18–23 months): 18–23 months, 1:9, max group 18 (open)");
    const fl = list.find((p) => p.code === "US-FL")?.programs[0]?.bands.at(-1);
    expect(fl).toMatchObject({ ages: "60+ months", maxGroup: null });
    expect(fl?.text).toContain("no max group");
  });
});
