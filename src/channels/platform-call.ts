/**
 * @module channels/platform-call
 * Makes an approved action's platform call: the exact call stored on the approval (as the outbox
 * row's payload) against the client that serves the center, with the row's idempotency key, which
 * is the approval's own. A repeat of the same row (a retry, or a re-send after a crash) therefore
 * carries the same key, and the platform answers with the record it already made.
 */
import { type PlatformCall, platformCallSchema } from "../approvals/platform-call.js";
import { AppError } from "../errors/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { getApproval } from "../storage/approvals.js";
import type { Store } from "../storage/db.js";
import { isRetryableHttpStatus, type Sender, type SendResult } from "./types.js";

export interface PlatformCallSenderOptions {
  db: Store;
  platformFor: (centerId: string) => PlatformClient | undefined;
}

/** One platform write per op; the key goes out as `Idempotency-Key`. */
export function runPlatformCall(
  client: PlatformClient,
  call: PlatformCall,
  idempotencyKey: string,
): Promise<{ id: string }> {
  const base = { centerId: call.centerId, idempotencyKey };
  switch (call.op) {
    case "message.send":
      return client.sendFamilyMessage({
        ...base,
        familyId: call.familyId,
        childId: call.childId,
        subject: call.subject,
        body: call.body,
      });
    case "note.create":
      return client.createNote({ ...base, childId: call.childId, body: call.body });
    case "task.create":
      return client.createTask({
        ...base,
        title: call.title,
        description: call.description,
        assignedTo: call.assignedTo,
        dueDate: call.dueDate,
      });
    case "staff.assign":
      return client.assignStaff({
        ...base,
        staffId: call.staffId,
        roomId: call.roomId,
        at: call.at,
        reason: call.reason,
      });
    case "log.create":
      return client.createDailyLog({ ...base, childId: call.childId, entries: call.entries });
    case "payroll.correct":
      return client.correctTimecard({
        ...base,
        staffId: call.staffId,
        timecardId: call.timecardId,
        clockIn: call.clockIn,
        clockOut: call.clockOut,
        reason: call.reason,
      });
  }
}

export function createPlatformCallSender(options: PlatformCallSenderOptions): Sender {
  return async (row): Promise<SendResult> => {
    // Only a row its approval is waiting on is sent: anything else is refused, not guessed at.
    const approval = row.approvalId === null ? undefined : getApproval(options.db, row.approvalId);
    if (approval?.state !== "executing" || approval.outboxId !== row.id) {
      return {
        ok: false,
        retryable: false,
        error: `outbox row ${row.id} is not the pending call of an executing approval`,
      };
    }
    const parsed = platformCallSchema.safeParse(row.payload);
    if (!parsed.success || parsed.data.centerId !== row.centerId) {
      return { ok: false, retryable: false, error: "platform call payload is not a valid call" };
    }
    const client = options.platformFor(row.centerId);
    if (!client) {
      return {
        ok: false,
        retryable: false,
        error: `no platform client serves center ${row.centerId}`,
      };
    }
    try {
      const { id } = await runPlatformCall(client, parsed.data, row.idempotencyKey);
      return { ok: true, summary: `${client.provider} ${parsed.data.op} ${id}`, recordId: id };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (AppError.is(error) && error.code === "platform_error") {
        const status = error.details.status;
        // null: a timeout or network error, worth another try.
        const retryable = typeof status !== "number" || isRetryableHttpStatus(status);
        const body = typeof error.details.body === "string" ? `: ${error.details.body}` : "";
        return { ok: false, retryable, error: `${message}${body}` };
      }
      return { ok: false, retryable: false, error: message };
    }
  };
}
