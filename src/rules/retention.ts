/**
 * @module rules/retention
 * How long a center's attendance, ratio and delivery records are kept, by jurisdiction (pure). The
 * rule that governs is usually a subsidy or food-program rule, not licensing, and the longest one
 * that may apply wins: the default is 5 years, above CACFP's 3 years after the final claim of the
 * fiscal year (7 CFR 226.10(d)) and the common state licensing periods (CA Title 22 sign-in
 * sheets: 1 month; AZ group homes: 2 calendar years). Washington keeps subsidized children's
 * attendance 5 years after the child leaves (WAC 170-295-7030), so there a child's records go only
 * once the child has not attended for the whole period.
 */

export interface RetentionRule {
  years: number;
  /** Count the period from the child's last attendance, not from each record. */
  fromLastAttendance: boolean;
  basis: string;
}

export const defaultRetentionYears = 5;

const defaultBasis =
  "5 years by default: longer than CACFP's 3 years after the final claim of the fiscal year " +
  "(7 CFR 226.10(d)) and the state licensing periods on file; subsidy rules may be longer";

const byJurisdiction: Record<string, Omit<RetentionRule, "years"> & { years?: number }> = {
  "US-WA": {
    fromLastAttendance: true,
    basis: "WAC 170-295-7030: subsidized children's attendance kept 5 years after the child leaves",
  },
};

/**
 * The rule for a jurisdiction. `overrideYears` (operator configuration) may lengthen the period,
 * never shorten it below the cited minimum.
 */
export function retentionRule(jurisdiction: string, overrideYears?: number): RetentionRule {
  const cited = byJurisdiction[jurisdiction];
  const minimum = cited?.years ?? defaultRetentionYears;
  const years = Math.max(minimum, overrideYears ?? minimum);
  return {
    years,
    fromLastAttendance: cited?.fromLastAttendance ?? false,
    basis:
      years > minimum
        ? `${years} years (configured; the cited minimum is ${minimum})`
        : (cited?.basis ?? defaultBasis),
  };
}

/** The instant before which a record is past retention, `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
