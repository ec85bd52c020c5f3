/**
 * @module channels/platform-task
 * A task in the center's own platform (Procare, Kangarootime), assigned to a role: what a room
 * lead sees for `approaching`. The platform client already retries briefly inside one call; the
 * outbox retries across calls.
 */
import { AppError } from "../errors/index.js";
import type { PlatformClient, TaskInput } from "../platforms/types.js";
import { type AlertNotice, countsLine, headline } from "./notice.js";
import { isRetryableHttpStatus, type Sender, type SendResult } from "./types.js";

export interface TaskPayload {
  title: string;
  description: string;
  assignedTo: string;
  dueDate: string | null;
}

/** The task for one notice, assigned to `role`. */
export function buildTask(notice: AlertNotice, role: string): TaskPayload {
  const lines = [
    `${notice.roomName} at ${notice.centerName}: ${countsLine(notice)}.`,
    notice.slack,
    ...(notice.reason ? [notice.reason] : []),
    `Rule: 1:${notice.ratio} (${notice.ruleSource}).`,
    ...(notice.link ? [`Room board: ${notice.link}`] : []),
    `Centerline alert #${notice.alertId}.`,
  ];
  return {
    title: headline(notice),
    description: lines.join("\n"),
    assignedTo: role,
    dueDate: null,
  };
}

export interface PlatformTaskSenderOptions {
  /** The platform client that serves a center, if any. */
  platformFor: (centerId: string) => PlatformClient | undefined;
}

export function createPlatformTaskSender(options: PlatformTaskSenderOptions): Sender {
  return async (row): Promise<SendResult> => {
    const client = options.platformFor(row.centerId);
    if (!client) {
      return {
        ok: false,
        retryable: false,
        skipped: true,
        error: "task not configured: no platform client serves this center",
      };
    }
    const p = row.payload as Partial<TaskPayload>;
    if (typeof p.title !== "string" || typeof p.description !== "string") {
      return { ok: false, retryable: false, error: "task payload needs title and description" };
    }
    const input: TaskInput = {
      centerId: row.centerId,
      title: p.title,
      description: p.description,
      assignedTo: typeof p.assignedTo === "string" ? p.assignedTo : row.recipient,
      dueDate: typeof p.dueDate === "string" ? p.dueDate : null,
      idempotencyKey: row.idempotencyKey,
    };
    try {
      const { id } = await client.createTask(input);
      return { ok: true, summary: `${client.provider} task ${id}` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (AppError.is(error) && error.code === "platform_error") {
        const status = error.details.status;
        // null: a timeout or network error, worth another try.
        const retryable = typeof status !== "number" || isRetryableHttpStatus(status);
        return { ok: false, retryable, error: message };
      }
      return { ok: false, retryable: false, error: message };
    }
  };
}
