/**
 * @module agent/prefix
 * The cached prefix of every request: tool definitions then the system prompt (the order the API
 * renders them in), with one `cache_control` breakpoint at the end of the system text, which
 * caches both. They are built only from the prompt file and the tools' static definitions, so
 * they are byte-identical across runs; per-run facts go in the user message. The prefix must be
 * at least the model's minimum cacheable length (`prompts/caching.ts`) or nothing is cached; the
 * tools alone never are, so they carry no breakpoint of their own.
 *
 * A second breakpoint sits on the last block of the conversation, moved forward every turn, so
 * turn 2 and later read turn 1's conversation from the cache instead of paying for it again.
 */
import type {
  ContentBlockParam,
  MessageParam,
  TextBlockParam,
  Tool,
} from "@anthropic-ai/sdk/resources/messages";
import { z } from "zod";
import { AppError } from "../errors/index.js";
import type { AgentTool, PromptSpec } from "./types.js";
import { cacheControl } from "./wire.js";

/** The JSON Schema the API takes for a tool's zod input schema; it must describe an object. */
export function inputSchemaOf(tool: AgentTool): Tool.InputSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.inputSchema, { io: "input" });
  if (schema.type !== "object") {
    throw new AppError(
      "internal",
      `tool ${tool.name}: input schema must be a zod object (JSON Schema type "object")`,
      { tool: tool.name },
    );
  }
  return { ...schema, type: "object" };
}

export function toolParams(tools: readonly AgentTool[]): Tool[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: inputSchemaOf(tool),
  }));
}

/**
 * The conversation as sent: a copy whose last message's last block carries the conversation's
 * breakpoint (the stored conversation stays without it, so only one such breakpoint is ever sent).
 */
export function withConversationBreakpoint(messages: readonly MessageParam[]): MessageParam[] {
  const last = messages.at(-1);
  if (!last) return [];
  const blocks: ContentBlockParam[] =
    typeof last.content === "string" ? [{ type: "text", text: last.content }] : [...last.content];
  const end = blocks.at(-1);
  if (!end || end.type === "thinking" || end.type === "redacted_thinking") return [...messages];
  blocks[blocks.length - 1] = { ...end, cache_control: cacheControl } as ContentBlockParam;
  return [...messages.slice(0, -1), { ...last, content: blocks } as MessageParam];
}

export function systemBlocks(prompt: PromptSpec): TextBlockParam[] {
  return [{ type: "text", text: prompt.system, cache_control: cacheControl }];
}

/**
 * Checks a run's tools against its prompt: the same names in the same order (the order is part
 * of the cached prefix) and the output tool among them.
 */
export function checkTools(prompt: PromptSpec, tools: readonly AgentTool[]): void {
  const names = tools.map((t) => t.name);
  if (names.join("\n") !== prompt.tools.join("\n")) {
    throw new AppError(
      "internal",
      `prompt ${prompt.id} lists tools [${prompt.tools.join(", ")}] but the run got [${names.join(", ")}]`,
      { prompt: prompt.id },
    );
  }
  const output = tools.find((t) => t.name === prompt.outputTool);
  if (output && output.effect !== "propose") {
    throw new AppError(
      "internal",
      `prompt ${prompt.id}: output tool ${prompt.outputTool} must be a propose tool`,
      { prompt: prompt.id },
    );
  }
  if (!output) {
    throw new AppError(
      "internal",
      `prompt ${prompt.id}: output tool ${prompt.outputTool} is not among its tools`,
      { prompt: prompt.id },
    );
  }
}
