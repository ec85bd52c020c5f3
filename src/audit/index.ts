/**
 * @module audit
 * The append-only, hash-chained record of every AI action, decision, alert and platform write.
 */
export {
  type AuditEntryInput,
  type AuditRow,
  appendAudit,
  entryHash,
  GENESIS_HASH,
} from "./append.js";
