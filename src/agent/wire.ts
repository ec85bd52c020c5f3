/**
 * @module agent/wire
 * The slice of Anthropic's Messages API wire format the loop uses: what it sends (system blocks,
 * tools, messages with tool results) and the message it gets back, as zod schemas checked on
 * every response so a malformed answer is an error value, not a crash deeper in the loop.
 */
import { z } from "zod";

export const cacheControl = { type: "ephemeral" } as const;

export const textBlockSchema = z.object({ type: z.literal("text"), text: z.string() });
export const toolUseBlockSchema = z.object({
  type: z.literal("tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});

/** Blocks the loop acts on; anything else (thinking, server tools) is kept and passed back. */
export const responseBlockSchema = z.union([
  textBlockSchema,
  toolUseBlockSchema,
  z.looseObject({ type: z.string() }),
]);

export const usageSchema = z.object({
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  cache_creation_input_tokens: z.number().int().min(0).nullish(),
  cache_read_input_tokens: z.number().int().min(0).nullish(),
});

export const messageSchema = z.object({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(responseBlockSchema),
  stop_reason: z.string().nullable(),
  stop_sequence: z.string().nullable().optional(),
  usage: usageSchema,
});

export type TextBlock = z.infer<typeof textBlockSchema>;
export type ToolUseBlock = z.infer<typeof toolUseBlockSchema>;
export type ResponseBlock = z.infer<typeof responseBlockSchema>;
export type Message = z.infer<typeof messageSchema>;
export type WireUsage = z.infer<typeof usageSchema>;

export interface ToolResultBlock {
  type: "tool_result";
  tool_use_id: string;
  content: string;
  is_error?: boolean;
}

export type MessageParam =
  | { role: "user"; content: string | (TextBlock | ToolResultBlock)[] }
  | { role: "assistant"; content: ResponseBlock[] };

export interface ToolParam {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
  cache_control?: typeof cacheControl;
}

export interface SystemBlock {
  type: "text";
  text: string;
  cache_control?: typeof cacheControl;
}

/** The body of POST /v1/messages as the loop sends it. */
export interface MessageCreateBody {
  model: string;
  max_tokens: number;
  temperature: number;
  system: SystemBlock[];
  tools: ToolParam[];
  messages: MessageParam[];
}

export const isToolUse = (block: ResponseBlock): block is ToolUseBlock =>
  block.type === "tool_use" && "id" in block && "name" in block;
