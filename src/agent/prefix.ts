/**
 * @module agent/prefix
 * The cached prefix of every request: tool definitions then the system prompt (the order the API
 * renders them in), each ending in a `cache_control` breakpoint. Both are built only from the
 * prompt file and the tools' static definitions, so they are byte-identical across runs; per-run
 * facts go in the user message.
 */
import type { TextBlockParam, Tool } from "@anthropic-ai/sdk/resources/messages";
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
  return tools.map((tool, i) => ({
    name: tool.name,
    description: tool.description,
    input_schema: inputSchemaOf(tool),
    ...(i === tools.length - 1 ? { cache_control: cacheControl } : {}),
  }));
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
