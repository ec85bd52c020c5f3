import { describe, expect, it } from "vitest";
import { ResearchNotice } from "./research-notice.js";

const html = (matrix: Parameters<typeof ResearchNotice>[0]["matrix"]) =>
  String(ResearchNotice({ matrix, jurisdiction: "US-OH" }) ?? "");

const col = (unconfirmed: boolean) => ({ unconfirmed });

describe("ResearchNotice", () => {
  it("says a state without a credential pack is not yet researched (no empty matrix unexplained)", () => {
    const out = html({ pack: null, columns: [], trainingColumns: [] });
    expect(out).toContain('data-research="none"');
    expect(out).toContain("Credential requirements for US-OH are not yet researched");
    expect(out).toContain("no credentials are checked");
  });

  it("says so too when every requirement is unconfirmed (the common core)", () => {
    const out = html({ pack: {}, columns: [col(true), col(true)], trainingColumns: [col(true)] });
    expect(out).toContain('data-research="none"');
    expect(out).toContain("common core");
  });

  it("marks only the unconfirmed columns when some are cited, and says nothing when all are", () => {
    expect(html({ pack: {}, columns: [col(false), col(true)], trainingColumns: [] })).toContain(
      'data-research="partial"',
    );
    expect(html({ pack: {}, columns: [col(false)], trainingColumns: [col(false)] })).toBe("");
  });
});
