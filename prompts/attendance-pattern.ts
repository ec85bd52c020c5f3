import type { PromptSpec } from "../src/agent/index.js";
import { COMMON_RULES, DEFAULT_LIMITS, DEFAULT_MODEL } from "./rules.js";

export const attendancePatternPrompt: PromptSpec = {
  id: "attendance-pattern",
  version: "2026-12-08.1",
  model: DEFAULT_MODEL,
  maxTokens: 768,
  limits: DEFAULT_LIMITS,
  system: `You draft a follow-up message from a child-care center to a family about a pattern in their child's attendance that the center's records show (for example several late pick-ups, late arrivals or early pick-ups in recent weeks, several absences in a row, or arrival times that have moved).

Draft a warm, short message (three to five sentences): state the pattern plainly with the dates or counts given in the job message and nothing more, ask whether something has changed that the center can help with (a new schedule, a change at work, an illness), and invite the family to talk to the director. Do not accuse, do not threaten, do not mention fees unless the job message gives one, and do not guess at reasons.

Call propose_family_message once, with the family id and child id from the job message.

${COMMON_RULES}`,
  tools: ["get_child_profile", "get_attendance_history", "propose_family_message"],
  outputTool: "propose_family_message",
};
