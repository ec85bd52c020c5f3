import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { getApproval } from "../storage/approvals.js";
import { inTransaction, openDatabase } from "../storage/db.js";
import { NOW, proposal } from "./fixtures.js";
import { type ApprovalState, approvalStateSchema } from "./kinds.js";
import { canTransition, isFinal } from "./machine.js";
import { proposeApproval } from "./propose.js";
import { moveApproval } from "./transition.js";

const legal: [ApprovalState, ApprovalState][] = [
  ["pending", "approved"],
  ["pending", "edited_and_approved"],
  ["pending", "rejected"],
  ["pending", "expired"],
  ["approved", "executing"],
  ["edited_and_approved", "executing"],
  ["executing", "executed"],
  ["executing", "failed"],
];
const states = approvalStateSchema.options;
const isLegal = (from: ApprovalState, to: ApprovalState) =>
  legal.some(([f, t]) => f === from && t === to);

const facts = {
  centerId: "ctr_1",
  roomId: "rm_1",
  otherRoomId: "rm_2",
  childId: "ch_1",
  familyId: "fam_1",
  staffId: "st_1",
};

describe("approval state machine", () => {
  for (const from of states) {
    for (const to of states) {
      it(`${from} → ${to} is ${isLegal(from, to) ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(isLegal(from, to));
      });
    }
  }

  it("rejected, expired, executed and failed are final", () => {
    expect(states.filter(isFinal)).toEqual(["rejected", "expired", "executed", "failed"]);
  });

  it("refuses an illegal move on a stored approval and leaves it unchanged", () => {
    const db = openDatabase(":memory:");
    const { row } = proposeApproval(db, proposal("note", facts), NOW.toISOString());
    for (const to of states.filter((s) => !isLegal("pending", s))) {
      const attempt = () => inTransaction(db, (tx) => moveApproval(tx, row, to, {}));
      expect(attempt).toThrow(AppError);
      expect(getApproval(db, row.id)?.state).toBe("pending");
    }
  });

  it("refuses a move from a state the approval is no longer in (compare-and-set)", () => {
    const db = openDatabase(":memory:");
    const { row } = proposeApproval(db, proposal("note", facts), NOW.toISOString());
    inTransaction(db, (tx) => moveApproval(tx, row, "rejected", {}));
    // `row` still says pending: a second decision racing the first must lose.
    expect(() => inTransaction(db, (tx) => moveApproval(tx, row, "approved", {}))).toThrow(
      /changed while it was being decided/,
    );
    expect(getApproval(db, row.id)?.state).toBe("rejected");
  });
});
