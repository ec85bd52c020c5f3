/**
 * @module agent/runner
 * The agent loop: send the cached prefix (tools, system) and the conversation, run every tool the
 * model asks for, answer each with its result, until the model ends its turn or a limit is
 * reached. Every step is stored as it happens under the run id; every model call's usage is
 * stored with cache tokens apart. `run` never throws: whatever happens becomes an outcome, and
 * anything but `completed` sends the caller to its template drafter.
 */
import { randomUUID } from "node:crypto";
import type Anthropic from "@anthropic-ai/sdk";
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
} from "@anthropic-ai/sdk/resources/messages";
import type { Tracer } from "@opentelemetry/api";
import { appendAudit } from "../audit/append.js";
import type { Config } from "../config/index.js";
import type { Logger } from "../logging/index.js";
import {
  appendAgentStep,
  finishAgentRun,
  holdsAgentRun,
  insertAgentRun,
  recordModelCall,
} from "../storage/agent.js";
import { type Db, inTransaction } from "../storage/db.js";
import { createModelClient, isModelUnavailable } from "./model-client.js";
import { checkTools, systemBlocks, toolParams, withConversationBreakpoint } from "./prefix.js";
import { createPseudonymizer, loadPeople } from "./pseudonymize.js";
import { subjectKey } from "./targets.js";
import {
  agentTracer,
  endChatSpan,
  endRunSpan,
  endToolSpan,
  startChatSpan,
  startRunSpan,
  startToolSpan,
} from "./telemetry.js";
import { notRun, runToolCall, type ToolCallOutcome } from "./tool-call.js";
import type {
  AgentRunner,
  AgentRunOutcome,
  AgentRunRequest,
  PlatformReader,
  RunLimits,
  ToolContext,
  Usage,
} from "./types.js";
import { messageSchema } from "./wire.js";

export type AgentConfig = Pick<
  Config,
  | "ANTHROPIC_API_KEY"
  | "ANTHROPIC_MODEL"
  | "ANTHROPIC_BASE_URL"
  | "ANTHROPIC_MAX_RETRIES"
  | "AGENT_MAX_TURNS"
  | "AGENT_MAX_OUTPUT_TOKENS"
  | "AGENT_TIMEOUT_MS"
> & { OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined };

export interface AgentRunnerOptions {
  db: Db;
  logger: Logger;
  config: AgentConfig;
  /** Wall-clock time for stored timestamps and leases (default `new Date()`). */
  wallClock?: () => Date;
  /** Read-only platform access for a center's tools. */
  platformFor?: (centerId: string) => PlatformReader | undefined;
  /** This instance's id on the runs it holds (default a random one). */
  leaseOwner?: string;
  /** Where run, model-call and tool spans go (default: `agentTracer` for the config's endpoint). */
  tracer?: Tracer;
}

/** The same tool failing this often in one run ends it: the model is going round in circles. */
export const MAX_FAILURES_PER_TOOL = 3;
/** A run's lease outlasts its own timeout by this much before another instance may fail it. */
export const LEASE_GRACE_MS = 60_000;

class RunTimeout extends Error {
  override readonly name = "RunTimeout";
}

const zeroUsage = (): Usage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
});

/** The prompt's limits with the operator's overrides (`AGENT_MAX_TURNS`, ...) applied. */
export function effectiveLimits(prompt: RunLimits, config: AgentConfig): RunLimits {
  return {
    maxTurns: config.AGENT_MAX_TURNS ?? prompt.maxTurns,
    maxTokens: config.AGENT_MAX_OUTPUT_TOKENS ?? prompt.maxTokens,
    timeoutMs: config.AGENT_TIMEOUT_MS ?? prompt.timeoutMs,
  };
}

/** The loop, or undefined without `ANTHROPIC_API_KEY` (every job then uses its template). */
export function createAgentRunner(options: AgentRunnerOptions): AgentRunner | undefined {
  const { config } = options;
  if (!config.ANTHROPIC_API_KEY) return undefined;
  const client = createModelClient({
    apiKey: config.ANTHROPIC_API_KEY,
    baseURL: config.ANTHROPIC_BASE_URL,
    maxRetries: config.ANTHROPIC_MAX_RETRIES,
    logger: options.logger,
  });
  const owner = options.leaseOwner ?? `agent-${randomUUID()}`;
  const wallClock = options.wallClock ?? (() => new Date());
  const tracer = options.tracer ?? agentTracer(config.OTEL_EXPORTER_OTLP_ENDPOINT);
  return {
    run: (request) => runOnce(request, { ...options, client, owner, wallClock, tracer }),
  };
}

interface RunDeps extends AgentRunnerOptions {
  client: Anthropic;
  owner: string;
  wallClock: () => Date;
  tracer: Tracer;
}

async function runOnce(request: AgentRunRequest, deps: RunDeps): Promise<AgentRunOutcome> {
  const { db, wallClock, owner, config } = deps;
  const runId = randomUUID();
  const limits = effectiveLimits(request.prompt.limits, config);
  const model = config.ANTHROPIC_MODEL ?? request.prompt.model;
  const started = wallClock();
  const logger = deps.logger.child({ runId, job: request.job, centerId: request.centerId });
  const runSpan = startRunSpan(deps.tracer, request.job, model);
  insertAgentRun(db, {
    id: runId,
    jobId: request.jobId,
    job: request.job,
    centerId: request.centerId,
    triggerEventId: request.triggerEventId,
    promptId: request.prompt.id,
    promptVersion: request.prompt.version,
    model,
    leaseOwner: owner,
    leaseUntil: new Date(started.getTime() + limits.timeoutMs + LEASE_GRACE_MS).toISOString(),
    startedAt: started.toISOString(),
  });

  let seq = 0;
  const usage = zeroUsage();
  const approvalIds: number[] = [];
  let produced = false;
  const subjects = request.subjects ?? [];
  const covered = new Set<string>();
  const complete = () =>
    subjects.length === 0 ? produced : subjects.every((s) => covered.has(subjectKey(s)));
  const step = (
    type: "model_request" | "model_response" | "tool_call" | "tool_result",
    data: Record<string, unknown>,
  ) => appendAgentStep(db, { runId, seq: ++seq, type, data }, wallClock().toISOString());
  const end = (status: AgentRunOutcome["status"], endReason: string): AgentRunOutcome => {
    const at = wallClock().toISOString();
    // The run's end and its audit entry commit together: every model run an inspector may ask
    // about is on the record, with the prompt version, the drafts it proposed and its tokens.
    const held = inTransaction(db, (tx) => {
      if (!finishAgentRun(tx, runId, owner, { status, endReason, at })) return false;
      appendAudit(
        tx,
        {
          actor: `agent:${request.job}`,
          action: `agent.run_${status}`,
          centerId: request.centerId,
          subject: `agent_run:${runId}`,
          sourceIds: approvalIds.map((id) => `approval:${id}`),
          correlationId: request.triggerEventId,
          data: {
            endReason,
            model,
            prompt: `${request.prompt.id}@${request.prompt.version}`,
            usage: { ...usage },
          },
        },
        at,
      );
      return true;
    });
    const outcome: AgentRunOutcome = held
      ? { runId, status, endReason, approvalIds: [...approvalIds], usage: { ...usage } }
      : {
          runId,
          status: "failed",
          endReason: "lease_lost",
          approvalIds: [...approvalIds],
          usage: { ...usage },
        };
    logger.info({ status: outcome.status, endReason: outcome.endReason, usage }, "agent run ended");
    endRunSpan(runSpan, outcome.status, outcome.endReason, outcome.usage);
    return outcome;
  };

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new RunTimeout("run timed out")), limits.timeoutMs);
  timer.unref?.();
  const elapsed = () => wallClock().getTime() - started.getTime();
  const timedOut = () => abort.signal.aborted || elapsed() >= limits.timeoutMs;

  try {
    checkTools(request.prompt, request.tools);
    const tools = toolParams(request.tools);
    const system = systemBlocks(request.prompt);
    const pseudo = createPseudonymizer(loadPeople(db, request.centerId));
    const ctx: ToolContext = {
      db,
      centerId: request.centerId,
      now: request.now,
      wallNow: wallClock,
      runId,
      job: request.job,
      triggerEventId: request.triggerEventId,
      prompt: { id: request.prompt.id, version: request.prompt.version },
      platform: deps.platformFor?.(request.centerId),
      logger,
    };
    const conversation: MessageParam[] = [
      { role: "user", content: pseudo.mask(request.userMessage) },
    ];
    const failures = new Map<string, number>();

    for (let turn = 1; ; turn++) {
      if (turn > limits.maxTurns) return end("limit_reached", "max_turns");
      if (usage.outputTokens >= limits.maxTokens) return end("limit_reached", "max_tokens");
      if (timedOut()) return end("limit_reached", "timeout");
      if (!holdsAgentRun(db, runId, owner)) return end("failed", "lease_lost");

      const body: MessageCreateParamsNonStreaming = {
        model,
        max_tokens: Math.min(request.prompt.maxTokens, limits.maxTokens - usage.outputTokens),
        system,
        tools,
        messages: withConversationBreakpoint(conversation),
      };
      step("model_request", {
        turn,
        model,
        max_tokens: body.max_tokens,
        messages: conversation,
      });
      const t0 = Date.now();
      const chatSpan = startChatSpan(deps.tracer, runSpan, model, body.max_tokens);
      let message: Message;
      try {
        const response = await deps.client.messages.create(body, { signal: abort.signal });
        const parsed = messageSchema.safeParse(response);
        if (!parsed.success) {
          endChatSpan(chatSpan, { error: "invalid_response" });
          step("model_response", {
            turn,
            error: { type: "invalid_response", message: parsed.error.message },
          });
          return end("failed", "invalid_response");
        }
        message = response;
      } catch (error) {
        endChatSpan(chatSpan, {
          error: abort.signal.aborted
            ? "timeout"
            : isModelUnavailable(error)
              ? "model_unavailable"
              : "model_error",
        });
        if (abort.signal.aborted) {
          step("model_response", { turn, error: { type: "timeout", message: "run timed out" } });
          return end("limit_reached", "timeout");
        }
        const unavailable = isModelUnavailable(error);
        step("model_response", {
          turn,
          error: {
            type: unavailable ? "model_unavailable" : "model_error",
            status: (error as { status?: unknown }).status ?? null,
            message: error instanceof Error ? error.message : String(error),
          },
        });
        logger.warn({ err: error }, "model call failed");
        return end("failed", unavailable ? "model_unavailable" : "model_error");
      }

      const callUsage: Usage = {
        inputTokens: message.usage.input_tokens,
        outputTokens: message.usage.output_tokens,
        cacheCreationInputTokens: message.usage.cache_creation_input_tokens ?? 0,
        cacheReadInputTokens: message.usage.cache_read_input_tokens ?? 0,
      };
      usage.inputTokens += callUsage.inputTokens;
      usage.outputTokens += callUsage.outputTokens;
      usage.cacheCreationInputTokens += callUsage.cacheCreationInputTokens;
      usage.cacheReadInputTokens += callUsage.cacheReadInputTokens;
      endChatSpan(chatSpan, {
        id: message.id,
        model: message.model,
        stopReason: message.stop_reason,
        usage: callUsage,
      });
      inTransaction(db, (tx) => {
        recordModelCall(
          tx,
          {
            runId,
            turn,
            model: message.model,
            stopReason: message.stop_reason,
            ...callUsage,
            durationMs: Date.now() - t0,
          },
          wallClock().toISOString(),
        );
      });
      step("model_response", {
        turn,
        id: message.id,
        stop_reason: message.stop_reason,
        content: message.content,
        usage: message.usage,
      });
      conversation.push({ role: "assistant", content: message.content });

      const uses = message.content.filter((b) => b.type === "tool_use");
      // A process that was only slow may have lost the run to a restart: it must not act on it.
      if (uses.length > 0 && !holdsAgentRun(db, runId, owner)) return end("failed", "lease_lost");
      if (uses.length === 0) {
        if (message.stop_reason === "end_turn" || message.stop_reason === "stop_sequence") {
          if (complete()) return end("completed", "end_turn");
          return end("failed", produced ? "incomplete" : "no_output");
        }
        if (message.stop_reason === "max_tokens") return end("limit_reached", "max_tokens");
        return end("failed", message.stop_reason ?? "no_stop_reason");
      }

      // Calls that could never be answered are not run: nothing happens after a limit.
      const stopBefore =
        message.stop_reason === "max_tokens" || usage.outputTokens >= limits.maxTokens
          ? "max_tokens"
          : turn >= limits.maxTurns
            ? "max_turns"
            : timedOut()
              ? "timeout"
              : null;
      const outcomes: ToolCallOutcome[] = [];
      let fatal: string | null = null;
      for (const use of uses) {
        step("tool_call", { turn, id: use.id, name: use.name, input: use.input });
        const toolSpan = startToolSpan(deps.tracer, runSpan, use.name, use.id);
        const outcome: ToolCallOutcome = stopBefore
          ? notRun(use, `${stopBefore.replace("_", " ")} reached`)
          : fatal
            ? notRun(use, "the run was stopped by an earlier call in this turn")
            : await runToolCall(use, request.tools, ctx, pseudo, {
                outputTool: request.prompt.outputTool,
                subjects,
              });
        outcomes.push(outcome);
        endToolSpan(toolSpan, outcome.result.ok ? null : outcome.result.error.code);
        fatal ??= outcome.fatal ?? null;
        const approvalId = outcome.result.ok ? outcome.result.approvalId : undefined;
        if (approvalId !== undefined) {
          if (!approvalIds.includes(approvalId)) approvalIds.push(approvalId);
          if (use.name === request.prompt.outputTool) {
            produced = true;
            if (outcome.target) covered.add(outcome.target);
          }
        }
        if (!outcome.result.ok && !stopBefore)
          failures.set(use.name, (failures.get(use.name) ?? 0) + 1);
        step("tool_result", {
          turn,
          ...outcome.block,
          name: use.name,
          ...(approvalId !== undefined ? { approvalId } : {}),
        });
      }
      if (stopBefore) return end("limit_reached", stopBefore);
      if (fatal) return end("failed", fatal);
      if ([...failures.values()].some((n) => n >= MAX_FAILURES_PER_TOOL)) {
        return end("failed", "tool_failures");
      }
      conversation.push({ role: "user", content: outcomes.map((o) => o.block) });
    }
  } catch (error) {
    logger.error({ err: error }, "agent run failed");
    return end("failed", "internal_error");
  } finally {
    clearTimeout(timer);
  }
}
