/**
 * @module rules/attendance
 * Deterministic attendance decisions beyond ratios: who may pick a child up, what is unusual at
 * check-in, and the patterns directors follow up on.
 */
export {
  type AgeGroupMonths,
  type CheckInException,
  type CheckInInput,
  type CheckInPolicy,
  checkInExceptions,
  checkInPolicySchema,
  defaultAgeGroupMonths,
} from "./checkin.js";
export {
  attendancePatterns,
  type DayRecord,
  dayRecordSchema,
  type Finding,
  type FindingKind,
  type PatternPolicy,
  patternPolicySchema,
} from "./patterns.js";
export {
  type CustodyRestriction,
  custodyRestrictionSchema,
  normalizeName,
  type PickupDecision,
  type PickupRequest,
  pickupRequestSchema,
  verifyPickup,
} from "./pickup.js";
