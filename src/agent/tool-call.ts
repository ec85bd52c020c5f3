/**
 * @module agent/tool-call
 * Runs one `tool_use` block and always produces its `tool_result`: an unknown tool, input that
 * fails the tool's zod schema, a handler's error value and a handler that throws all come back to
 * the model as `is_error` with a message it can act on. Pseudonym tokens in the input are restored
 * before validation; the result is masked before it goes back.
 */

import type { ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { Pseudonymizer } from "./pseudonymize.js";
import { offTarget, proposalTarget, subjectKey, textOf } from "./targets.js";
import type { AgentTool, DraftSubject, ToolContext, ToolResult } from "./types.js";
import type { ToolUseBlock } from "./wire.js";

export interface ToolCallOutcome {
  block: ToolResultBlockParam;
  /** The handler's result, or the error made for the model when it never ran. */
  result: ToolResult;
  /** Set when the call must end the run: `unknown_token` or `other_family_data`. */
  fatal?: string;
  /** The subject key (`family:<id>`, ...) an output-tool draft was accepted for. */
  target?: string;
}

/** What the loop checks an output-tool call against. */
export interface ToolCallGuard {
  outputTool: string;
  subjects?: readonly DraftSubject[];
}

interface Executed {
  result: ToolResult;
  fatal?: string;
  target?: string;
}

const failure = (code: string, message: string, retryable: boolean): ToolResult => ({
  ok: false,
  error: { code, message, retryable },
});

async function execute(
  use: ToolUseBlock,
  tools: readonly AgentTool[],
  ctx: ToolContext,
  pseudo: Pseudonymizer,
  guard: ToolCallGuard | undefined,
): Promise<Executed> {
  const tool = tools.find((t) => t.name === use.name);
  if (!tool) {
    return {
      result: failure(
        "unknown_tool",
        `no tool named "${use.name}"; available: ${tools.map((t) => t.name).join(", ")}`,
        false,
      ),
    };
  }
  const unknown = pseudo.unissued(use.input);
  if (unknown.length > 0) {
    return {
      result: failure(
        "unknown_token",
        `${unknown.join(", ")} ${unknown.length === 1 ? "was" : "were"} never given in this job; use only the tokens in the job message and tool results`,
        false,
      ),
      fatal: "unknown_token",
    };
  }
  const restored = pseudo.restore(use.input);
  let target: string | undefined;
  if (tool.effect === "propose") {
    const aimed = proposalTarget(restored);
    if (guard?.subjects?.length && tool.name === guard.outputTool) {
      const why = offTarget(guard.subjects, aimed);
      if (why) return { result: failure("off_target", why, true) };
    }
    if (aimed?.kind === "family") {
      const written = textOf(proposalTarget(use.input)?.familyFacing ?? null);
      const others = pseudo.otherFamilies(`${written}\n${textOf(aimed.familyFacing)}`, aimed.id);
      if (others.length > 0) {
        return {
          result: failure(
            "other_family_data",
            `the message to family ${aimed.id} names people of another family (${others.join(", ")}); a family message may only speak of its own child`,
            false,
          ),
          fatal: "other_family_data",
        };
      }
    }
    if (aimed) target = subjectKey(aimed);
  }
  const parsed = tool.inputSchema.safeParse(restored);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`)
      .join("; ");
    return {
      result: failure(
        "invalid_input",
        `input does not match the schema of ${tool.name}: ${issues}`,
        true,
      ),
    };
  }
  try {
    const result = await tool.handler(parsed.data, ctx);
    return target !== undefined ? { result, target } : { result };
  } catch (error) {
    ctx.logger.warn({ err: error, tool: tool.name, runId: ctx.runId }, "agent tool threw");
    const message = error instanceof Error ? error.message : String(error);
    return { result: failure("tool_error", `${tool.name} failed: ${message}`, false) };
  }
}

export async function runToolCall(
  use: ToolUseBlock,
  tools: readonly AgentTool[],
  ctx: ToolContext,
  pseudo: Pseudonymizer,
  guard?: ToolCallGuard,
): Promise<ToolCallOutcome> {
  const { result, fatal, target } = await execute(use, tools, ctx, pseudo, guard);
  const content = result.ok
    ? JSON.stringify(result.value ?? null)
    : JSON.stringify({ error: result.error });
  return {
    result,
    ...(fatal ? { fatal } : {}),
    ...(target !== undefined ? { target } : {}),
    block: {
      type: "tool_result",
      tool_use_id: use.id,
      content: pseudo.mask(content),
      ...(result.ok ? {} : { is_error: true }),
    },
  };
}

/** The result for a call the loop will not run (a limit was reached first). */
export function notRun(use: ToolUseBlock, reason: string): ToolCallOutcome {
  const error = { code: "not_run", message: `not run: ${reason}`, retryable: false };
  return {
    result: { ok: false, error },
    block: {
      type: "tool_result",
      tool_use_id: use.id,
      content: JSON.stringify({ error }),
      is_error: true,
    },
  };
}
