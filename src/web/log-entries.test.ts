import { describe, expect, it } from "vitest";
import { entriesFromForm, from12h, to12h } from "./log-entries.js";

describe("log entries in local 12-hour time", () => {
  it("reads and writes 12-hour times", () => {
    expect(to12h("12:30")).toBe("12:30 PM");
    expect(to12h("00:05")).toBe("12:05 AM");
    expect(to12h("13:00")).toBe("1:00 PM");
    expect(from12h("12:30 PM")).toBe("12:30");
    expect(from12h("12:30 am")).toBe("00:30");
    expect(from12h("1pm")).toBe("13:00");
    expect(from12h("9:15")).toBe("09:15");
    expect(from12h("13:00 PM")).toBeUndefined();
    expect(from12h("noonish")).toBeUndefined();
    expect(from12h("7")).toBeUndefined();
  });

  const original = [
    { type: "nap" as const, start: "2026-03-06T18:30:00.000Z", end: null, detail: "slept" },
  ];
  const tz = "America/Chicago";

  it("turns the fields back into instants on the entry's local day, dropping removed rows", () => {
    const read = entriesFromForm(
      {
        "entry.0.type": "nap",
        "entry.0.start": "12:30 PM",
        "entry.0.end": "2:00 PM",
        "entry.0.detail": "slept well",
        "entry.1.type": "meal",
        "entry.1.start": "11:15 am",
        "entry.1.detail": "ate all of lunch",
      },
      original,
      tz,
      "2026-01-01",
    );
    expect(read).toEqual({
      ok: true,
      entries: [
        {
          type: "nap",
          start: "2026-03-06T18:30:00.000Z",
          end: "2026-03-06T20:00:00.000Z",
          detail: "slept well",
        },
        { type: "meal", start: "2026-03-06T17:15:00.000Z", end: null, detail: "ate all of lunch" },
      ],
    });
    const removed = entriesFromForm(
      { "entry.0.type": "nap", "entry.0.start": "12:30 PM", "entry.0.remove": "1" },
      original,
      tz,
      "2026-01-01",
    );
    expect(removed).toEqual({ ok: true, entries: [] });
  });

  it("names the field of a time it cannot read", () => {
    const read = entriesFromForm(
      { "entry.0.type": "nap", "entry.0.start": "half past", "entry.0.detail": "x" },
      original,
      tz,
      "2026-01-01",
    );
    expect(read).toEqual({ ok: false, field: "entry 1: from" });
  });
});
