/**
 * @module reports/csv
 * The one CSV writer (reports, door reports, staff exports and the audit export all use it), and
 * the reader of the CSV files people import (subsidy authorizations, hire dates, training).
 * RFC 4180: CRLF line ends, a field quoted when it holds a quote, comma or line break, its quotes
 * doubled. Null and undefined are empty fields. Pure, so the audit export can stream through it.
 *
 * `toCsv` writes what people open in a spreadsheet, so a text cell a spreadsheet would run as a
 * formula (OWASP's rule: starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading `'` and is quoted; numbers are ours, not typed by anyone, and stay numbers. `csvRecord`
 * writes fields as they are: the audit export must keep each byte so its hashes can be checked
 * from the file, and says at its top that it is data for verification, not for a spreadsheet.
 */
import { AppError } from "../errors/index.js";

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell a spreadsheet would not run: a formula-like start gets `'` and quotes. */
export function spreadsheetField(value: CsvValue): string {
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) {
    return `"'${value.replaceAll('"', '""')}"`;
  }
  return csvField(value);
}

/** One CSV record, CRLF-terminated, every field exactly as given (for data, not spreadsheets). */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A CSV for people: a header and rows, formula-like text cells neutralized. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows]
    .map((values) => `${values.map(spreadsheetField).join(",")}\r\n`)
    .join("");
}

/** RFC 4180 fields of one line (quotes doubled inside quoted fields; no line breaks in fields). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Rows of an imported CSV keyed by its header, which must name every column in `columns` (any
 * order, extra columns kept); blank lines are skipped and cells trimmed.
 */
export function parseCsvTable(text: string, columns: readonly string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = csvFields(lines[0] ?? "").map((h) => h.trim());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AppError("bad_request", `CSV header lacks ${missing.join(", ")}`, {
      field: missing[0],
    });
  }
  return lines.slice(1).map((line) => {
    const cells = csvFields(line);
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()]));
  });
}
