/**
 * @module rules/staff/credential-packs/us-wa
 * Washington: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 10 annual in-service hours, from memory.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usWaCredentials = {
  code: "US-WA",
  name: "Washington staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for Washington. 10 in-service hours a year (UNCONFIRMED, from memory).",
  asOf: "No Washington credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Washington"),
  training: [
    trainingHours(
      "Washington",
      10,
      { anchor: "calendar", months: 12 },
      "10 hours of annual in-service training, from memory (WAC 110-300), not read",
    ),
  ],
} satisfies CredentialPackInput;
