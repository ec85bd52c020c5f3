/**
 * @module tools
 * Every tool the agent may be given, by name. Read tools read; propose tools only create pending
 * approvals. A prompt lists the names it uses; `toolsFor` resolves them in that order.
 */
import type { AgentTool } from "../src/agent/index.js";
import { proposeTools } from "./propose.js";
import { readTools } from "./read.js";

export const allTools: readonly AgentTool[] = [...readTools, ...proposeTools];

export const toolsByName: ReadonlyMap<string, AgentTool> = new Map(
  allTools.map((t) => [t.name, t]),
);

/** The tools for `names`, in that order; an unknown name is a programming error. */
export function toolsFor(names: readonly string[]): AgentTool[] {
  return names.map((name) => {
    const tool = toolsByName.get(name);
    if (!tool) throw new Error(`unknown tool "${name}"`);
    return tool;
  });
}

export { proposeTools } from "./propose.js";
export { readTools } from "./read.js";
