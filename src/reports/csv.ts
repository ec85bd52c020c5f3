/**
 * @module reports/csv
 * RFC 4180 CSV: CRLF line ends, every field quoted when it holds a quote, comma or line break.
 */
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
