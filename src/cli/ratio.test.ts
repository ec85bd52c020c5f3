import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runRatioCommand } from "./ratio.js";

const io = (stdin: string) => ({
  readStdin: async () => stdin,
  now: () => new Date("2026-11-23T17:00:00Z"),
});

describe("ratio check", () => {
  it("prints the evaluation as JSON with the contract's fields", async () => {
    const room = {
      at: "2026-11-23T17:00:00Z",
      children: Array.from({ length: 9 }, () => ({ ageMonths: 20 })),
      staff: [{ ageYears: 30, role: "teacher" }],
    };
    const out = await runRatioCommand(
      ["check", "--jurisdiction", "US-TX"],
      io(JSON.stringify(room)),
    );
    expect(out.code).toBe(0);
    const e = JSON.parse(out.stdout);
    expect(e).toMatchObject({
      status: "approaching",
      compliant: true,
      requiredStaff: 1,
      countedStaff: 1,
      groupSize: 9,
      maxGroupSize: 18,
    });
    expect(e.explanation.join("\n")).toMatch(/ceil\(9 \/ 9\) = 1/);
    expect(e.citations.length).toBeGreaterThan(0);
  });

  it("uses --jurisdiction's pack and the named program", async () => {
    const room = {
      program: "school_age",
      children: Array.from({ length: 20 }, () => ({ ageMonths: 90 })),
      staff: [{ ageYears: 30 }, { ageYears: 25, role: "aide" }],
    };
    const out = await runRatioCommand(["check", "-j", "US-CA"], io(JSON.stringify(room)));
    expect(JSON.parse(out.stdout)).toMatchObject({
      program: "school_age",
      compliant: true,
      countedStaff: 2,
    });
  });

  it("applies the opening/closing rule only when the minutes are given", async () => {
    const room = (extra: object) =>
      JSON.stringify({
        at: "2026-11-23T13:00:00Z",
        children: Array.from({ length: 16 }, () => ({ ageMonths: 30 })),
        staff: [{ ageYears: 30, role: "teacher" }],
        ...extra,
      });
    const run = async (extra: object) =>
      JSON.parse(
        (await runRatioCommand(["check", "--jurisdiction", "US-TX"], io(room(extra)))).stdout,
      );
    expect((await run({ minutesSinceOpening: 20, minutesUntilClosing: 700 })).compliant).toBe(true);
    expect((await run({ minutesSinceOpening: 45, minutesUntilClosing: 675 })).compliant).toBe(
      false,
    );
    expect((await run({})).compliant).toBe(false);
    const bad = await runRatioCommand(
      ["check", "--jurisdiction", "US-TX"],
      io(room({ minutesSinceOpening: "early" })),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/minutesSinceOpening/);
  });

  it("exits non-zero naming the field on bad input", async () => {
    const bad = await runRatioCommand(
      ["check", "--jurisdiction", "US-CA"],
      io('{"children":[{"ageMonths":"x"}],"staff":[]}'),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/children\.0\.ageMonths/);
    const notJson = await runRatioCommand(["check", "--jurisdiction", "US-CA"], io("{"));
    expect(notJson.stderr).toMatch(/not valid JSON/);
    const unknown = await runRatioCommand(["check", "--jurisdiction", "US-ZZ"], io("{}"));
    expect(unknown.stderr).toMatch(/--jurisdiction: no rule pack "US-ZZ"/);
    const missing = await runRatioCommand(["check"], io("{}"));
    expect(missing.stderr).toMatch(/--jurisdiction is required/);
    const program = await runRatioCommand(
      ["check", "--jurisdiction", "US-CA"],
      io('{"program":"camp","children":[],"staff":[]}'),
    );
    expect(program.stderr).toMatch(/program: "camp"/);
  });

  it("lists the rule packs", async () => {
    const out = await runRatioCommand(["rules"], io(""));
    for (const code of [
      "US-CA",
      "US-TX",
      "US-NY",
      "US-FL",
      "US-WA",
      "US-IL",
      "US-PA",
      "NAEYC",
      "CFOC",
    ]) {
      expect(out.stdout).toContain(code);
    }
  });
});

describe("npm run -s cli (the real process)", () => {
  it("reads stdin and writes JSON, with exit codes", () => {
    const room = JSON.stringify({
      children: [
        { ageMonths: 6 },
        { ageMonths: 7 },
        { ageMonths: 8 },
        { ageMonths: 9 },
        { ageMonths: 10 },
      ],
      staff: [{ ageYears: 30 }],
    });
    const stdout = execFileSync(
      "npm",
      ["run", "-s", "cli", "--", "ratio", "check", "--jurisdiction", "US-PA"],
      {
        input: room,
        encoding: "utf8",
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      status: "violation",
      compliant: false,
      requiredStaff: 2,
    });
    const bad = spawnSync(
      "npm",
      ["run", "-s", "cli", "--", "ratio", "check", "--jurisdiction", "US-PA"],
      {
        input: "[]",
        encoding: "utf8",
      },
    );
    expect(bad.status).not.toBe(0);
  });
});
