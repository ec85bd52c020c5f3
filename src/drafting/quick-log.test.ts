import { describe, expect, it } from "vitest";
import { parseQuickLog } from "./quick-log.js";

const clock = {
  date: "2026-11-23",
  timeZone: "America/Los_Angeles",
  writtenAt: new Date("2026-11-23T23:00:00Z"),
};
const written = "2026-11-23T23:00:00.000Z";

describe("parseQuickLog", () => {
  it("reads nap, meal and diaper entries", () => {
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
      { type: "meal", start: written, end: null, detail: "ate all of lunch (time not given)" },
      { type: "diaper", start: "2026-11-23T22:00:00.000Z", end: null, detail: "wet" },
    ]);
  });

  it("places the issue's log: meal with amount, wet diaper, blocks as an activity, the nap", () => {
    const { entries, unparsed } = parseQuickLog(
      "Ate all of his lunch… Wet diaper… playing with blocks. Napped 12:30 to 2:15",
      clock,
    );
    expect(unparsed).toEqual([]);
    expect(entries.map((e) => [e.type, e.detail])).toEqual([
      ["meal", "ate all of lunch (time not given)"],
      ["diaper", "wet diaper (time not given)"],
      ["activity", "playing with blocks"],
      ["nap", "nap"],
    ]);
    expect(entries[3]).toMatchObject({
      start: "2026-11-23T20:30:00.000Z",
      end: "2026-11-23T22:15:00.000Z",
    });
  });

  it("reads amounts, times and toileting in the usual phrasings", () => {
    const { entries, unparsed } = parseQuickLog(
      [
        "Had half her snack at 3pm",
        "didn't eat breakfast",
        "lunch: most",
        "BM at 10:30",
        "used the potty at 11",
        "slept from 1 until 2:30",
        "Sam ate most of his lunch and napped 12:45-2",
      ].join("\n"),
      clock,
    );
    expect(unparsed).toEqual([]);
    expect(entries.map((e) => [e.type, e.detail, e.start])).toEqual([
      ["meal", "ate half of snack", "2026-11-23T23:00:00.000Z"],
      ["meal", "ate none of breakfast (time not given)", written],
      ["meal", "ate most of lunch (time not given)", written],
      ["diaper", "bm diaper", "2026-11-23T18:30:00.000Z"],
      ["diaper", "toileting: used the potty", "2026-11-23T19:00:00.000Z"],
      ["nap", "nap", "2026-11-23T21:00:00.000Z"],
      ["meal", "ate most of lunch (time not given)", written],
      ["nap", "nap", "2026-11-23T20:45:00.000Z"],
    ]);
  });

  it("keeps what it cannot place in the teacher's own words instead of guessing", () => {
    const { entries, unparsed } = parseQuickLog(
      "Mom says she has a slight cough; napped from 9:30 to 10:15; napped 3-1",
      clock,
    );
    expect(unparsed).toEqual(["Mom says she has a slight cough", "napped 3-1"]);
    expect(entries).toEqual([
      {
        type: "nap",
        start: "2026-11-23T17:30:00.000Z",
        end: "2026-11-23T18:15:00.000Z",
        detail: "nap",
      },
    ]);
  });

  it("a log of only an activity is still an entry", () => {
    const { entries, unparsed } = parseQuickLog("Had a lovely day painting with friends", clock);
    expect(unparsed).toEqual([]);
    expect(entries).toEqual([
      {
        type: "activity",
        start: written,
        end: null,
        detail: "Had a lovely day painting with friends",
      },
    ]);
  });
});
