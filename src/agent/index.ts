/**
 * @module agent
 * The agent loop's public surface: the contracts jobs, tools and prompts are written against.
 */
export type {
  AgentRunner,
  AgentRunOutcome,
  AgentRunRequest,
  AgentTool,
  PlatformReader,
  PromptSpec,
  RunLimits,
  ToolContext,
  ToolResult,
  Usage,
} from "./types.js";
export { untrusted } from "./untrusted.js";
