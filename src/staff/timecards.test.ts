import { describe, expect, it } from "vitest";
import { defaultApprovalPolicy, roleMayApprove } from "../approvals/policy.js";
import type { Center, Shift } from "../domain/index.js";
import type { ProcareClient } from "../platforms/index.js";
import { getApproval } from "../storage/approvals.js";
import { openDatabase } from "../storage/index.js";
import { openViolation } from "../storage/ratio.js";
import { payrollCsv, payrollSheet } from "./payroll.js";
import { checkCenterTimecards, proposeTimecardCorrections } from "./timecards.js";

const D = "2026-11-18";
// Los Angeles is UTC−8 in November: 08:00 local is 16:00Z.
const at = (local: string) => new Date(`${D}T${local}:00-08:00`).toISOString();
const center: Center = {
  id: "c1",
  name: "Oak",
  provider: "procare",
  externalId: "c1",
  jurisdiction: "US-CA",
  timeZone: "America/Los_Angeles",
};
const shift = (staffId: string, start: string, end: string): Shift => ({
  id: `sh_${staffId}`,
  centerId: "c1",
  staffId,
  date: D,
  start,
  end,
  roomId: "r1",
  breaks: [],
});
const card = (
  id: string,
  staffId: string,
  clockIn: string,
  clockOut: string | null,
  breaks: [string, string][] = [],
) => ({
  id,
  employee_id: staffId,
  center_id: "c1",
  date: D,
  clock_in: at(clockIn),
  clock_out: clockOut === null ? null : at(clockOut),
  breaks: breaks.map(([s, e]) => ({ start: at(s), end: at(e) })),
});

const meal: [string, string] = ["12:00", "12:30"];
const shifts = [
  shift("early", "08:00", "16:00"),
  shift("late", "08:00", "12:00"),
  shift("open", "08:00", "12:00"),
  shift("absent", "08:00", "12:00"),
  shift("double", "08:00", "12:00"),
  shift("nomeal", "08:00", "16:30"),
  shift("long", "07:00", "18:00"),
  shift("ratio", "08:00", "12:00"),
];
const cards = [
  card("tc_early", "early", "07:40", "16:00", [meal]),
  card("tc_late", "late", "08:00", "12:30"),
  card("tc_open", "open", "08:00", null),
  card("tc_d1", "double", "08:00", "10:30"),
  card("tc_d2", "double", "10:00", "12:00"),
  card("tc_nomeal", "nomeal", "08:00", "16:30"),
  card("tc_long", "long", "07:00", "18:00", [meal]),
  card("tc_ratio", "ratio", "08:00", "12:00", [["10:00", "10:10"]]),
];

function client(): ProcareClient {
  return {
    provider: "procare",
    fetchTimecards: async (_c: string, date: string) => (date === D ? cards : []),
    fetchShifts: async (_c: string, date: string) => (date === D ? shifts : []),
  } as unknown as ProcareClient;
}

async function check() {
  const db = openDatabase(":memory:");
  openViolation(db, {
    centerId: "c1",
    roomId: "r1",
    startedAt: at("09:55"),
    endedAt: at("10:20"),
    worstStatus: "violation",
    startCause: "test",
  });
  const result = await checkCenterTimecards(db, client(), center, D, D, new Date(at("20:00")));
  return { db, result };
}

const kindsOf = (r: Awaited<ReturnType<typeof check>>["result"], staffId: string) =>
  r.report.exceptions.filter((e) => e.staffId === staffId).map((e) => e.kind);

describe("timecards fetched from the platform, checked under the center's labour pack", () => {
  it("finds each rule's exception with its evidence", async () => {
    const { result } = await check();
    expect(result.report.laborPack).toBe("US-CA");
    // California also wants a paid rest in a shift of four hours or more.
    expect(kindsOf(result, "early")).toEqual(["early_clock_in", "missed_rest"]);
    expect(kindsOf(result, "late")).toEqual(["late_clock_out", "missed_rest"]);
    expect(kindsOf(result, "open")).toContain("missing_clock_out");
    expect(kindsOf(result, "absent")).toEqual(["no_timecard"]);
    expect(kindsOf(result, "double")).toContain("overlapping_punches");
    expect(kindsOf(result, "nomeal")).toContain("missed_meal");
    expect(kindsOf(result, "long")).toContain("daily_overtime");
    expect(kindsOf(result, "ratio")).toContain("break_out_of_ratio");

    const early = result.report.exceptions.find((e) => e.kind === "early_clock_in")!;
    expect(early.evidence).toMatchObject({ timecardIds: ["tc_early"], shiftId: "sh_early" });
    expect(early.amount).toEqual({ value: 20, unit: "minutes" });
    const ratio = result.report.exceptions.find((e) => e.kind === "break_out_of_ratio")!;
    expect(ratio.evidence.intervalIds).toEqual(["violation:1"]);
    const meal = result.report.exceptions.find((e) => e.kind === "missed_meal")!;
    expect(meal.citation?.source).toBeTruthy();
  });

  it("proposes each mechanical fix once as a director-only payroll correction", async () => {
    const { db, result } = await check();
    const now = "2026-11-18T21:00:00.000Z";
    const first = proposeTimecardCorrections(db, result, now);
    const proposed = first.filter((p) => p.approvalId !== null);
    expect(proposed.length).toBeGreaterThan(0);
    // The forgotten clock-out is the one mechanical fix: out at the shift's end.
    expect(proposed.map((p) => p.exception.kind)).toEqual(["missing_clock_out"]);
    const row = getApproval(db, proposed[0]!.approvalId as number);
    expect(row).toMatchObject({
      kind: "payroll_correction",
      state: "pending",
      platformCall: {
        op: "payroll.correct",
        staffId: "open",
        timecardId: "tc_open",
        clockIn: at("08:00"),
        clockOut: at("12:00"),
      },
    });
    const subject = { kind: "payroll_correction" as const, roomId: null };
    const as = (role: "director" | "assistant_director") =>
      roleMayApprove(defaultApprovalPolicy, { centerId: "c1", role, roomIds: [] }, subject);
    expect(as("director")).toBe(true);
    expect(as("assistant_director")).toBe(false);
    const again = proposeTimecardCorrections(db, result, now);
    expect(again.map((p) => p.approvalId)).toEqual(first.map((p) => p.approvalId));
  });

  it("holds a day with an open error in the payroll sheet and passes a clean one", async () => {
    const { result } = await check();
    const sheet = payrollSheet(result, new Map([["late", "Late, Lee"]]), new Map());
    const byStaff = new Map(sheet.lines.map((l) => [l.staffId, l]));
    expect(byStaff.get("open")?.status).toBe("hold");
    expect(byStaff.get("long")?.overtimeHours).toBeGreaterThan(0);
    const csv = payrollCsv(sheet);
    expect(csv.split("\r\n")[0]).toBe(
      "staff_id,staff,date,timecards,worked_hours,regular_hours,overtime_hours,double_time_hours,status,open_exceptions,resolved_exceptions",
    );
    expect(csv).toContain('late,"Late, Lee",2026-11-18,tc_late');
  });

  it("refuses a backwards or too-long range naming the field", async () => {
    const db = openDatabase(":memory:");
    await expect(
      checkCenterTimecards(db, client(), center, D, "2026-11-01", new Date()),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "to" },
    });
    await expect(
      checkCenterTimecards(db, client(), center, "2026-10-01", D, new Date()),
    ).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
