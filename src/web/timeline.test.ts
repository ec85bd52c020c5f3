import { describe, expect, it } from "vitest";
import { countSteps, durationText, type HistoryPoint, timelineBands } from "./timeline.js";

const window = { from: "2026-11-23T14:00:00.000Z", to: "2026-11-24T02:00:00.000Z" };
const ev = (children: number, countedStaff: number, requiredStaff: number) => ({
  children,
  countedStaff,
  requiredStaff,
});
const row = (
  at: string,
  status: string,
  previousStatus: string | null,
  evaluation: unknown = ev(0, 0, 0),
): HistoryPoint => ({ at: `2026-11-23T${at}:00.000Z`, status, previousStatus, evaluation });

describe("timelineBands", () => {
  it("turns status changes into bands that end at the next change and at the window's end", () => {
    const rows = [
      row("15:00", "ok", null),
      row("16:10", "approaching", "ok"),
      row("16:40", "violation", "approaching"),
      row("16:45", "critical", "violation"),
      row("17:05", "ok", "critical"),
    ];
    expect(timelineBands(rows, window)).toEqual([
      { start: "2026-11-23T15:00:00.000Z", end: "2026-11-23T16:10:00.000Z", status: "ok" },
      { start: "2026-11-23T16:10:00.000Z", end: "2026-11-23T16:40:00.000Z", status: "approaching" },
      { start: "2026-11-23T16:40:00.000Z", end: "2026-11-23T16:45:00.000Z", status: "violation" },
      { start: "2026-11-23T16:45:00.000Z", end: "2026-11-23T17:05:00.000Z", status: "critical" },
      { start: "2026-11-23T17:05:00.000Z", end: window.to, status: "ok" },
    ]);
  });

  it("starts the day in the status of the last change before it, else the first change's previous status", () => {
    const before = { ...row("10:00", "approaching", "ok"), at: "2026-11-22T23:00:00.000Z" };
    const rows = [row("15:00", "ok", "approaching")];
    const expected = [
      { start: window.from, end: "2026-11-23T15:00:00.000Z", status: "approaching" },
      { start: "2026-11-23T15:00:00.000Z", end: window.to, status: "ok" },
    ];
    expect(timelineBands(rows, window, before)).toEqual(expected);
    expect(timelineBands(rows, window)).toEqual(expected);
    // Nothing known before the first change: nothing drawn before it.
    expect(timelineBands([row("15:00", "ok", null)], window)[0]?.start).toBe(
      "2026-11-23T15:00:00.000Z",
    );
    expect(timelineBands([], window, before)).toEqual([
      { start: window.from, end: window.to, status: "approaching" },
    ]);
    expect(timelineBands([], window)).toEqual([]);
  });

  it("merges equal neighbours, ignores changes outside the window and unknown statuses, and clips at `to`", () => {
    const rows = [
      row("13:00", "critical", "ok"),
      row("15:00", "ok", null),
      row("15:30", "ok", "ok"),
      row("15:45", "bogus", "ok"),
      row("16:00", "violation", "ok"),
    ];
    const to = "2026-11-23T16:30:00.000Z";
    expect(timelineBands(rows, { from: window.from, to })).toEqual([
      { start: "2026-11-23T15:00:00.000Z", end: "2026-11-23T16:00:00.000Z", status: "ok" },
      { start: "2026-11-23T16:00:00.000Z", end: to, status: "violation" },
    ]);
    expect(timelineBands(rows, { from: to, to: window.from })).toEqual([]);
  });
});

describe("countSteps", () => {
  it("takes the counts recorded with each change, opening with the last one before the window", () => {
    const before = { ...row("10:00", "ok", null, ev(3, 1, 1)), at: "2026-11-23T13:00:00.000Z" };
    const rows = [
      row("15:00", "approaching", "ok", ev(8, 2, 2)),
      row("16:00", "violation", "approaching", { status: "violation" }),
      row("16:30", "ok", "violation", ev(7, 2, 2)),
    ];
    expect(countSteps(rows, window, before)).toEqual([
      { at: window.from, children: 3, countedStaff: 1, requiredStaff: 1 },
      { at: "2026-11-23T15:00:00.000Z", children: 8, countedStaff: 2, requiredStaff: 2 },
      { at: "2026-11-23T16:30:00.000Z", children: 7, countedStaff: 2, requiredStaff: 2 },
    ]);
  });
});

describe("durationText", () => {
  it("reads like a person would say it", () => {
    expect(durationText(40_000)).toBe("40 s");
    expect(durationText(12 * 60_000)).toBe("12 min");
    expect(durationText(65 * 60_000)).toBe("1 h 5 min");
  });
});
