import { describe, expect, it } from "vitest";
import { axisMax, CHART_BOX, type ChartSlot, chartGeometry, stepPath } from "./staffing-chart.js";

const slot = (start: string, expected: number, requiredStaff: number, countedStaff: number) =>
  ({ start, expected, requiredStaff, countedStaff }) satisfies ChartSlot;

describe("staffing chart geometry", () => {
  const slots = [
    slot("07:45", 0, 0, 1),
    slot("08:00", 7.4, 2, 1),
    slot("08:15", 8, 2, 2),
    slot("08:30", 3, 1, 3),
  ];
  const g = chartGeometry(slots);

  it("spreads the slots evenly across the plot, first at the left edge, last ending at the right", () => {
    expect(g.x(0)).toBe(CHART_BOX.left);
    expect(g.x(4)).toBe(CHART_BOX.width - CHART_BOX.right);
    expect(g.x(2)).toBe((CHART_BOX.left + CHART_BOX.width - CHART_BOX.right) / 2);
    expect(g.slotWidth).toBe(168);
  });

  it("scales children and staff separately from the baseline to the top", () => {
    expect(g.childrenMax).toBe(8);
    expect(g.staffMax).toBe(3);
    expect(g.yChildren(0)).toBe(g.baseline);
    expect(g.yChildren(8)).toBe(CHART_BOX.top);
    expect(g.yStaff(3)).toBe(CHART_BOX.top);
    expect(g.yStaff(0)).toBe(CHART_BOX.height - CHART_BOX.bottom);
  });

  it("labels whole hours only, at the slot that starts them", () => {
    expect(g.hourTicks).toEqual([{ x: g.x(1), label: "08" }]);
    expect(g.staffTicks.map((t) => t.label)).toEqual(["0", "1", "2", "3"]);
    expect(g.childrenTicks.map((t) => t.label)).toEqual(["0", "2", "4", "6", "8"]);
  });

  it("rounds axis maxima up to whole numbers, even ones above ten, never below one", () => {
    expect([axisMax(0), axisMax(0.2), axisMax(7.4), axisMax(11), axisMax(12)]).toEqual([
      1, 1, 8, 12, 12,
    ]);
  });

  it("draws a step line that only turns where the value changes", () => {
    const x = (i: number) => i * 10;
    const y = (v: number) => 100 - v * 10;
    expect(stepPath([1, 1, 2, 0], x, y)).toBe("M0,90H20V80H30V100H40");
    expect(stepPath([2], x, y)).toBe("M0,80H10");
    expect(stepPath([], x, y)).toBe("");
  });
});
