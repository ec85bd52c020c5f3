/**
 * @module rules/staff/credential-packs/us-pa
 * Pennsylvania: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) plus 12 annual training hours (the larger of two remembered figures).
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials, trainingHours } from "./common.js";

export const usPaCredentials = {
  code: "US-PA",
  name: "Pennsylvania staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for Pennsylvania. 12 training hours a year (UNCONFIRMED: 6 or 12 remembered; the stricter stored).",
  asOf: "No Pennsylvania credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Pennsylvania"),
  training: [
    trainingHours(
      "Pennsylvania",
      12,
      { anchor: "calendar", months: 12 },
      "6 or 12 hours a year, from memory (55 Pa. Code Ch. 3270), not read; the larger is stored, as the ratio packs store the stricter reading",
    ),
  ],
} satisfies CredentialPackInput;
