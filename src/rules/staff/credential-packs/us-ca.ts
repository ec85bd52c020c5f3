/**
 * @module rules/staff/credential-packs/us-ca
 * California: the common core (every requirement UNCONFIRMED: no credential regulation text was read for
 * this state) and no training-hours rule: none was found or remembered for centers.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials } from "./common.js";

export const usCaCredentials = {
  code: "US-CA",
  name: "California staff credentials and training",
  summary:
    "Common core (CPR, pediatric first aid, background check, health/TB screening, director and " +
    "teacher qualifications), all UNCONFIRMED for California. No annual training-hours rule is encoded (none known for Title 22 centers).",
  asOf: "No California credential regulation read; built 2026-11-23 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("California"),
  training: [],
} satisfies CredentialPackInput;
