import { describe, expect, it } from "vitest";
import type { Center, Child } from "../domain/index.js";
import type { SubsidyAuthorizationRow } from "../storage/subsidy.js";
import { parseSubsidyCsv, validateSubsidyImport } from "./subsidy-authorizations.js";
import { buildSubsidyReport } from "./subsidy-report.js";

const center: Center = {
  id: "c1",
  name: "Test Center",
  provider: "procare",
  externalId: "1",
  jurisdiction: "US-CA",
  timeZone: "UTC",
};
const child = (id: string): Child => ({
  id,
  centerId: "c1",
  externalId: id,
  firstName: "Kid",
  lastName: id,
  birthDate: "2022-01-01",
  homeRoomId: null,
  familyId: null,
  authorizedPickups: [],
  // 2026-11-02 is a Monday.
  schedule: ["mon", "tue", "wed"].map((day) => ({
    day,
    arrive: "08:00",
    depart: "16:00",
  })) as Child["schedule"],
});
const auth = (
  childId: string,
  over: Partial<SubsidyAuthorizationRow> = {},
): SubsidyAuthorizationRow => ({
  id: 1,
  centerId: "c1",
  childId,
  program: "P",
  reference: `R-${childId}`,
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  hoursPerMonth: 100,
  daysPerMonth: 20,
  absenceDaysPerMonth: 1,
  source: "import",
  importedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});
const ev = (type: "in" | "out", childId: string, at: string) => ({
  type: type === "in" ? "child.checked_in" : "child.checked_out",
  childId,
  occurredAt: `${at}:00.000Z`,
});

describe("buildSubsidyReport", () => {
  const events = [
    // a: Monday 8 h; Tuesday checked in and never out (the Wednesday check-in closes it); Wednesday 7 h.
    ev("in", "a", "2026-11-02T08:00"),
    ev("out", "a", "2026-11-02T16:00"),
    ev("in", "a", "2026-11-03T08:00"),
    ev("in", "a", "2026-11-04T08:00"),
    ev("out", "a", "2026-11-04T15:00"),
    // b: Monday only, out the next morning (a forgotten check-out fixed late); absent Tue and Wed.
    ev("in", "b", "2026-11-02T09:00"),
    ev("out", "b", "2026-11-03T07:00"),
    // c: in on Thursday 5th, still in care "now".
    ev("in", "c", "2026-11-05T08:00"),
  ];
  const report = buildSubsidyReport(
    {
      center,
      children: [child("a"), child("b"), child("c")],
      authorizations: [auth("a", { daysPerMonth: 2 }), auth("b"), auth("c", { hoursPerMonth: 0 })],
      events,
    },
    "2026-11",
    new Date("2026-11-05T12:00:00Z"),
    new Date("2026-11-05T12:00:00Z"),
  );
  const line = (id: string) => report.lines.find((l) => l.childId === id)!;

  it("counts complete same-day stays as hours and every day with a check-in as attended", () => {
    expect(report.openDays).toEqual(["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
    expect(line("a")).toMatchObject({
      attendedDays: 3,
      attendedMs: 15 * 3_600_000,
      attendedHours: 15,
      missingCheckOuts: 1,
      absentDays: 0,
      claimableDays: 2,
    });
    expect(line("a").flags).toEqual(["missing_check_out", "over_authorized_days"]);
  });

  it("flags a check-out on a later day, and absences beyond the allowance", () => {
    expect(line("b")).toMatchObject({
      attendedDays: 1,
      attendedMs: 0,
      missingCheckOuts: 1,
      absentDays: 2,
    });
    expect(line("b").flags).toEqual(["missing_check_out", "over_allowed_absences"]);
    expect(report.missingCheckOuts.map((m) => [m.childId, m.date, m.checkedOutAt])).toEqual([
      ["b", "2026-11-02", "2026-11-03T07:00:00.000Z"],
      ["a", "2026-11-03", null],
    ]);
  });

  it("counts a child still in care today as attended, with no hours and nothing missing", () => {
    expect(line("c")).toMatchObject({ attendedDays: 1, attendedMs: 0, missingCheckOuts: 0 });
    expect(line("c").flags).toEqual(["over_allowed_absences"]);
  });
});

describe("subsidy authorization import", () => {
  it("reads quoted CSV fields and refuses a missing column by name", () => {
    const rows = parseSubsidyCsv(
      'childId,program,reference,startDate,endDate,hoursPerMonth,daysPerMonth,absenceDaysPerMonth\r\na,"Pre-K, ""state""",R1,2026-01-01,2026-06-30,80,20,2\r\n',
    );
    expect(rows[0]!.program).toBe('Pre-K, "state"');
    const list = validateSubsidyImport({ authorizations: rows }, new Set(["a"]));
    expect(list[0]).toMatchObject({ hoursPerMonth: 80, daysPerMonth: 20 });
    expect(() => parseSubsidyCsv("childId,program\r\n")).toThrow(/reference/);
  });

  it("refuses a duplicate and a negative limit, naming the row", () => {
    const row = {
      childId: "a",
      program: "P",
      reference: "R",
      startDate: "2026-01-01",
      endDate: "2026-02-01",
      hoursPerMonth: 1,
      daysPerMonth: 1,
      absenceDaysPerMonth: 0,
    };
    expect(() => validateSubsidyImport({ authorizations: [row, row] }, new Set(["a"]))).toThrow(
      expect.objectContaining({ details: { field: "authorizations.1" } }),
    );
    expect(() =>
      validateSubsidyImport({ authorizations: [{ ...row, daysPerMonth: -1 }] }, new Set(["a"])),
    ).toThrow(expect.objectContaining({ details: { field: "authorizations.0.daysPerMonth" } }));
  });
});
