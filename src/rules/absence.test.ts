import { describe, expect, it } from "vitest";
import { absencePolicySchema, decideAbsence } from "./absence.js";

const LA = "America/Los_Angeles";
const policy = absencePolicySchema.parse({ cutoff: "10:00", minutesAfterExpectedArrival: 60 });
const monday = [{ day: "mon" as const, arrive: "08:00", depart: "16:00" }];
// Monday 2026-11-23, PST: 10:00 local is 18:00Z.
const mon = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const input = { schedule: monday, checkedInToday: false, noticeGiven: false };

describe("decideAbsence", () => {
  it("waits for the cut-off, then calls it absent without notice", () => {
    expect(decideAbsence(policy, input, mon("17:59"), LA).status).toBe("before_cutoff");
    expect(decideAbsence(policy, input, mon("18:00"), LA)).toMatchObject({
      status: "absent_without_notice",
      expectedArrival: "08:00",
      cutoff: "10:00",
    });
  });

  it("moves the cut-off for a child who is due late", () => {
    const late = [{ day: "mon" as const, arrive: "09:30", depart: "17:00" }];
    const i = { ...input, schedule: late };
    expect(decideAbsence(policy, i, mon("18:29"), LA).status).toBe("before_cutoff");
    expect(decideAbsence(policy, i, mon("18:30"), LA)).toMatchObject({ cutoff: "10:30" });
  });

  it("is not an absence when not expected, checked in, or the family gave notice", () => {
    expect(decideAbsence(policy, input, new Date("2026-11-24T19:00:00Z"), LA).status).toBe(
      "not_expected",
    );
    expect(decideAbsence(policy, { ...input, checkedInToday: true }, mon("19:00"), LA).status).toBe(
      "checked_in",
    );
    expect(decideAbsence(policy, { ...input, noticeGiven: true }, mon("19:00"), LA).status).toBe(
      "notice_given",
    );
  });
});
