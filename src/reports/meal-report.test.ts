import { describe, expect, it } from "vitest";
import type { Center } from "../domain/index.js";
import type { ApprovalRow } from "../storage/approvals.js";
import { buildMealReport, serviceOf } from "./meal-report.js";

const center: Center = {
  id: "c1",
  name: "Test Center",
  provider: "procare",
  externalId: "1",
  jurisdiction: "US-CA",
  timeZone: "America/New_York",
};

const log = (
  id: number,
  childId: string,
  entries: { start: string; detail: string; type?: string }[],
  state = "approved",
) =>
  ({
    id,
    state,
    platformCall: {
      centerId: "c1",
      op: "log.create",
      childId,
      entries: entries.map((e) => ({
        type: e.type ?? "meal",
        start: e.start,
        end: null,
        detail: e.detail,
      })),
    },
  }) as unknown as ApprovalRow;

describe("serviceOf", () => {
  it("takes the service from the words, else from the local time", () => {
    expect(serviceOf("ate all breakfast", "12:00")).toBe("breakfast");
    expect(serviceOf("ate some snack", "09:50")).toBe("am_snack");
    expect(serviceOf("ate some snack", "15:00")).toBe("pm_snack");
    expect(serviceOf("ate half dinner", "08:00")).toBe("supper");
    expect(serviceOf("crackers", "08:30")).toBe("breakfast");
    expect(serviceOf("crackers", "10:15")).toBe("am_snack");
    expect(serviceOf("pasta", "12:10")).toBe("lunch");
    expect(serviceOf("apple", "15:40")).toBe("pm_snack");
    expect(serviceOf("soup", "17:30")).toBe("supper");
  });
});

describe("buildMealReport", () => {
  it("counts a child once per service and day, in the center's local day, ignoring non-meals", () => {
    const report = buildMealReport(
      {
        center,
        children: [],
        rooms: [],
        logs: [
          // 11:50 New York on the 23rd.
          log(1, "a", [{ start: "2026-11-23T16:50:00.000Z", detail: "ate all lunch" }]),
          log(
            2,
            "a",
            [{ start: "2026-11-23T17:10:00.000Z", detail: "ate most lunch" }],
            "executed",
          ),
          log(3, "b", [
            { start: "2026-11-23T16:55:00.000Z", detail: "pasta" },
            { start: "2026-11-23T18:00:00.000Z", detail: "nap", type: "nap" },
          ]),
          // 00:30 UTC on the 24th is still the 23rd in New York: supper.
          log(4, "b", [{ start: "2026-11-24T00:30:00.000Z", detail: "ate all dinner" }]),
          // Outside the range.
          log(5, "c", [{ start: "2026-11-25T16:50:00.000Z", detail: "ate all lunch" }]),
        ],
      },
      { from: "2026-11-23", to: "2026-11-24" },
      new Date("2026-11-25T00:00:00Z"),
    );
    expect(report.days[0]).toMatchObject({ date: "2026-11-23", counts: { lunch: 2, supper: 1 } });
    expect(report.days[1]!.counts).toEqual({
      breakfast: 0,
      am_snack: 0,
      lunch: 0,
      pm_snack: 0,
      supper: 0,
    });
    expect(report.totals).toEqual({ breakfast: 0, am_snack: 0, lunch: 2, pm_snack: 0, supper: 1 });
    // The first approved log for a child's lunch is the record behind the count.
    expect(report.meals.find((m) => m.childId === "a")).toMatchObject({
      approvalId: 1,
      written: false,
    });
  });
});
