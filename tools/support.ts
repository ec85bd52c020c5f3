/**
 * @module tools/support
 * What every tool shares: result constructors, the center's local date, and `defineTool`, which
 * keeps a tool's handler typed by its own input schema while the registry holds them side by side.
 */
import type { z } from "zod";
import type { AgentTool, ToolContext, ToolResult } from "../src/agent/index.js";
import { instantToZoned } from "../src/domain/time.js";
import { getCenter } from "../src/storage/directory.js";

export const ok = (value: unknown, approvalId?: number): ToolResult =>
  approvalId === undefined ? { ok: true, value } : { ok: true, value, approvalId };

export const fail = (code: string, message: string, retryable = false): ToolResult => ({
  ok: false,
  error: { code, message, retryable },
});

export function defineTool<S extends z.ZodType>(tool: AgentTool<S>): AgentTool {
  return tool as unknown as AgentTool;
}

/** The center's time zone and local date at the run's business time. */
export function centerDay(ctx: ToolContext): { timeZone: string; date: string } | undefined {
  const center = getCenter(ctx.db, ctx.centerId);
  if (!center) return undefined;
  return { timeZone: center.timeZone, date: instantToZoned(ctx.now, center.timeZone).date };
}
