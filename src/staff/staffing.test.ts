import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToZoned } from "../domain/time.js";
import { staff } from "../rules/index.js";
import { plannedChildren, sandboxHistory } from "./history.js";
import {
  daySlotCounts,
  eventsByLocalDate,
  observedSlots,
  type RatioPoint,
  recordedPoint,
  roomSlotCounts,
  zonedReader,
} from "./staffing.js";

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

  it("files events under their local day, in time order, whatever order they came in", () => {
    const byDate = eventsByLocalDate(
      [
        { at: "2026-11-17T15:10:00.000Z", kind: "in", childId: "b", roomId: "r1" },
        // 23:30 in Los Angeles on the 16th is already the 17th in UTC.
        { at: "2026-11-17T07:30:00.000Z", kind: "out", childId: "a", roomId: "r1" },
        { at: at("07:05"), kind: "in", childId: "a", roomId: "r1" },
      ],
      zonedReader("America/Los_Angeles"),
    );
    expect([...byDate.keys()]).toEqual(["2026-11-16", "2026-11-17"]);
    expect(byDate.get("2026-11-16")?.map((e) => `${e.time} ${e.kind} ${e.childId}`)).toEqual([
      "07:05 in a",
      "23:30 out a",
    ]);
    const day = daySlotCounts(byDate.get("2026-11-17") ?? [], "r1", "2026-11-17", {
      opensAt: "07:00",
      closesAt: "07:30",
    });
    expect(day).toEqual({ date: "2026-11-17", counts: [1, 1] });
  });
});

describe("the wall clock read an hour at a time", () => {
  // Zones with daylight saving at odd hours, half- and quarter-hour offsets, and a 30-minute shift.
  const zones = [
    "America/Los_Angeles",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Europe/London",
    "Pacific/Chatham",
  ];

  it("agrees with Intl for any instant, across daylight-saving changes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) }),
        (zone, ms) => {
          const iso = new Date(ms).toISOString();
          expect(zonedReader(zone)(iso)).toEqual(instantToZoned(new Date(iso), zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("is exact minute by minute through a night the clocks change", () => {
    for (const [zone, night] of [
      ["America/Los_Angeles", "2026-03-08T08:00:00Z"],
      ["America/Los_Angeles", "2026-11-01T07:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T14:00:00Z"],
    ] as const) {
      const read = zonedReader(zone);
      for (let m = 0; m < 240; m++) {
        const instant = new Date(Date.parse(night) + m * 60_000 + 30_000);
        expect(read(instant.toISOString())).toEqual(instantToZoned(instant, zone));
      }
    }
  });

  it("refuses an instant it cannot read, as Intl does", () => {
    expect(() => zonedReader("America/Los_Angeles")("not a time")).toThrow(RangeError);
  });
});

describe("today's slots as live state saw them", () => {
  const day = "2026-11-16";
  const point = (local: string, compliant: boolean, counted = 2): RatioPoint => ({
    at: at(local),
    compliant,
    children: 8,
    countedStaff: counted,
    requiredStaff: 2,
    reasons: compliant ? [] : [`short by ${2 - counted} counted staff`],
  });
  const observe = (now: string, recorded: RatioPoint[], live: RatioPoint[] | null) =>
    observedSlots({
      date: day,
      window: { opensAt: "07:00", closesAt: "09:00" },
      timeZone: "America/Los_Angeles",
      now: new Date(at(now)),
      recorded,
      live: live && { points: live, horizonEnd: at("08:40") },
    });

  it("marks a past slot out of ratio if the room was at any moment of it, and the live ones ahead", () => {
    const slots = observe(
      "08:10",
      [point("06:50", true), point("07:20", false, 1), point("07:31", true)],
      [point("08:10", true), point("08:25", false, 1), point("08:35", true)],
    );
    expect(slots.map((s) => [s.start, s.source, s.compliant])).toEqual([
      ["07:00", "recorded", true],
      ["07:15", "recorded", false],
      ["07:30", "recorded", false],
      ["07:45", "recorded", true],
      ["08:00", "live", true],
      ["08:15", "live", false],
      ["08:30", "live", false],
    ]);
    expect(slots[1]).toMatchObject({
      countedStaff: 1,
      staffShort: 1,
      reasons: ["short by 1 counted staff"],
    });
  });

  it("keeps a change and its undoing at one instant, and leaves out what nothing covers", () => {
    const slots = observe("07:45", [point("07:15", false, 0), point("07:15", true)], null);
    expect(slots.map((s) => [s.start, s.compliant])).toEqual([
      ["07:15", false],
      ["07:30", true],
    ]);
  });

  it("reads violation and critical rows as out of ratio, with the stored counts", () => {
    const row = (status: string) =>
      recordedPoint({
        at: at("07:00"),
        status,
        evaluation: { children: 5, countedStaff: 1, requiredStaff: 2, reasons: ["r"] },
      });
    expect(["ok", "approaching", "violation", "critical"].map((s) => row(s).compliant)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(row("critical")).toMatchObject({ children: 5, countedStaff: 1, reasons: ["r"] });
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
