/**
 * @module agent/untrusted
 * Text written by people (incident reports, notes, quick logs) goes to the model inside clear
 * delimiters, as data. A closing delimiter inside the text is neutralized so the text cannot end
 * its own block early and pose as instructions.
 */
export function untrusted(source: string, text: string): string {
  const safe = text.replace(/<\/?untrusted_text[^>]*>/gi, "[delimiter removed]");
  return `<untrusted_text source="${source}">\n${safe}\n</untrusted_text>`;
}
