/**
 * @module reports/csv
 * The one CSV writer (reports, door reports, staff exports and the audit export all use it).
 * RFC 4180: CRLF line ends, a field quoted when it holds a quote, comma or line break, its quotes
 * doubled. Null and undefined are empty fields. Pure, so the audit export can stream through it.
 *
 * There is no spreadsheet formula guard (a leading `=`, `+`, `-`, `@` is written as is): the audit
 * export must keep each field byte-for-byte so its hashes can be checked from the file.
 */
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
