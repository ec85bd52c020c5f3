/**
 * @module retention/purge
 * The retention job: for each center, what is past its jurisdiction's retention period, table by
 * table. Dry by default (a report); applied, it deletes exactly what the report counted, in one
 * transaction per center with an audit entry of the counts. The audit log itself is never purged,
 * so `audit verify` holds before and after.
 */
import { appendAudit } from "../audit/index.js";
import { retentionCutoff, retentionRule } from "../rules/retention.js";
import { listCenters } from "../storage/directory.js";
import { type Db, inTransaction } from "../storage/index.js";
import {
  countPastRetention,
  deletePastRetention,
  type RetentionTable,
  retentionTables,
} from "../storage/retention.js";

export interface CenterRetention {
  centerId: string;
  centerName: string;
  jurisdiction: string;
  years: number;
  basis: string;
  cutoff: string;
  rows: Record<RetentionTable, number>;
}

export interface RetentionReport {
  applied: boolean;
  at: string;
  centers: CenterRetention[];
  total: number;
}

export interface PurgeOptions {
  now: Date;
  /** Delete (true) or only count (false, the default). */
  apply?: boolean;
  /** Operator's period in years for every center (never below a jurisdiction's cited minimum). */
  years?: number;
  actor?: string;
}

export function purgePastRetention(db: Db, options: PurgeOptions): RetentionReport {
  const at = options.now.toISOString();
  const centers: CenterRetention[] = [];
  for (const center of listCenters(db)) {
    const rule = retentionRule(center.jurisdiction, options.years);
    const cutoff = retentionCutoff(options.now, rule.years).toISOString();
    const run = () => {
      const rows = {} as Record<RetentionTable, number>;
      for (const table of retentionTables) {
        rows[table] = options.apply
          ? deletePastRetention(db, table, center.id, cutoff, rule.fromLastAttendance)
          : countPastRetention(db, table, center.id, cutoff, rule.fromLastAttendance);
      }
      if (options.apply && Object.values(rows).some((n) => n > 0)) {
        appendAudit(
          db,
          {
            actor: options.actor ?? "system:retention",
            action: "retention.purged",
            centerId: center.id,
            subject: null,
            sourceIds: [],
            correlationId: null,
            data: { cutoff, years: rule.years, basis: rule.basis, rows },
          },
          at,
        );
      }
      return rows;
    };
    const rows = options.apply ? inTransaction(db, run) : run();
    centers.push({
      centerId: center.id,
      centerName: center.name,
      jurisdiction: center.jurisdiction,
      years: rule.years,
      basis: rule.basis,
      cutoff,
      rows,
    });
  }
  const total = centers.reduce(
    (sum, c) => sum + Object.values(c.rows).reduce((a, b) => a + b, 0),
    0,
  );
  return { applied: options.apply === true, at, centers, total };
}

/** The report in an operator's words, one line per center with anything past retention. */
export function formatRetentionReport(report: RetentionReport): string {
  const verb = report.applied ? "removed" : "would remove (dry run; --apply to delete)";
  const lines = [
    `Retention ${report.applied ? "purge" : "check"} at ${report.at}: ${verb} ${report.total} rows`,
  ];
  for (const c of report.centers) {
    const parts = Object.entries(c.rows)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`);
    lines.push(
      `  ${c.centerName} (${c.jurisdiction}, ${c.years} years, before ${c.cutoff.slice(0, 10)}): ${parts.length > 0 ? parts.join(", ") : "nothing past retention"}`,
    );
  }
  lines.push("The audit log is kept whole (never purged), so its chain still verifies.");
  return `${lines.join("\n")}\n`;
}
