/**
 * @module staff/credentials
 * Each staff member's credential status at a center, from the stored directory (the platforms'
 * staff records carry the credentials) under the center's jurisdiction's credential pack.
 */
import type { Center, Room, Staff } from "../domain/index.js";
import { instantToZoned } from "../domain/time.js";
import { staff as staffRules } from "../rules/index.js";
import type { Store } from "../storage/db.js";
import { getCenter, listRooms, listStaff } from "../storage/directory.js";
import { type CredentialRenewalRow, listRenewals } from "../storage/staff-compliance.js";

export interface MatrixRow {
  staff: Staff;
  roomName: string | null;
  compliance: staffRules.StaffCompliance;
  /** Open renewals by credential type ("renewal initiated"). */
  renewals: Record<string, CredentialRenewalRow>;
}

export interface CredentialMatrix {
  center: Center;
  asOf: string;
  /** The pack's name and whether one exists for the jurisdiction. */
  pack: { code: string; name: string } | null;
  /** The credential requirements in the pack, in pack order (the matrix's columns). */
  columns: { type: string; label: string; source: string; unconfirmed: boolean }[];
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
  const empty = {
    code: center.jurisdiction,
    name: "",
    summary: "-",
    asOf,
    credentials: [],
    training: [],
  };
  const rows = people.map((s) => ({
    staff: s,
    roomName: s.homeRoomId ? (roomNames.get(s.homeRoomId) ?? null) : null,
    compliance: staffRules.staffComplianceStatus(
      // The platforms' staff records carry no hire date or training log.
      { id: s.id, role: s.role, hireDate: null, credentials: s.credentials, training: [] },
      pack ?? empty,
      asOf,
    ),
    renewals: open.get(s.id) ?? {},
  }));
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
    rooms,
    rows,
  };
}
