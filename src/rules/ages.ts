/**
 * @module rules/ages
 * Completed months and years of age on a given date, as licensing rules count them: a child born
 * on 2025-03-15 is 11 months old until 2026-03-14 and 12 months on 2026-03-15.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** Completed whole months from `birthDate` to `onDate` (both `YYYY-MM-DD`); never negative. */
export function completedMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(onDate);
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  return Math.max(0, months);
}

export function completedYears(birthDate: string, onDate: string): number {
  return Math.floor(completedMonths(birthDate, onDate) / 12);
}
