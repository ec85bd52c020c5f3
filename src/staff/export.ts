/**
 * @module staff/export
 * The credential matrix as an inspector reads it: one line per staff member and required
 * credential, with the dates on file, the status on the report date and the requirement's source
 * (marked UNCONFIRMED where no regulation text was read). Pure.
 */
import { z } from "zod";
import { toCsv } from "../reports/csv.js";
import { staff as staffRules } from "../rules/index.js";
import type { CredentialMatrix } from "./credentials.js";

export const credentialLineSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  role: z.string(),
  room: z.string().nullable(),
  credentialType: z.string(),
  credential: z.string(),
  issuedOn: z.iso.date().nullable(),
  expiresOn: z.iso.date().nullable(),
  status: staffRules.credentialStatusSchema,
  daysRemaining: z.number().int().nullable(),
  /** "renewal initiated" when a renewal is open for this credential. */
  renewal: z.string().nullable(),
  explanation: z.string(),
  source: z.string(),
  unconfirmed: z.boolean(),
});
export type CredentialLine = z.infer<typeof credentialLineSchema>;

export const credentialReportSchema = z.object({
  centerId: z.string(),
  centerName: z.string(),
  jurisdiction: z.string(),
  asOf: z.iso.date(),
  pack: z.string().nullable(),
  lines: z.array(credentialLineSchema),
  training: z.array(
    z.object({
      staffId: z.string(),
      staffName: z.string(),
      status: staffRules.trainingStatusSchema,
    }),
  ),
});
export type CredentialReport = z.infer<typeof credentialReportSchema>;

/** Words for each status, so colour is never the only signal. */
export const statusLabel: Record<staffRules.CredentialStatus, string> = {
  valid: "Valid",
  expiring_90: "Expires ≤90 days",
  expiring_60: "Expires ≤60 days",
  expiring_30: "Expires ≤30 days",
  overdue: "Expired",
  missing: "Missing",
};

export function credentialReport(matrix: CredentialMatrix, renewalTag: string): CredentialReport {
  const lines: CredentialLine[] = [];
  const training: CredentialReport["training"] = [];
  for (const row of matrix.rows) {
    const s = row.staff;
    const staffName = `${s.lastName}, ${s.firstName}`;
    for (const c of row.compliance.credentials) {
      // The record the status was computed from: the one carrying the expiry date shown.
      const record = s.credentials.find(
        (r) => r.type === c.type && (c.expiresOn === null || r.expiresOn === c.expiresOn),
      );
      lines.push({
        staffId: s.id,
        staffName,
        role: s.role,
        room: row.roomName,
        credentialType: c.type,
        credential: c.label,
        issuedOn: c.status === "missing" ? null : (record?.issuedOn ?? null),
        expiresOn: c.expiresOn,
        status: c.status,
        daysRemaining: c.daysRemaining,
        renewal: row.renewals[c.type] ? renewalTag : null,
        explanation: c.explanation,
        source: c.source,
        unconfirmed: c.unconfirmed,
      });
    }
    for (const t of row.compliance.training) training.push({ staffId: s.id, staffName, status: t });
  }
  return {
    centerId: matrix.center.id,
    centerName: matrix.center.name,
    jurisdiction: matrix.center.jurisdiction,
    asOf: matrix.asOf,
    pack: matrix.pack?.name ?? null,
    lines,
    training,
  };
}

export function credentialReportCsv(report: CredentialReport): string {
  return toCsv(
    [
      "center",
      "report_date",
      "staff_id",
      "staff",
      "role",
      "room",
      "credential",
      "issued",
      "expires",
      "status",
      "days_remaining",
      "renewal",
      "explanation",
      "source",
      "source_confirmed",
    ],
    report.lines.map((l) => [
      report.centerName,
      report.asOf,
      l.staffId,
      l.staffName,
      l.role,
      l.room,
      l.credential,
      l.issuedOn,
      l.expiresOn,
      statusLabel[l.status],
      l.daysRemaining,
      l.renewal,
      l.explanation,
      l.source,
      l.unconfirmed ? "no" : "yes",
    ]),
  );
}
