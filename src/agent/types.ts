/**
 * @module agent/types
 * The contracts between the agent loop (`agent/`), the tools (`tools/`), the prompts
 * (`prompts/`) and the drafting jobs (`drafting/`). Tools see real ids and real text: the loop
 * restores pseudonym tokens in tool inputs before a handler runs and masks personal data in every
 * result before it goes back to the model.
 */
import type { z } from "zod";
import type { Logger } from "../logging/index.js";
import type { PlatformClient } from "../platforms/types.js";
import type { Store } from "../storage/db.js";

/** What a tool handler may use. No platform write is reachable from here: see `tools/`. */
export interface ToolContext {
  db: Store;
  centerId: string;
  /** Business time of the run (the sandbox clock when it runs). */
  now: Date;
  /** Wall-clock time, for stored timestamps. */
  wallNow: () => Date;
  runId: string;
  job: string;
  triggerEventId: string | null;
  prompt: { id: string; version: string };
  /** Read-only platform access (roster, staff, tasks, notes). */
  platform: PlatformReader | undefined;
  logger: Logger;
}

/** The read half of a platform client: tools get this, never the client itself. */
export type PlatformReader = Pick<
  PlatformClient,
  "provider" | "fetchDirectory" | "fetchShifts" | "fetchPresence"
>;

/** A tool handler's outcome; an error goes back to the model as `is_error` with the message. */
export type ToolResult =
  | {
      ok: true;
      value: unknown;
      /** Set by `propose` tools: the pending approval the call created (or found). */
      approvalId?: number;
    }
  | { ok: false; error: { code: string; message: string; retryable: boolean } };

export interface AgentTool<S extends z.ZodType = z.ZodType> {
  /** snake_case, stable: part of the cached prefix. */
  name: string;
  /** Written for the model: what it returns and when to use it. */
  description: string;
  inputSchema: S;
  /** `read` tools only read; `propose` tools only create pending approvals. */
  effect: "read" | "propose";
  handler(input: z.infer<S>, ctx: ToolContext): Promise<ToolResult> | ToolResult;
}

/** Per-run limits; hitting one ends the run cleanly with the reason recorded. */
export interface RunLimits {
  maxTurns: number;
  /** Total output tokens across the run. */
  maxTokens: number;
  timeoutMs: number;
}

/**
 * One prompt file in `prompts/`: versioned, byte-stable system text, per-job model settings.
 * No temperature: API version 2026-10-21, which the SDK sends, rejects sampling parameters.
 */
export interface PromptSpec {
  id: string;
  /** Bumped on every change to the text or settings; stored on every draft. */
  version: string;
  model: string;
  /** Per model call. */
  maxTokens: number;
  limits: RunLimits;
  /** Byte-stable across runs: per-run facts go in the user message, never here. */
  system: string;
  /** Names of the tools this job may use, in a fixed order (part of the cached prefix). */
  tools: readonly string[];
  /** The `propose_*` / `submit_*` tool the run must call to produce its draft. */
  outputTool: string;
}

/**
 * Whom a job drafts for: its family (with the children a message may be about), child or staff
 * member. A run completes only when each has an accepted draft from the output tool; a draft
 * from the output tool for anyone else is refused as a tool error.
 */
export interface DraftSubject {
  kind: "family" | "child" | "staff";
  id: string;
  /** For a family: the children of this job a message to it may be about. */
  childIds?: readonly string[];
}

/** What a drafting job asks the loop to do. */
export interface AgentRunRequest {
  job: string;
  centerId: string;
  jobId: number | null;
  triggerEventId: string | null;
  prompt: PromptSpec;
  /** In the order the prompt lists them; must include `prompt.outputTool`. */
  tools: readonly AgentTool[];
  /**
   * Per-run facts for the user turn (the loop pseudonymizes it). Text written by people
   * (incident reports, notes, quick logs) goes inside `<untrusted_text>` delimiters.
   */
  userMessage: string;
  /** Business time of the run. */
  now: Date;
  /** Whom the output tool must draft for (see `DraftSubject`); none: any one draft completes. */
  subjects?: readonly DraftSubject[];
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export interface AgentRunOutcome {
  runId: string;
  /**
   * `completed` only when the model ended its turn and the output tool produced an approval for
   * every subject of the request (`incomplete` when only some have one).
   */
  status: "completed" | "limit_reached" | "failed";
  /** `end_turn`, `max_turns`, `max_tokens`, `timeout`, `model_unavailable`, `no_output`, ... */
  endReason: string;
  approvalIds: number[];
  usage: Usage;
}

/** The agent loop as drafting jobs see it; absent when no `ANTHROPIC_API_KEY` is set. */
export interface AgentRunner {
  run(request: AgentRunRequest): Promise<AgentRunOutcome>;
}
