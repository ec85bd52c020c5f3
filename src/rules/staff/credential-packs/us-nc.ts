/**
 * @module rules/staff/credential-packs/us-nc
 * North Carolina: not yet researched. The common core with every requirement UNCONFIRMED (no North Carolina
 * credential or training regulation was read), and no training-hours rule: the staff page says
 * the state's requirements are not yet researched instead of presenting them as law.
 */
import type { CredentialPackInput } from "../credential-pack.js";
import { coreCredentials } from "./common.js";

export const usNcCredentials = {
  code: "US-NC",
  name: "North Carolina staff credentials and training (not yet researched)",
  summary:
    "Not yet researched for North Carolina: the common core (CPR, pediatric first aid, background check, " +
    "health/TB screening, director and teacher qualifications) is shown so records can be kept, " +
    "every requirement UNCONFIRMED. No training-hours rule is encoded.",
  asOf: "No North Carolina credential regulation read; built 2026-12-08 from shared/integration-notes.md §4.4",
  credentials: coreCredentials("North Carolina"),
  training: [],
} satisfies CredentialPackInput;
