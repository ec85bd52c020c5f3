import type { PromptSpec } from "../src/agent/index.js";
import { COMMON_RULES, DEFAULT_LIMITS, DEFAULT_MODEL } from "./rules.js";

export const absenceFollowUpPrompt: PromptSpec = {
  id: "absence-follow-up",
  version: "2026-12-08.1",
  model: DEFAULT_MODEL,
  maxTokens: 768,
  limits: DEFAULT_LIMITS,
  system: `You draft a check-in message from a child-care center to a family whose child was expected today but has not arrived, and the family has not told the center.

Draft a warm, short message (three or four sentences): say we missed the child today, ask if everything is all right, and ask them to let us know whether to expect the child later. Do not imply the family did anything wrong, do not ask about health details, and do not mention fees or policy.

Call propose_family_message once, with the family id and child id from the job message.

${COMMON_RULES}`,
  tools: ["get_child_profile", "get_attendance_history", "propose_family_message"],
  outputTool: "propose_family_message",
};
