/**
 * @module staff/renewals
 * The daily credential check (also run after every directory sync, which is how staff-record
 * changes arrive): for each credential expiring within 90 days or lapsed, once per expiry date, a
 * director task on the platform (through the outbox) and a drafted reminder to the staff member
 * waiting for approval, both tagged "renewal initiated". A newer expiry date for the same
 * credential clears the renewal and withdraws a reminder nobody has decided yet.
 *
 * Mandated training that ended a period short (`overdue`) is handled the same way, once per
 * period: a director task and an audit entry, recorded as a renewal of type
 * `training:<requirement id>` keyed by the short period's last day. No reminder is drafted (the
 * period is over; the director decides what to do), and it is not cleared by new hours: the finding
 * stands for that period and stops showing once the period is no longer the last one.
 */
import { proposeApproval } from "../approvals/propose.js";
import { moveApproval } from "../approvals/transition.js";
import { appendAudit } from "../audit/append.js";
import type { Staff } from "../domain/index.js";
import { getApproval } from "../storage/approvals.js";
import { type Db, inTransaction, type Store } from "../storage/db.js";
import { enqueueOutbox } from "../storage/outbox.js";
import {
  type CredentialRenewalRow,
  clearRenewal,
  insertRenewalOnce,
  listRenewals,
  setReminderApproval,
} from "../storage/staff-compliance.js";
import { type CredentialMatrix, credentialMatrix } from "./credentials.js";

export const RENEWAL_TAG = "renewal initiated";
const ACTOR = "system:staff-credentials";
const renewable = new Set(["expiring_90", "expiring_60", "expiring_30", "overdue"]);

export interface CredentialCheckResult {
  centerId: string;
  asOf: string;
  /** Credential renewals and short-training findings opened by this run. */
  opened: number;
  cleared: number;
}

type Status = CredentialMatrix["rows"][number]["compliance"]["credentials"][number];
type Training = CredentialMatrix["rows"][number]["compliance"]["training"][number];

function reminderText(s: Staff, c: Status, centerName: string) {
  const lapsed = c.status === "overdue";
  const subject = lapsed
    ? `Your ${c.label} expired on ${c.expiresOn}`
    : `Your ${c.label} expires on ${c.expiresOn}`;
  const body = [
    `Hi ${s.firstName},`,
    lapsed
      ? `Our records at ${centerName} show your ${c.label} expired on ${c.expiresOn}. Please renew it as soon as you can and bring the new card or certificate to the office.`
      : `Our records at ${centerName} show your ${c.label} expires on ${c.expiresOn} (${c.daysRemaining} days from now). Please book a renewal before then and bring the new card or certificate to the office.`,
    "Thank you.",
  ].join("\n\n");
  return { subject, body };
}

/**
 * Opens a renewal (once per staff member, type and date) with its director task through the
 * outbox; undefined when it was already open.
 */
function openWithDirectorTask(
  tx: Store,
  opening: {
    centerId: string;
    staff: Staff;
    type: string;
    until: string;
    openedStatus: string;
    task: { title: string; description: string; dueDate: string };
  },
  nowIso: string,
): { row: CredentialRenewalRow; key: string } | undefined {
  const { centerId, staff: s, type, until } = opening;
  const key = `credential-renewal:${centerId}:${s.id}:${type}:${until}`;
  const { row, created } = insertRenewalOnce(tx, {
    centerId,
    staffId: s.id,
    credentialType: type,
    expiresOn: until,
    status: "open",
    openedStatus: opening.openedStatus,
    reminderApprovalId: null,
    taskOutboxKey: `${key}:task`,
    openedAt: nowIso,
  });
  if (!created) return undefined;
  enqueueOutbox(
    tx,
    [
      {
        alertId: null,
        centerId,
        channel: "task",
        recipient: "director",
        payload: {
          title: opening.task.title,
          description: opening.task.description,
          assignedTo: "director",
          dueDate: opening.task.dueDate,
        },
        idempotencyKey: row.taskOutboxKey,
        status: "pending",
      },
    ],
    nowIso,
  );
  return { row, key };
}

function openRenewal(
  tx: Store,
  matrix: CredentialMatrix,
  s: Staff,
  c: Status,
  nowIso: string,
): boolean {
  const expiresOn = c.expiresOn as string;
  const centerId = matrix.center.id;
  const name = `${s.firstName} ${s.lastName}`;
  const opened = openWithDirectorTask(
    tx,
    {
      centerId,
      staff: s,
      type: c.type,
      until: expiresOn,
      openedStatus: c.status,
      task: {
        title: `Credential renewal: ${name}, ${c.label} (${c.status === "overdue" ? "expired" : "expires"} ${expiresOn})`,
        description: [
          c.explanation,
          `Requirement source: ${c.source}.`,
          `Tag: ${RENEWAL_TAG}. A reminder to ${s.firstName} is waiting for approval in Centerline.`,
        ].join("\n"),
        dueDate: expiresOn,
      },
    },
    nowIso,
  );
  if (!opened) return false;
  const { row, key } = opened;
  const words = reminderText(s, c, matrix.center.name);
  const proposed = proposeApproval(
    tx,
    {
      kind: "task",
      centerId,
      roomId: s.homeRoomId,
      subject: `staff:${s.id}`,
      title: `Renewal reminder to ${name}: ${c.label}`,
      draftSource: "template",
      draft: { ...words, tags: [RENEWAL_TAG] },
      platformCall: {
        centerId,
        op: "task.create",
        title: words.subject,
        description: words.body,
        assignedTo: s.id,
        dueDate: expiresOn,
      },
      context: {
        tags: [RENEWAL_TAG],
        renewalId: row.id,
        credential: c,
        asOf: matrix.asOf,
        sourceIds: [`staff:${s.id}`],
      },
      dedupeKey: key,
      agentRunId: null,
      promptId: null,
      promptVersion: null,
      triggerEventId: null,
      expiresAt: null,
      actor: ACTOR,
    },
    nowIso,
  );
  setReminderApproval(tx, row.id, proposed.row.id);
  appendAudit(
    tx,
    {
      actor: ACTOR,
      action: "credential.renewal_opened",
      centerId,
      subject: `staff:${s.id}`,
      sourceIds: [`staff:${s.id}`, `approval:${proposed.row.id}`],
      correlationId: null,
      data: { type: c.type, expiresOn, status: c.status, tag: RENEWAL_TAG },
    },
    nowIso,
  );
  return true;
}

function openTrainingFinding(
  tx: Store,
  matrix: CredentialMatrix,
  s: Staff,
  t: Training & { previousPeriod: NonNullable<Training["previousPeriod"]> },
  nowIso: string,
): boolean {
  const centerId = matrix.center.id;
  const period = t.previousPeriod;
  const type = `training:${t.requirementId}`;
  const name = `${s.firstName} ${s.lastName}`;
  const opened = openWithDirectorTask(
    tx,
    {
      centerId,
      staff: s,
      type,
      until: period.end,
      openedStatus: t.status,
      task: {
        title: `Training short: ${name}, ${t.label} (${period.completed} of ${t.required} hours, ${period.start} to ${period.end})`,
        description: [
          t.explanation,
          `Requirement source: ${t.source}.`,
          `Tag: ${RENEWAL_TAG}. Record completed training on the staff page in Centerline.`,
        ].join("\n"),
        dueDate: matrix.asOf,
      },
    },
    nowIso,
  );
  if (!opened) return false;
  appendAudit(
    tx,
    {
      actor: ACTOR,
      action: "training.overdue_task_opened",
      centerId,
      subject: `staff:${s.id}`,
      sourceIds: [`staff:${s.id}`],
      correlationId: null,
      data: {
        requirementId: t.requirementId,
        periodStart: period.start,
        periodEnd: period.end,
        completed: period.completed,
        required: t.required,
        tag: RENEWAL_TAG,
      },
    },
    nowIso,
  );
  return true;
}

/** Clears open renewals whose credential now has a later expiry date (a renewal arrived). */
function clearRenewed(tx: Store, matrix: CredentialMatrix, nowIso: string): number {
  const current = new Map<string, Status>();
  for (const r of matrix.rows) {
    for (const c of r.compliance.credentials) current.set(`${r.staff.id}|${c.type}`, c);
  }
  let cleared = 0;
  for (const renewal of listRenewals(tx, matrix.center.id, "open")) {
    const c = current.get(`${renewal.staffId}|${renewal.credentialType}`);
    if (!c?.expiresOn || c.expiresOn <= renewal.expiresOn) continue;
    if (!clearRenewal(tx, renewal.id, c.expiresOn, nowIso)) continue;
    cleared++;
    const reminder =
      renewal.reminderApprovalId === null ? undefined : getApproval(tx, renewal.reminderApprovalId);
    // A reminder still waiting is moot now; one already decided stays as it was.
    if (reminder?.state === "pending") {
      moveApproval(tx, reminder, "expired", { updatedAt: nowIso });
    }
    appendAudit(
      tx,
      {
        actor: ACTOR,
        action: "credential.renewal_cleared",
        centerId: matrix.center.id,
        subject: `staff:${renewal.staffId}`,
        sourceIds: [`staff:${renewal.staffId}`],
        correlationId: null,
        data: {
          type: renewal.credentialType,
          expiresOn: renewal.expiresOn,
          newExpiresOn: c.expiresOn,
          reminderWithdrawn: reminder?.state === "pending",
        },
      },
      nowIso,
    );
  }
  return cleared;
}

/**
 * Checks one center's credentials on its local date at `at` (business time), stamping rows with
 * `wallNow`. Safe to run any number of times: each renewal opens once per expiry date.
 */
export function runCredentialCheck(
  db: Db,
  centerId: string,
  at: Date,
  wallNow: Date,
): CredentialCheckResult | undefined {
  const nowIso = wallNow.toISOString();
  return inTransaction(db, (tx) => {
    const matrix = credentialMatrix(tx, centerId, at);
    if (!matrix) return undefined;
    const cleared = clearRenewed(tx, matrix, nowIso);
    let opened = 0;
    for (const row of matrix.rows) {
      for (const c of row.compliance.credentials) {
        if (renewable.has(c.status) && c.expiresOn !== null) {
          if (openRenewal(tx, matrix, row.staff, c, nowIso)) opened++;
        }
      }
      for (const t of row.compliance.training) {
        const previousPeriod = t.previousPeriod;
        if (t.status !== "overdue" || previousPeriod === null) continue;
        if (openTrainingFinding(tx, matrix, row.staff, { ...t, previousPeriod }, nowIso)) opened++;
      }
    }
    return { centerId, asOf: matrix.asOf, opened, cleared };
  });
}
