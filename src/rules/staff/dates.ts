/**
 * @module rules/staff/dates
 * Calendar arithmetic on `YYYY-MM-DD` dates (no time zone: the caller passes the center's local
 * date), shared by credential expiry, training periods and review due dates.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`expected a YYYY-MM-DD date, got "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function epochDay(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromUtc(t: Date): string {
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/**
 * `date` plus `months` calendar months. A day that does not exist in the target month is clamped to
 * its last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year), the way people and payroll
 * systems read "one month after Jan 31"; months are always added to the original date, so
 * Jan 31 + 2 months is Mar 31, not Mar 28.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return fromUtc(first);
}
