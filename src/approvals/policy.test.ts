import { describe, expect, it } from "vitest";
import type { Role } from "../auth/principal.js";
import { principal } from "./fixtures.js";
import { type ApprovalKind, approvalKindSchema } from "./kinds.js";
import {
  approvalPolicySchema,
  decisionDenial,
  defaultApprovalPolicy,
  isLowRisk,
  roleMayApprove,
} from "./policy.js";

const CENTER = "ctr_1";
const ROOM = "rm_1";

/** The table: who may approve each kind by default. */
const expected: Record<ApprovalKind, Role[]> = {
  family_message: ["director", "assistant_director"],
  note: ["director", "assistant_director"],
  incident_triage: ["director", "assistant_director"],
  task: ["director", "assistant_director"],
  staff_reassignment: ["director", "assistant_director"],
  structured_log: ["director", "assistant_director", "lead_teacher"],
  payroll_correction: ["director"],
  review_summary: ["director"],
};
const roles: Role[] = ["director", "assistant_director", "lead_teacher", "auditor", "service"];

describe("default approval policy", () => {
  for (const kind of approvalKindSchema.options) {
    for (const role of roles) {
      const allowed = expected[kind].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} approve a ${kind}`, () => {
        const p = principal(role, CENTER, { roomIds: [ROOM] });
        const membership = p.memberships[0];
        expect(roleMayApprove(defaultApprovalPolicy, membership, { kind, roomId: ROOM })).toBe(
          allowed,
        );
        expect(
          decisionDenial(defaultApprovalPolicy, p, membership, { kind, roomId: ROOM }) === null,
        ).toBe(allowed);
      });
    }
  }

  it("a lead teacher approves structured logs of their own room only", () => {
    const lead = principal("lead_teacher", CENTER, { roomIds: [ROOM] }).memberships[0];
    const subject = { kind: "structured_log" as const, roomId: "rm_other" };
    expect(roleMayApprove(defaultApprovalPolicy, lead, subject)).toBe(false);
    expect(roleMayApprove(defaultApprovalPolicy, lead, { ...subject, roomId: null })).toBe(false);
  });

  it("no membership, or a read-only sign-in, may not decide", () => {
    const subject = { kind: "note" as const, roomId: ROOM };
    expect(roleMayApprove(defaultApprovalPolicy, undefined, subject)).toBe(false);
    const reader = principal("director", CENTER, { scopes: ["read"] });
    expect(decisionDenial(defaultApprovalPolicy, reader, reader.memberships[0], subject)).toMatch(
      /read but not decide/,
    );
  });

  it("marks structured logs and notes low-risk, family messages not", () => {
    expect(isLowRisk(defaultApprovalPolicy, "structured_log")).toBe(true);
    expect(isLowRisk(defaultApprovalPolicy, "note")).toBe(true);
    expect(isLowRisk(defaultApprovalPolicy, "family_message")).toBe(false);
    expect(isLowRisk(defaultApprovalPolicy, "payroll_correction")).toBe(false);
  });
});

describe("approval policy schema", () => {
  it("cannot make an auditor or a service account an approver", () => {
    const approvers = { ...defaultApprovalPolicy.approvers, note: ["auditor"] };
    expect(approvalPolicySchema.safeParse({ approvers, lowRisk: [] }).success).toBe(false);
    const service = { ...defaultApprovalPolicy.approvers, note: ["service"] };
    expect(approvalPolicySchema.safeParse({ approvers: service, lowRisk: [] }).success).toBe(false);
  });

  it("needs every kind listed, so a new kind is never approvable by accident", () => {
    const { payroll_correction: _, ...rest } = defaultApprovalPolicy.approvers;
    expect(approvalPolicySchema.safeParse({ approvers: rest, lowRisk: [] }).success).toBe(false);
  });

  it("lets a center narrow who approves", () => {
    const policy = approvalPolicySchema.parse({
      approvers: { ...defaultApprovalPolicy.approvers, family_message: ["director"] },
      lowRisk: [],
    });
    const assistant = principal("assistant_director", CENTER).memberships[0];
    expect(roleMayApprove(policy, assistant, { kind: "family_message", roomId: null })).toBe(false);
  });
});
