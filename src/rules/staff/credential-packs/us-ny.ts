/**
 * @module rules/staff/credential-packs/us-ny
 * New York: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 30 training hours every two years, from memory.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usNyCredentials = {
  code: "US-NY",
  name: "New York staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for New York. 30 training hours every two years from hire (UNCONFIRMED, from memory).",
  asOf: "No New York credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("New York"),
  training: [
    trainingHours(
      "New York",
      30,
      { anchor: "hire", months: 24 },
      "30 hours every two years, from memory (18 NYCRR 418-1), not read; the two-year period is anchored on the hire date, also unconfirmed",
    ),
  ],
} satisfies CredentialPackInput;
