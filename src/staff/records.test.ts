import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { parseCsvTable } from "../reports/csv.js";
import { TRAINING_COLUMNS, validateHireDates, validateTraining } from "./records.js";

const known = new Set(["s1", "s2"]);
const TODAY = "2026-11-23";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("training import validation", () => {
  it("reads CSV columns in any order, quoted commas kept, blank topic and reference as null", () => {
    const rows = parseCsvTable(
      'reference,provider,completedOn,hours,topic,staffId\r\n,"Coalition, North",2026-10-01,1.5,,s1\r\n\r\n',
      TRAINING_COLUMNS,
    );
    expect(validateTraining({ training: rows }, known, TODAY, true)).toEqual([
      {
        staffId: "s1",
        topic: null,
        hours: 1.5,
        completedOn: "2026-10-01",
        provider: "Coalition, North",
        reference: null,
      },
    ]);
  });

  it("names the missing header columns", () => {
    const e = thrown(() => parseCsvTable("staffId,hours\ns1,2\n", TRAINING_COLUMNS));
    expect(e.message).toBe("CSV header lacks topic, completedOn, provider, reference");
    expect(e.details).toEqual({ field: "topic" });
  });

  it("names the CSV line (header is line 1) and the field of the first bad value", () => {
    const rows = parseCsvTable(
      [
        TRAINING_COLUMNS.join(","),
        "s1,CPR,2,2026-10-01,Coalition,A",
        "s1,CPR,2,2026-13-01,Coalition,B",
      ].join("\n"),
      TRAINING_COLUMNS,
    );
    const e = thrown(() => validateTraining({ training: rows }, known, TODAY, true));
    expect(e.message).toMatch(/^line 3, completedOn: /);
    expect(e.details).toEqual({ field: "training.1.completedOn", line: 3 });
  });

  it("names the JSON path, refuses a completion after today and unknown staff (all named)", () => {
    const entry = { staffId: "s1", hours: 1, completedOn: "2026-11-01", provider: "P" };
    expect(
      thrown(() => validateTraining({ training: [entry, { ...entry, hours: 0 }] }, known, TODAY))
        .details,
    ).toEqual({ field: "training.1.hours" });
    expect(
      thrown(() =>
        validateTraining({ training: [{ ...entry, completedOn: "2026-11-24" }] }, known, TODAY),
      ).message,
    ).toBe("training.0.completedOn: 2026-11-24 is after today (2026-11-23)");
    const e = thrown(() =>
      validateTraining(
        { training: [entry, { ...entry, staffId: "x9" }, { ...entry, staffId: "x7" }] },
        known,
        TODAY,
      ),
    );
    expect(e.message).toBe("no staff member at this center with id x9, x7");
    expect(e.details).toEqual({ field: "training.1.staffId", staffIds: ["x9", "x7"] });
    expect(thrown(() => validateTraining({ training: [] }, known, TODAY)).details).toEqual({
      field: "training",
    });
  });
});

describe("hire dates validation", () => {
  it("accepts one date per known staff member and refuses the same person twice", () => {
    const list = [
      { staffId: "s1", hireDate: "2020-02-29" },
      { staffId: "s2", hireDate: "2024-06-01" },
    ];
    expect(validateHireDates({ hireDates: list }, known)).toEqual(list);
    const e = thrown(() =>
      validateHireDates({ hireDates: [...list, { staffId: "s1", hireDate: "2021-01-01" }] }, known),
    );
    expect(e.details).toEqual({ field: "hireDates.2.staffId" });
    expect(
      thrown(() =>
        validateHireDates({ hireDates: [{ staffId: "s1", hireDate: "2021-02-30" }] }, known),
      ).details,
    ).toEqual({ field: "hireDates.0.hireDate" });
  });
});
