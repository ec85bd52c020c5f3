/**
 * @module approvals
 * Everything a person must decide before it happens: proposing, deciding, executing once.
 */
export { canonicalJson, contentHash, type ReviewedContent } from "./hash.js";
export {
  type ApprovalKind,
  type ApprovalState,
  approvalKindSchema,
  approvalStateSchema,
  type DraftSource,
  draftSourceSchema,
} from "./kinds.js";
export {
  type LogEntry,
  logEntrySchema,
  type PlatformCall,
  type PlatformOp,
  platformCallSchema,
} from "./platform-call.js";
export { type Proposal, proposeApproval } from "./propose.js";
