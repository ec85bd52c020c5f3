/**
 * @module rules/staff/credential-packs/us-fl
 * Florida: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 10 annual in-service hours, from memory.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usFlCredentials = {
  code: "US-FL",
  name: "Florida staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for Florida. 10 in-service hours a year (UNCONFIRMED, from memory).",
  asOf: "No Florida credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Florida"),
  training: [
    trainingHours(
      "Florida",
      10,
      { anchor: "calendar", months: 12 },
      "10 clock hours of in-service training a year, from memory (s. 402.305, F.S.), not read",
    ),
  ],
} satisfies CredentialPackInput;
