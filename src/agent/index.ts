/**
 * @module agent
 * The agent loop drafting jobs call through `AgentRunner`: tools validated and run, limits,
 * prompt caching, usage per call, durable steps, pseudonymized requests.
 */
export { isModelUnavailable } from "./model-client.js";
export {
  checkTools,
  inputSchemaOf,
  systemBlocks,
  toolParams,
  withConversationBreakpoint,
} from "./prefix.js";
export {
  createPseudonymizer,
  loadPeople,
  type Person,
  type Pseudonymizer,
} from "./pseudonymize.js";
export { type InterruptedRun, resumeInterruptedRuns } from "./resume.js";
export {
  type AgentConfig,
  type AgentRunnerOptions,
  createAgentRunner,
  effectiveLimits,
  LEASE_GRACE_MS,
  MAX_FAILURES_PER_TOOL,
} from "./runner.js";
export { offTarget, type ProposalTarget, proposalTarget, subjectKey } from "./targets.js";
export { ATTR_END_REASON, agentTracer, shutdownAgentTracing } from "./telemetry.js";
export type {
  AgentRunner,
  AgentRunOutcome,
  AgentRunRequest,
  AgentTool,
  DraftSubject,
  PlatformReader,
  PromptSpec,
  RunLimits,
  ToolContext,
  ToolResult,
  Usage,
} from "./types.js";
export { untrusted } from "./untrusted.js";
