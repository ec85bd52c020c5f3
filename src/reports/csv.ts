/**
 * @module reports/csv
 * The one CSV writer (reports, door reports, staff exports and the audit export all use it), and
 * the reader of the CSV files people import (subsidy authorizations, hire dates, training).
 * RFC 4180: CRLF line ends, a field quoted when it holds a quote, comma or line break, its quotes
 * doubled. Null and undefined are empty fields. Pure, so the audit export can stream through it.
 *
 * There is no spreadsheet formula guard (a leading `=`, `+`, `-`, `@` is written as is): the audit
 * export must keep each field byte-for-byte so its hashes can be checked from the file.
 */
import { AppError } from "../errors/index.js";

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvRecord).join("");
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
