import { describe, expect, it } from "vitest";
import { staff } from "../rules/index.js";
import { plannedChildren, sandboxHistory } from "./history.js";
import { roomSlotCounts } from "./staffing.js";

// Los Angeles is UTC−8 in November.
const at = (local: string) => new Date(`2026-11-16T${local}:00-08:00`).toISOString();

describe("attendance history per 15-minute slot", () => {
  it("counts the most children present at any moment of each slot, following moves", () => {
    const counts = roomSlotCounts(
      [
        { at: at("07:05"), kind: "in", childId: "a", roomId: "r1" },
        { at: at("07:20"), kind: "in", childId: "b", roomId: "r1" },
        { at: at("07:40"), kind: "out", childId: "a", roomId: "r1" },
        { at: at("07:40"), kind: "in", childId: "a", roomId: "r2" },
        { at: at("07:50"), kind: "in", childId: "c", roomId: "r2" },
      ],
      "r1",
      "2026-11-16",
      { opensAt: "07:00", closesAt: "08:00" },
      "America/Los_Angeles",
    );
    expect(counts).toEqual({ date: "2026-11-16", counts: [1, 2, 2, 1] });
  });
});

describe("the forecast on the sandbox's generated history", () => {
  it("forecasts each day of the second week as the first week's same weekday (one week of weights)", () => {
    const rooms = sandboxHistory({ seed: 7, date: "2026-11-02", days: 10, centers: 1 });
    const room = rooms.find((r) => r.history.some((h) => h.counts.some((c) => c > 0)))!;
    const [week1, week2] = [room.history.slice(0, 5), room.history.slice(5, 10)];
    const input = {
      opensAt: room.center.opensAt,
      closesAt: room.center.closesAt,
      children: plannedChildren(room.center, room.roomId),
      history: room.history,
    };
    const forecast = staff.forecastAttendance({
      ...input,
      dates: week2.map((d) => d.date),
      history: week1,
    });
    if (!forecast.ok) throw forecast.error;
    for (const f of forecast.value) {
      const i = week2.findIndex((d) => d.date === f.date);
      expect(f.basis).toBe("history");
      expect(f.expected).toBe(week1[i]!.counts[f.slot]);
    }
    // So the one-week backtest's error is exactly the mean week-on-week change.
    const diffs = week2.flatMap((d, i) => d.counts.map((c, s) => (week1[i]!.counts[s] ?? 0) - c));
    const mae = diffs.reduce((a, x) => a + Math.abs(x), 0) / diffs.length;
    const backtest = staff.backtestForecast(input, 1);
    if (!backtest.ok) throw backtest.error;
    expect(backtest.value.slots).toBe(diffs.length);
    expect(backtest.value.mae).toBeCloseTo(mae, 2);
    expect(backtest.value.mae).toBeGreaterThan(0);
  });
});
