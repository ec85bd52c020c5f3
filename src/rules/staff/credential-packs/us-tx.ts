/**
 * @module rules/staff/credential-packs/us-tx
 * Texas: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 24 annual training hours for care staff, from memory.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usTxCredentials = {
  code: "US-TX",
  name: "Texas staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for Texas. 24 training hours a year (UNCONFIRMED, from memory).",
  asOf: "No Texas credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Texas"),
  training: [
    trainingHours(
      "Texas",
      24,
      { anchor: "calendar", months: 12 },
      "24 clock hours a year for caregivers, from memory (26 TAC Ch. 746 Subch. D), not read",
    ),
  ],
} satisfies CredentialPackInput;
