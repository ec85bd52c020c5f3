import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cjkFont, columnWidths, renderPdf } from "./pdf.js";

/** The text pdftotext (poppler) reads back out of a PDF. */
function textOf(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

const names = ["Nguyễn Văn", "Łukasz", "王芳"];
const spec = {
  title: "Names in every script",
  subtitle: "Staff on duty",
  footer: "test",
  blocks: [
    {
      kind: "table" as const,
      columns: [
        { header: "Name", width: 2 },
        { header: "Acknowledged", width: 0.5 },
      ],
      rows: names.map((n) => [n, "yes"]),
    },
  ],
};

describe("renderPdf", () => {
  it("sets Vietnamese, Polish and Chinese names so they come back out of the PDF", async () => {
    expect(
      cjkFont(),
      "a CJK font (fonts-noto-cjk or PDF_CJK_FONT) must be installed",
    ).not.toBeNull();
    const text = textOf(await renderPdf(spec));
    for (const name of names) expect(text).toContain(name);
    expect(text).not.toContain("?");
    // The narrow column still holds its header whole.
    expect(text).toContain("Acknowledged");
  });

  it("without a CJK font says so and prints the code points, never a silent ?", async () => {
    const before = process.env.PDF_CJK_FONT;
    process.env.PDF_CJK_FONT = "off";
    try {
      const text = textOf(await renderPdf(spec));
      expect(text).toContain("Nguyễn Văn");
      expect(text).toContain("U+738B");
      expect(text).toMatch(/no font on this server/);
      expect(text).not.toContain("?");
    } finally {
      if (before === undefined) delete process.env.PDF_CJK_FONT;
      else process.env.PDF_CJK_FONT = before;
    }
  });

  it("widens a column to its header's longest word, taking the room from wider columns", () => {
    const widths = columnWidths([4, 1], [10, 60], 200);
    expect(widths[1]).toBeCloseTo(60);
    expect(widths[0]).toBeCloseTo(140);
  });
});
