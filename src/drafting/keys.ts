/**
 * @module drafting/keys
 * The dedupe key of a draft: one approval per (job, occasion, kind, target), whether the model or
 * the template wrote it, so a re-run, a retry or a fallback after a partial run never adds a
 * second draft for the same thing.
 */
export function draftDedupeKey(
  job: string,
  centerId: string,
  occasion: string,
  kind: string,
  target: string,
): string {
  return `draft:${job}:${centerId}:${occasion}:${kind}:${target}`;
}
