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
export { correlationOf } from "./correlation.js";
export {
  auditCsv,
  auditEntrySchema,
  auditJson,
  CSV_COLUMNS,
  chunked,
  dayRange,
  type ExportFormat,
  type ExportRange,
  exportFormatSchema,
} from "./export.js";
export {
  type AuditQuery,
  type AuditSearchPage,
  auditFilterFor,
  auditQuerySchema,
  iterateCenterAudit,
  searchAudit,
} from "./query.js";
export {
  brokenReasonSchema,
  type VerifyResult,
  verifyAuditChain,
  verifyResultSchema,
} from "./verify.js";
