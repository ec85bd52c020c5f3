import { describe, expect, it } from "vitest";
import { estimateTokens, MIN_CACHEABLE_TOKENS } from "../../prompts/caching.js";
import { prompts } from "../../prompts/index.js";
import { toolsFor } from "../../tools/index.js";
import { systemBlocks, toolParams, withConversationBreakpoint } from "./prefix.js";

describe("the cached prefix", () => {
  it("is, for every job, at least the default model's minimum cacheable length", () => {
    for (const p of prompts) {
      const chars =
        JSON.stringify(toolParams(toolsFor(p.tools))).length +
        JSON.stringify(systemBlocks(p)).length;
      expect(estimateTokens(chars), p.id).toBeGreaterThanOrEqual(MIN_CACHEABLE_TOKENS);
    }
  });

  it("puts the conversation's breakpoint on the last block only, leaving the stored turns alone", () => {
    const conversation = [
      { role: "user" as const, content: "facts" },
      { role: "assistant" as const, content: [{ type: "text" as const, text: "ok" }] },
      {
        role: "user" as const,
        content: [{ type: "tool_result" as const, tool_use_id: "t1", content: "{}" }],
      },
    ];
    const sent = withConversationBreakpoint(conversation);
    expect(JSON.stringify(sent.slice(0, 2))).not.toContain("cache_control");
    expect(sent[2]?.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: "t1",
        content: "{}",
        cache_control: { type: "ephemeral" },
      },
    ]);
    expect(JSON.stringify(conversation)).not.toContain("cache_control");
    expect(withConversationBreakpoint([{ role: "user", content: "hi" }])).toEqual([
      {
        role: "user",
        content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral" } }],
      },
    ]);
  });
});
