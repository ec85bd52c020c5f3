/**
 * @module staff/credentials
 * Each staff member's credential and training status at a center under the center's
 * jurisdiction's credential pack: credentials from the stored directory (the platforms' staff
 * records carry them), hire dates and completed training from the center's own staff records.
 */
import type { Center, Room, Staff } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { staff as staffRules } from "../rules/index.js";
import type { Store } from "../storage/db.js";
import { getCenter, listRooms, listStaff } from "../storage/directory.js";
import { type CredentialRenewalRow, listRenewals } from "../storage/staff-compliance.js";
import { listHireDates, listTraining, type TrainingRow } from "../storage/staff-records.js";

export interface MatrixRow {
  staff: Staff;
  roomName: string | null;
  compliance: staffRules.StaffCompliance;
  /** Open renewals by credential type ("renewal initiated"), and by `training:<requirement id>`
   * for a training period that ended short. */
  renewals: Record<string, CredentialRenewalRow>;
  /** The stored hire date; null when none is on file (hire-anchored periods then count from
   * January 1, and no review is due). */
  hireDate: string | null;
  /** Every training record on file for this person, oldest first (the evidence). */
  trainingRecords: TrainingRow[];
}

/** The training record id the pure core sees, and that its `recordIds` evidence names. */
export const trainingRecordId = (row: Pick<TrainingRow, "id">) => `training:${row.id}`;

export interface CredentialMatrix {
  center: Center;
  asOf: string;
  /** The pack's name and whether one exists for the jurisdiction. */
  pack: { code: string; name: string } | null;
  /** The credential requirements in the pack, in pack order (the matrix's columns). */
  columns: { type: string; label: string; source: string; unconfirmed: boolean }[];
  /** The training requirements in the pack, with the roles each is assigned to. */
  trainingColumns: {
    id: string;
    label: string;
    roles: string[];
    source: string;
    unconfirmed: boolean;
  }[];
  rooms: Room[];
  rows: MatrixRow[];
}

/** The center's local date at `at`. */
export function centerDate(center: Center, at: Date): string {
  return instantToZoned(at, center.timeZone).date;
}

/**
 * Every staff member's credential and training status on the center's local date at `at`; staff
 * filtered to one home room when `roomId` is given. Undefined for an unknown center.
 */
export function credentialMatrix(
  db: Store,
  centerId: string,
  at: Date,
  roomId?: string,
): CredentialMatrix | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  const asOf = centerDate(center, at);
  const pack = staffRules.getCredentialPack(center.jurisdiction);
  const rooms = listRooms(db, centerId);
  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
  const open = new Map<string, Record<string, CredentialRenewalRow>>();
  for (const r of listRenewals(db, centerId, "open")) {
    const byType = open.get(r.staffId) ?? {};
    byType[r.credentialType] = r;
    open.set(r.staffId, byType);
  }
  const people = listStaff(db, centerId)
    .filter((s) => roomId === undefined || s.homeRoomId === roomId)
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.id.localeCompare(b.id));
  const hires = new Map(listHireDates(db, centerId).map((h) => [h.staffId, h.hireDate]));
  const training = new Map<string, TrainingRow[]>();
  for (const t of listTraining(db, centerId)) {
    training.set(t.staffId, [...(training.get(t.staffId) ?? []), t]);
  }
  const empty = {
    code: center.jurisdiction,
    name: "",
    summary: "-",
    asOf,
    credentials: [],
    training: [],
  };
  const rows = people.map((s) => {
    const hireDate = hires.get(s.id) ?? null;
    const records = training.get(s.id) ?? [];
    return {
      staff: s,
      roomName: s.homeRoomId ? (roomNames.get(s.homeRoomId) ?? null) : null,
      compliance: staffRules.staffComplianceStatus(
        {
          id: s.id,
          role: s.role,
          hireDate,
          credentials: s.credentials,
          training: records.map((r) => ({
            id: trainingRecordId(r),
            completedOn: r.completedOn,
            hours: r.hours,
            topic: r.topic,
          })),
        },
        pack ?? empty,
        asOf,
      ),
      renewals: open.get(s.id) ?? {},
      hireDate,
      trainingRecords: records,
    };
  });
  return {
    center,
    asOf,
    pack: pack ? { code: pack.code, name: pack.name } : null,
    columns: (pack?.credentials ?? []).map((c) => ({
      type: c.type,
      label: c.label,
      source: c.citation.source,
      unconfirmed: c.citation.strength === "UNCONFIRMED",
    })),
    trainingColumns: (pack?.training ?? []).map((t) => ({
      id: t.id,
      label: t.label,
      roles: t.roles,
      source: t.citation.source,
      unconfirmed: t.citation.strength === "UNCONFIRMED",
    })),
    rooms,
    rows,
  };
}
