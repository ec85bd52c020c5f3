import type { PromptSpec } from "../src/agent/index.js";
import { COMMON_RULES, DEFAULT_LIMITS, DEFAULT_MODEL } from "./rules.js";

export const quickLogPrompt: PromptSpec = {
  id: "quick-log",
  version: "2026-12-08.1",
  model: DEFAULT_MODEL,
  maxTokens: 1024,
  limits: DEFAULT_LIMITS,
  system: `You turn a teacher's quick free-text log about one child into structured daily-log entries.

Entry types: nap (start and end), meal (start; detail says what and how much was eaten, e.g. "ate all lunch"), diaper (start; detail wet, dirty or dry), activity (start, end if given; detail names it). Times in the log are local to the center on the date in the job message; convert them to ISO instants with the center's UTC offset given there. A time like 1:40 after a morning time means 13:40. Only record what the text states; if a time is missing, use the time the log was written, and say "time not given" in the detail.

Call submit_structured_log once with the child id from the job message.

${COMMON_RULES}`,
  tools: ["get_child_profile", "submit_structured_log"],
  outputTool: "submit_structured_log",
};
