/**
 * @module mcp/prompts
 * Prompts an MCP client can offer: a morning ratio briefing and an explanation of one room.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    "ratio_briefing",
    {
      title: "Ratio briefing",
      description: "A short briefing on a center: rooms out of ratio now, breaches coming, alerts.",
      argsSchema: { centerId: z.string().min(1).describe("A center id from list_centers") },
    },
    ({ centerId }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text:
              `Brief me on center "${centerId}". Call room_status, forecast and open_alerts for it. ` +
              "List any room out of ratio now first (with the rule and arithmetic from the " +
              "explanation), then any forecast breach in the next 30 minutes with its cause, then " +
              "open alerts. Do not guess numbers the tools did not return; say plainly when every " +
              "room is in ratio. Suggest nothing that moves staff: a person decides.",
          },
        },
      ],
    }),
  );

  server.registerPrompt(
    "explain_room",
    {
      title: "Explain a room's ratio",
      description: "Why a room has its ratio status, and how its status changed today.",
      argsSchema: {
        centerId: z.string().min(1).describe("A center id"),
        roomId: z.string().min(1).describe("A room id"),
      },
    },
    ({ centerId, roomId }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text:
              `Explain the ratio of room "${roomId}" in center "${centerId}". Call room_status ` +
              "and ratio_history for it; quote the rule and its citation from the explanation, " +
              "show the arithmetic, and list today's changes of status with their causes.",
          },
        },
      ],
    }),
  );
}
