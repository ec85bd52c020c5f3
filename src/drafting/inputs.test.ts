import { describe, expect, it } from "vitest";
import { familySubject, incidentInput, quickLogInput } from "./inputs.js";

const child = { id: "ch_1", firstName: "Ada", lastName: "Lane", homeRoomId: "rm_1" };

describe("drafting inputs", () => {
  it("a subject without a known room names no room", () => {
    const subject = familySubject(
      { center: { name: "Oak" }, child, family: { id: "fam_1", name: "Lane" }, room: undefined },
      "2026-01-12",
    );
    expect(subject).toMatchObject({ childName: "Ada Lane", roomId: null, roomName: null });
  });

  it("a quick log takes its date and offset from the writing time in the center's zone", () => {
    const input = quickLogInput({
      child,
      timeZone: "America/Los_Angeles",
      writtenAt: new Date("2026-01-13T05:30:00Z"),
      writtenBy: null,
      text: "napped",
    });
    expect(input).toMatchObject({ date: "2026-01-12", utcOffset: "-08:00" });
    const summer = quickLogInput({ ...input, child, writtenAt: new Date("2026-07-01T18:00:00Z") });
    expect(summer.utcOffset).toBe("-07:00");
  });

  it("an incident's floor comes from its description and its time is local", () => {
    const input = incidentInput({
      center: { name: "Oak", timeZone: "America/New_York" },
      incidentId: "inc_1",
      room: { id: "rm_1", name: "Toddlers" },
      occurredAt: "2026-01-12T15:15:00Z",
      children: [],
      reporter: { firstName: "Bo", lastName: "Reed" },
      description: "bumped head on the table, bleeding",
    });
    expect(input.localTime).toBe("10:15");
    expect(input.reportedBy).toBe("Bo Reed");
    expect(input.severityFloor).toBe("high");
  });
});
