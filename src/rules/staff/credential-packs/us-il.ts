/**
 * @module rules/staff/credential-packs/us-il
 * Illinois: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 15 annual training hours, from memory.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usIlCredentials = {
  code: "US-IL",
  name: "Illinois staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for Illinois. 15 training hours a year (UNCONFIRMED, from memory).",
  asOf: "No Illinois credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Illinois"),
  training: [
    trainingHours(
      "Illinois",
      15,
      { anchor: "calendar", months: 12 },
      "15 clock hours a year, from memory (89 Ill. Adm. Code 407), not read",
    ),
  ],
} satisfies CredentialPackInput;
