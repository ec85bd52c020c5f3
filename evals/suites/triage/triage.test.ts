/**
 * The triage scorer: a case passes only on both labels; the below-floor rate counts a severity
 * under the floor (and its bound is zero); the confusion matrix puts each pair in its cell; the
 * template path triages at the floor.
 */
import { describe, expect, it } from "vitest";
import { confusionMatrix, type Triaged, triageMetrics, triagePasses } from "./score.js";
import { templateTriage } from "./suite.js";

const t = (expected: Triaged["expected"], actual: Partial<Triaged["actual"]> = {}): Triaged => ({
  expected,
  actual: { category: expected.category, severity: expected.severity, floor: "low", ...actual },
});

describe("triage scoring", () => {
  it("passes only when category and severity both match", () => {
    expect(triagePasses(t({ category: "injury", severity: "high" }))).toBe(true);
    expect(triagePasses(t({ category: "injury", severity: "high" }, { severity: "medium" }))).toBe(
      false,
    );
    expect(triagePasses(t({ category: "injury", severity: "high" }, { category: "other" }))).toBe(
      false,
    );
  });

  it("reports a severity below the floor with a bound of zero", () => {
    const metrics = triageMetrics([
      t({ category: "injury", severity: "high" }, { severity: "medium", floor: "high" }),
      t({ category: "injury", severity: "low" }),
    ]);
    const below = metrics.find((m) => m.name === "below-floor rate")!;
    expect(below).toMatchObject({ value: 0.5, max: 0 });
    const under = metrics.find((m) => m.name.startsWith("under-triage"))!;
    expect(under.value).toBe(0.5);
  });

  it("puts each label/answer pair in its cell", () => {
    const m = confusionMatrix(
      [
        { expected: "low", actual: "high" },
        { expected: "low", actual: "high" },
        { expected: "high", actual: "high" },
      ],
      ["low", "high"],
    );
    const [, low, high] = m.split("\n");
    expect(low!.trim().split(/\s+/)).toEqual(["low", "0", "2"]);
    expect(high!.trim().split(/\s+/)).toEqual(["high", "0", "1"]);
  });

  it("the template path answers the deterministic floor", () => {
    expect(templateTriage("Bumped his forehead on the table.")).toMatchObject({
      severity: "high",
      floor: "high",
      category: "injury",
    });
    // A child unaccounted for is high on the floor's own rule, whatever else the text says.
    expect(templateTriage("Could not find him for four minutes.")).toMatchObject({
      severity: "high",
      floor: "high",
      category: "other",
    });
    expect(templateTriage("Grazed her elbow on the fence.")).toMatchObject({ floor: "low" });
  });
});
