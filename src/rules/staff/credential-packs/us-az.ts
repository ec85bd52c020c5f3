/**
 * @module rules/staff/credential-packs/us-az
 * Arizona: not yet researched. The common core with every requirement UNCONFIRMED (no Arizona
 * credential or training regulation was read), and no training-hours rule: the staff page says
 * the state's requirements are not yet researched instead of presenting them as law.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials } from "./common.js";

export const usAzCredentials = {
  code: "US-AZ",
  name: "Arizona staff credentials and training (not yet researched)",
  summary:
    "Not yet researched for Arizona: the common core (CPR, pediatric first aid, background check, " +
    "health/TB screening, director and teacher qualifications) is shown so records can be kept, " +
    "every requirement UNCONFIRMED. No training-hours rule is encoded.",
  asOf: "No Arizona credential regulation read; built 2026-12-08 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("Arizona"),
  training: [],
} satisfies CredentialPackInput;
