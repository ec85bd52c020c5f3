import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import type { ApprovalRow } from "../storage/approvals.js";
import { bulkItemsFromForm, decisionFromForm, resultOfError } from "./approvals-actions.js";

const HASH = "a".repeat(64);

const message = {
  id: 7,
  draft: { subject: "Late pick-up today", body: "Pick-up was at 18:20." },
  edited: null,
  platformCall: {
    centerId: "c1",
    op: "message.send",
    familyId: "fam_1",
    childId: "child_1",
    subject: "Late pick-up today",
    body: "Pick-up was at 18:20.",
  },
} as unknown as ApprovalRow;

const log = {
  id: 8,
  draft: { text: "nap" },
  edited: null,
  platformCall: {
    centerId: "c1",
    op: "log.create",
    childId: "child_1",
    entries: [{ type: "nap", start: "2026-11-23T19:00:00.000Z", end: null, detail: "" }],
  },
} as unknown as ApprovalRow;

describe("decisionFromForm", () => {
  it("reads only the words the kind allows, normalising line ends, and drops unchanged ones", () => {
    const form = {
      contentHash: HASH,
      decision: "approve_with_edits",
      "edit.subject": "Late pick-up today",
      "edit.body": "Hello,\r\nthe fee is $20.",
      "edit.familyId": "fam_other",
    };
    expect(decisionFromForm(message, form)).toEqual({
      ok: true,
      decision: {
        approvalId: 7,
        contentHash: HASH,
        action: "approve",
        edited: { body: "Hello,\nthe fee is $20." },
      },
    });
  });

  it("approves as shown when nothing was changed", () => {
    const form = {
      contentHash: HASH,
      decision: "approve_with_edits",
      "edit.subject": "Late pick-up today",
      "edit.body": "Pick-up was at 18:20.",
    };
    const parsed = decisionFromForm(message, form);
    expect(parsed.ok && parsed.decision.edited).toBeNull();
  });

  it("parses a log's entries from JSON and names the field when it is not JSON", () => {
    const entries = [{ type: "nap", start: "2026-11-23T19:00:00.000Z", end: null, detail: "ok" }];
    const good = decisionFromForm(log, {
      contentHash: HASH,
      decision: "approve_with_edits",
      "edit.entries": JSON.stringify(entries),
    });
    expect(good.ok && good.decision.edited).toEqual({ entries });
    expect(
      decisionFromForm(log, {
        contentHash: HASH,
        decision: "approve_with_edits",
        "edit.entries": "[",
      }),
    ).toEqual({ ok: false, result: "bad_request", field: "edited.entries" });
  });

  it("needs a reason to reject, a known decision and a well-formed hash", () => {
    expect(
      decisionFromForm(message, { contentHash: HASH, decision: "reject", reason: " " }),
    ).toEqual({ ok: false, result: "reason_required", field: "reason" });
    expect(decisionFromForm(message, { contentHash: HASH, decision: "send" })).toMatchObject({
      ok: false,
      field: "decision",
    });
    expect(decisionFromForm(message, { contentHash: "abc", decision: "approve" })).toMatchObject({
      ok: false,
      field: "contentHash",
    });
  });
});

describe("resultOfError", () => {
  it("tells a changed item from a decided or expired one, and a refusal from a bad form", () => {
    const conflict = (details: Record<string, unknown>) =>
      resultOfError(new AppError("conflict", "x", details));
    expect(conflict({ field: "contentHash" })).toBe("changed");
    expect(conflict({ state: "executed" })).toBe("decided");
    expect(conflict({ state: "expired" })).toBe("expired");
    expect(resultOfError(new AppError("forbidden", "x"))).toBe("forbidden");
    expect(resultOfError(new AppError("not_found", "x"))).toBe("not_found");
    expect(resultOfError(new AppError("bad_request", "x", { field: "reason" }))).toBe(
      "reason_required",
    );
  });
});

describe("bulkItemsFromForm", () => {
  it("reads id:hash pairs and refuses the whole form if one is malformed", () => {
    expect(bulkItemsFromForm([`3:${HASH}`])).toEqual([{ approvalId: 3, contentHash: HASH }]);
    expect(bulkItemsFromForm([`3:${HASH}`, "x:y"])).toBeUndefined();
  });
});
