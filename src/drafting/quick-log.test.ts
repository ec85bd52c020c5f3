import { describe, expect, it } from "vitest";
import { parseQuickLog } from "./quick-log.js";

const clock = {
  date: "2026-11-23",
  timeZone: "America/Los_Angeles",
  writtenAt: new Date("2026-11-23T23:00:00Z"),
};

describe("parseQuickLog", () => {
  it("reads the issue's example into nap, meal and diaper entries", () => {
    const { entries, unparsed } = parseQuickLog(
      "Ava napped 12:10-1:40, ate all lunch, diaper 2pm wet",
      clock,
    );
    expect(unparsed).toEqual([]);
    expect(entries).toEqual([
      {
        type: "nap",
        start: "2026-11-23T20:10:00.000Z",
        end: "2026-11-23T21:40:00.000Z",
        detail: "nap",
      },
      {
        type: "meal",
        start: "2026-11-23T23:00:00.000Z",
        end: null,
        detail: "ate all lunch (time not given)",
      },
      { type: "diaper", start: "2026-11-23T22:00:00.000Z", end: null, detail: "wet" },
    ]);
  });

  it("keeps what it cannot read for a person instead of guessing", () => {
    const { entries, unparsed } = parseQuickLog(
      "painted with blue; napped from 9:30 to 10:15",
      clock,
    );
    expect(unparsed).toEqual(["painted with blue"]);
    expect(entries).toEqual([
      {
        type: "nap",
        start: "2026-11-23T17:30:00.000Z",
        end: "2026-11-23T18:15:00.000Z",
        detail: "nap",
      },
    ]);
  });
});
