/**
 * @module approvals/policy
 * Which role may approve which kind: a center's policy, as data, checked on the server for every
 * decision. Pure: no I/O, no clock. Anything the policy does not grant is denied.
 */
import { z } from "zod";
import type { Membership, Principal } from "../auth/principal.js";
import { type ApprovalKind, approvalKindSchema } from "./kinds.js";

/**
 * Who may approve. `room_lead_teacher` is a lead teacher whose membership lists the approval's
 * room; an approval without a room has no room lead. Auditors and service accounts are not in
 * the enum at all, so no center policy can make them approvers.
 */
export const approverSchema = z.enum(["director", "assistant_director", "room_lead_teacher"]);
export type Approver = z.infer<typeof approverSchema>;

export const approvalPolicySchema = z.object({
  /** Every kind must be listed (an exhaustive record): a kind nobody may approve is `[]`. */
  approvers: z.record(approvalKindSchema, z.array(approverSchema)),
  /** Kinds that may be approved in bulk from the queue (each item is still checked on its own). */
  lowRisk: z.array(approvalKindSchema),
});
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

const leaders: Approver[] = ["director", "assistant_director"];

export const defaultApprovalPolicy: ApprovalPolicy = approvalPolicySchema.parse({
  approvers: {
    family_message: leaders,
    note: leaders,
    incident_triage: leaders,
    task: leaders,
    staff_reassignment: leaders,
    structured_log: ["room_lead_teacher", ...leaders],
    payroll_correction: ["director"],
    review_summary: ["director"],
  },
  lowRisk: ["structured_log", "note"],
});

export interface PolicySubject {
  kind: ApprovalKind;
  roomId: string | null;
}

/** Whether someone with `membership` at the approval's center may approve it. */
export function roleMayApprove(
  policy: ApprovalPolicy,
  membership: Membership | undefined,
  subject: PolicySubject,
): boolean {
  if (!membership) return false;
  const approvers = policy.approvers[subject.kind] ?? [];
  return approvers.some((approver) =>
    approver === "room_lead_teacher"
      ? membership.role === "lead_teacher" &&
        subject.roomId !== null &&
        membership.roomIds.includes(subject.roomId)
      : membership.role === approver,
  );
}

/**
 * Why `principal` may not decide on the approval, or null when it may. Deciding needs the
 * `write` scope as well as an approving role at the approval's own center.
 */
export function decisionDenial(
  policy: ApprovalPolicy,
  principal: Principal,
  membership: Membership | undefined,
  subject: PolicySubject,
): string | null {
  if (!principal.scopes.includes("write")) return "this sign-in may read but not decide";
  if (!roleMayApprove(policy, membership, subject)) {
    const role = membership?.role ?? "no role";
    return `${role} may not decide on a ${subject.kind} at this center`;
  }
  return null;
}

export function isLowRisk(policy: ApprovalPolicy, kind: ApprovalKind): boolean {
  return policy.lowRisk.includes(kind);
}
