/**
 * @module staff/export
 * The credential matrix as an inspector reads it: one line per staff member and required
 * credential, with the dates on file, the status on the report date and the requirement's source
 * (marked UNCONFIRMED where no regulation text was read); then one line per staff member and
 * training requirement of the pack: hours done and required in the current period, the status and
 * the training records counted as evidence, or "not required" when the requirement is not
 * assigned to the person's role. Pure.
 */
import { z } from "zod";
import { toCsv } from "../reports/csv.js";
import { staff as staffRules } from "../rules/index.js";
import { type CredentialMatrix, trainingRecordId } from "./credentials.js";

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

export const trainingEvidenceSchema = z.object({
  id: z.string(),
  completedOn: z.iso.date(),
  hours: z.number(),
  topic: z.string().nullable(),
  provider: z.string(),
  reference: z.string().nullable(),
});

export const trainingLineSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  role: z.string(),
  room: z.string().nullable(),
  hireDate: z.iso.date().nullable(),
  requirementId: z.string(),
  requirement: z.string(),
  /** Whether the pack assigns this requirement to the person's role. */
  assigned: z.boolean(),
  /** Null when not assigned. */
  status: staffRules.trainingStatusSchema.nullable(),
  /** The records counted in the current period. */
  evidence: z.array(trainingEvidenceSchema),
  /** "renewal initiated" when a director task is open for a period that ended short. */
  renewal: z.string().nullable(),
  source: z.string(),
  unconfirmed: z.boolean(),
});
export type TrainingLine = z.infer<typeof trainingLineSchema>;

export const credentialReportSchema = z.object({
  centerId: z.string(),
  centerName: z.string(),
  jurisdiction: z.string(),
  asOf: z.iso.date(),
  pack: z.string().nullable(),
  lines: z.array(credentialLineSchema),
  training: z.array(trainingLineSchema),
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

export const trainingStatusLabel: Record<staffRules.TrainingStatus["status"], string> = {
  met: "Met",
  on_pace: "On pace",
  behind_pace: "Behind pace",
  overdue: "Overdue (last period short)",
};

export function credentialReport(matrix: CredentialMatrix, renewalTag: string): CredentialReport {
  const lines: CredentialLine[] = [];
  const training: TrainingLine[] = [];
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
    const byRequirement = new Map(row.compliance.training.map((t) => [t.requirementId, t]));
    const records = new Map(row.trainingRecords.map((r) => [trainingRecordId(r), r]));
    for (const col of matrix.trainingColumns) {
      const status = byRequirement.get(col.id) ?? null;
      training.push({
        staffId: s.id,
        staffName,
        role: s.role,
        room: row.roomName,
        hireDate: row.hireDate,
        requirementId: col.id,
        requirement: col.label,
        assigned: status !== null,
        status,
        evidence: (status?.recordIds ?? []).flatMap((id) => {
          const r = records.get(id);
          return r
            ? [
                {
                  id,
                  completedOn: r.completedOn,
                  hours: r.hours,
                  topic: r.topic,
                  provider: r.provider,
                  reference: r.reference,
                },
              ]
            : [];
        }),
        renewal: row.renewals[`training:${col.id}`] ? renewalTag : null,
        source: col.source,
        unconfirmed: col.unconfirmed,
      });
    }
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

/** One evidence record as a cell: date, hours, topic, provider and reference. */
export function evidenceText(e: z.infer<typeof trainingEvidenceSchema>): string {
  const ref = e.reference ? `, ${e.reference}` : "";
  return `${e.completedOn} ${e.hours} h ${e.topic ?? "(no topic)"} (${e.provider}${ref})`;
}

export function credentialReportCsv(report: CredentialReport): string {
  const trainingRows = report.training.map((t) => [
    report.centerName,
    report.asOf,
    t.staffId,
    t.staffName,
    t.role,
    t.room,
    t.requirement,
    null,
    t.status?.periodEnd ?? null,
    t.status ? trainingStatusLabel[t.status.status] : "Not required",
    t.status?.daysLeftInPeriod ?? null,
    t.renewal,
    t.status?.explanation ?? `Not required for the role ${t.role.replaceAll("_", " ")}.`,
    t.source,
    t.unconfirmed ? "no" : "yes",
    t.hireDate,
    t.status ? `${t.status.periodStart}..${t.status.periodEnd}` : null,
    t.status?.completed ?? null,
    t.status?.required ?? null,
    t.evidence.map(evidenceText).join("; "),
  ]);
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
      "hire_date",
      "training_period",
      "hours_done",
      "hours_required",
      "evidence",
    ],
    [
      ...report.lines.map((l) => [
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
        null,
        null,
        null,
        null,
        null,
      ]),
      ...trainingRows,
    ],
  );
}
