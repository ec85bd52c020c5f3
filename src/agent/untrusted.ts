/**
 * @module agent/untrusted
 * Text written by people (incident reports, notes, quick logs) goes to the model as data inside
 * delimiters it is told never to obey. The text cannot close the block early: a closing tag
 * inside it (in any letter case or spacing) is escaped.
 */

const CLOSE = /<\s*\/\s*untrusted_text\s*>/gi;
const OPEN = /<\s*untrusted_text\b/gi;

/** `<untrusted_text source="label">text</untrusted_text>`, with the label and body made safe. */
export function untrusted(label: string, text: string): string {
  const source = label.replace(/[^A-Za-z0-9 _.:/-]/g, "_");
  const body = text.replace(CLOSE, "&lt;/untrusted_text&gt;").replace(OPEN, "&lt;untrusted_text");
  return `<untrusted_text source="${source}">\n${body}\n</untrusted_text>`;
}
