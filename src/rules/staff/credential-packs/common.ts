/**
 * @module rules/staff/credential-packs/common
 * The core every pack starts from. The categories come from what licensing inspectors ask to see
 * (shared/integration-notes.md §4.4: background-check clearances, CPR/first-aid expirations, annual
 * training hours), which cites no regulation section, so every requirement here is UNCONFIRMED
 * until a state's text is read. Validity periods are the usual card/clearance cycles, also
 * unconfirmed; a record's own `expiresOn` always wins over them.
 */
import type { StaffRole } from "../../../domain/people.js";
import type { CredentialPackInput } from "../credential-pack.js";

type Requirement = CredentialPackInput["credentials"][number];

/** Roles that care for children (and so need CPR and first aid). */
export const careRoles: StaffRole[] = [
  "director",
  "assistant_director",
  "lead_teacher",
  "teacher",
  "assistant_teacher",
  "floater",
];
/** Everyone employed at a center, including cooks and office staff. */
export const allRoles: StaffRole[] = [...careRoles, "cook", "admin"];

const inspectorsAsk =
  "shared/integration-notes.md §4.4 lists it among what inspectors ask to see, without a " +
  "regulation section";

function unconfirmed(state: string, what: string, note?: string): Requirement["citation"] {
  return {
    source: `UNCONFIRMED: ${state} ${what}: no regulation text read`,
    strength: "UNCONFIRMED",
    note: note === undefined ? inspectorsAsk : `${note}; ${inspectorsAsk}`,
  };
}

/** The common core for a state, with the state's name in every source line. */
export function coreCredentials(state: string): Requirement[] {
  return [
    {
      id: "cpr",
      type: "cpr",
      label: "CPR (pediatric)",
      kind: "expiring",
      validityMonths: 24,
      roles: careRoles,
      citation: unconfirmed(state, "CPR", "24-month validity is the usual card cycle"),
    },
    {
      id: "pediatric_first_aid",
      type: "pediatric_first_aid",
      label: "Pediatric first aid",
      kind: "expiring",
      validityMonths: 24,
      roles: careRoles,
      citation: unconfirmed(state, "pediatric first aid", "24-month validity is the usual cycle"),
    },
    {
      id: "background_check",
      type: "background_check",
      label: "Background check (state, FBI fingerprint, abuse/neglect registry)",
      kind: "expiring",
      validityMonths: 60,
      roles: allRoles,
      citation: unconfirmed(
        state,
        "background check",
        "60-month renewal is the federal CCDBG cycle as remembered, not read",
      ),
    },
    {
      id: "health_screening",
      type: "health_screening",
      label: "Health and TB screening",
      kind: "once",
      validityMonths: null,
      roles: allRoles,
      citation: unconfirmed(state, "health/TB screening at hire"),
    },
    {
      id: "director_qualification",
      type: "director_qualification",
      label: "Director qualification",
      kind: "once",
      validityMonths: null,
      roles: ["director", "assistant_director"],
      citation: unconfirmed(state, "director qualification"),
    },
    {
      id: "teacher_qualification",
      type: "teacher_qualification",
      label: "Teacher qualification",
      kind: "once",
      validityMonths: null,
      roles: ["lead_teacher", "teacher"],
      citation: unconfirmed(state, "teacher qualification"),
    },
  ];
}

/** An annual (or multi-year) training-hours requirement for care staff, unconfirmed. */
export function trainingHours(
  state: string,
  hours: number,
  period: { anchor: "calendar" | "hire"; months: number },
  note: string,
): CredentialPackInput["training"][number] {
  return {
    id: "annual_training",
    label: `${hours} training hours every ${period.months} months`,
    hours,
    period,
    roles: careRoles,
    topics: null,
    citation: unconfirmed(state, "training hours", note),
  };
}
