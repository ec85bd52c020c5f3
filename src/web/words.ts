/**
 * @module web/words
 * Counts in words: "1 child", "2 children", "1 staff member needed".
 */

/** `plural(1, "child", "children")` → "1 child"; the plural defaults to the word plus "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
