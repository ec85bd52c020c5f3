import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulePacks } from "../../src/rules/packs/index.js";
import { loadJsonl } from "../runner/dataset.js";
import forecast, { scoreForecastCase } from "./forecast/suite.js";
import ratio, { scoreRatioCase } from "./ratio/suite.js";

describe("ratio suite", () => {
  it("has at least 150 cases covering every rule pack, hand and labeller", async () => {
    const cases = await loadJsonl(ratio.dataset, ratio.caseSchema);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const code of rulePacks.keys()) {
      const mine = cases.filter((c) => c.pack === code);
      expect(mine.length, code).toBeGreaterThanOrEqual(15);
    }
    expect(cases.filter((c) => c.labelledBy === "hand").length).toBeGreaterThanOrEqual(50);
  });

  it("labels independently of the core: label.ts imports nothing from src/rules", async () => {
    const source = await readFile(join(import.meta.dirname, "ratio", "label.ts"), "utf8");
    expect(source).not.toMatch(/from\s+["'][^"']*src\/rules/);
    expect(source).not.toMatch(/from\s+["']\.\.\/\.\.\/\.\.\/src/);
  });

  it("fails a case whose label differs from the core in any field", async () => {
    const [c] = await loadJsonl(ratio.dataset, ratio.caseSchema);
    const good = scoreRatioCase(c!);
    const bad = scoreRatioCase({
      ...c!,
      expected: { ...c!.expected, requiredStaff: c!.expected.requiredStaff + 1 },
    });
    expect(good).toMatchObject({ kind: "scored", pass: true });
    expect(bad).toMatchObject({ kind: "scored", pass: false });
    expect(bad.kind === "scored" && bad.detail).toMatch(/requiredStaff: expected/);
  });
});

describe("forecast suite", () => {
  it("has at least 30 timelines", async () => {
    const cases = await loadJsonl(forecast.dataset, forecast.caseSchema);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it("fails a shifted breach time or a top move outside the set", async () => {
    const cases = await loadJsonl(forecast.dataset, forecast.caseSchema);
    const c = cases.find((x) => x.id === "f01-shift-end-floater")!;
    expect(scoreForecastCase(c)).toMatchObject({ pass: true, score: 1 });
    const late = scoreForecastCase({
      ...c,
      expected: { ...c.expected, firstBreachAt: "2026-11-23T15:16:00Z" },
    });
    expect(late).toMatchObject({ pass: false, score: 0.5 });
    const wrongMove = scoreForecastCase({
      ...c,
      expected: { ...c.expected, acceptableMoves: [{ staffId: "t9", fromRoomId: null }] },
    });
    expect(wrongMove).toMatchObject({ pass: false, score: 0.5 });
    const noneWanted = scoreForecastCase({
      ...c,
      expected: { ...c.expected, acceptableMoves: [] },
    });
    expect(noneWanted).toMatchObject({ pass: false });
  });
});
