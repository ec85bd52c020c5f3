/**
 * @module approvals
 * Everything a person must decide before it happens: proposing, deciding, executing once.
 */
export {
  type ApprovalDeps,
  type BulkItem,
  type BulkResult,
  bulkApprove,
  type Decision,
  type DecisionOutcome,
  decideApproval,
  decisionBodySchema,
  decisionSchema,
} from "./decide.js";
export {
  type AppliedEdit,
  applyEdit,
  type EditedText,
  editableFields,
  editedTextSchema,
} from "./edit.js";
export { type PlatformOutcome, recordPlatformOutcome } from "./execute.js";
export { expireApprovals } from "./expire.js";
export {
  currentExpiryRules,
  defaultExpiryRules,
  type ExpiryRules,
  expiryFor,
  parseExpiryRules,
  useExpiryRules,
} from "./expiry.js";
export { canonicalJson, contentHash, type ReviewedContent } from "./hash.js";
export {
  type ApprovalKind,
  type ApprovalState,
  approvalKindSchema,
  approvalStateSchema,
  type DraftSource,
  draftSourceSchema,
} from "./kinds.js";
export { canTransition, isFinal } from "./machine.js";
export {
  type LogEntry,
  logEntrySchema,
  type PlatformCall,
  type PlatformOp,
  platformCallSchema,
} from "./platform-call.js";
export {
  type ApprovalPolicy,
  type Approver,
  approvalPolicySchema,
  approverSchema,
  decisionDenial,
  defaultApprovalPolicy,
  isLowRisk,
  type PolicySubject,
  roleMayApprove,
} from "./policy.js";
export { type Proposal, proposeApproval } from "./propose.js";
