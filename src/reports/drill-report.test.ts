import { describe, expect, it } from "vitest";
import type { DrillRow } from "../storage/drills.js";
import { buildDrillReport } from "./drill-report.js";

const drill = (endedAt: string | null): DrillRow => ({
  id: 7,
  centerId: "c1",
  kind: "fire",
  startedAt: "2026-11-23T15:00:00.000Z",
  startedBy: "user:d",
  endedAt,
  endedBy: endedAt ? "user:d" : null,
  expected: [
    { kind: "child", id: "a", name: "Ann A", roomId: "r1" },
    { kind: "child", id: "b", name: "Ben B", roomId: "r1" },
    { kind: "staff", id: "s", name: "Sam S", roomId: "r1" },
  ],
});
const mark = (subjectKind: "child" | "staff", subjectId: string, seconds: number) => ({
  id: seconds,
  drillId: 7,
  subjectKind,
  subjectId,
  markedAt: new Date(Date.parse("2026-11-23T15:00:00.000Z") + seconds * 1000).toISOString(),
  markedBy: "user:d",
});
const rooms = [
  {
    id: "r1",
    centerId: "c1",
    externalId: "r1",
    name: "Owls",
    ageGroup: "preschool" as const,
    capacity: 20,
    platformRatio: null,
  },
];

describe("buildDrillReport", () => {
  it("lists the missing and the extra, with no time while anyone is missing", () => {
    const r = buildDrillReport(
      {
        rooms,
        drill: drill(null),
        marks: [mark("child", "a", 30), mark("child", "z", 40)],
        names: new Map([["child:z", "Zoe Z"]]),
      },
      new Date(),
    );
    expect(r.drill.state).toBe("running");
    expect(r.missing.map((p) => p.id)).toEqual(["b", "s"]);
    expect(r.missing[0]!.roomName).toBe("Owls");
    expect(r.extra).toMatchObject([{ id: "z", name: "Zoe Z" }]);
    expect(r.timeToAccountMs).toBeNull();
  });

  it("times everyone accounted for to the last expected tap, extras aside", () => {
    const r = buildDrillReport(
      {
        rooms,
        drill: drill("2026-11-23T15:10:00.000Z"),
        marks: [
          mark("staff", "s", 10),
          mark("child", "b", 95),
          mark("child", "a", 70),
          mark("child", "z", 300),
        ],
        names: new Map(),
      },
      new Date(),
    );
    expect(r.timeToAccountMs).toBe(95_000);
    expect(r.accounted.map((a) => a.id)).toEqual(["s", "a", "b"]);
    expect(r.totals).toEqual({
      expectedChildren: 2,
      expectedStaff: 1,
      accounted: 3,
      missing: 0,
      extra: 1,
    });
  });
});
