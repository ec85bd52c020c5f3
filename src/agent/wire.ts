/**
 * @module agent/wire
 * What the SDK's types do not give: a runtime check of the message the API answers. The SDK
 * types the response but does not validate it, so a proxy's malformed answer would otherwise
 * surface as a crash deeper in the loop; checked here, it is an `invalid_response` outcome.
 * Request types (`MessageCreateParamsNonStreaming`, `Tool`, `TextBlockParam`, ...) are the SDK's.
 */
import type {
  CacheControlEphemeral,
  ToolUseBlock as SdkToolUseBlock,
} from "@anthropic-ai/sdk/resources/messages";
import { z } from "zod";

export const cacheControl: CacheControlEphemeral = { type: "ephemeral" };

const toolUseBlockSchema = z.object({
  type: z.literal("tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});

const usageSchema = z.object({
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
  cache_creation_input_tokens: z.number().int().min(0).nullish(),
  cache_read_input_tokens: z.number().int().min(0).nullish(),
});

/** The fields the loop reads; blocks other than `tool_use` (text, thinking) pass through as sent. */
export const messageSchema = z.looseObject({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(
    z.union([
      toolUseBlockSchema.loose(),
      z.looseObject({ type: z.string().refine((t) => t !== "tool_use") }),
    ]),
  ),
  stop_reason: z.string().nullable(),
  usage: usageSchema.loose(),
});

/** The part of a `tool_use` block the loop and the tools read. */
export type ToolUseBlock = Pick<SdkToolUseBlock, "type" | "id" | "name" | "input">;
