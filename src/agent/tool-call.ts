/**
 * @module agent/tool-call
 * Runs one `tool_use` block and always produces its `tool_result`: an unknown tool, input that
 * fails the tool's zod schema, a handler's error value and a handler that throws all come back to
 * the model as `is_error` with a message it can act on. Pseudonym tokens in the input are restored
 * before validation; the result is masked before it goes back.
 */

import type { ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { Pseudonymizer } from "./pseudonymize.js";
import type { AgentTool, ToolContext, ToolResult } from "./types.js";
import type { ToolUseBlock } from "./wire.js";

export interface ToolCallOutcome {
  block: ToolResultBlockParam;
  /** The handler's result, or the error made for the model when it never ran. */
  result: ToolResult;
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
): Promise<ToolResult> {
  const tool = tools.find((t) => t.name === use.name);
  if (!tool) {
    return failure(
      "unknown_tool",
      `no tool named "${use.name}"; available: ${tools.map((t) => t.name).join(", ")}`,
      false,
    );
  }
  const parsed = tool.inputSchema.safeParse(pseudo.restore(use.input));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`)
      .join("; ");
    return failure(
      "invalid_input",
      `input does not match the schema of ${tool.name}: ${issues}`,
      true,
    );
  }
  try {
    return await tool.handler(parsed.data, ctx);
  } catch (error) {
    ctx.logger.warn({ err: error, tool: tool.name, runId: ctx.runId }, "agent tool threw");
    const message = error instanceof Error ? error.message : String(error);
    return failure("tool_error", `${tool.name} failed: ${message}`, false);
  }
}

export async function runToolCall(
  use: ToolUseBlock,
  tools: readonly AgentTool[],
  ctx: ToolContext,
  pseudo: Pseudonymizer,
): Promise<ToolCallOutcome> {
  const result = await execute(use, tools, ctx, pseudo);
  const content = result.ok
    ? JSON.stringify(result.value ?? null)
    : JSON.stringify({ error: result.error });
  return {
    result,
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
