/**
 * @module reports/pdf
 * A small document renderer over pdf-lib: a title, paragraphs and tables that wrap and break
 * across Letter pages, with the generation time and page numbers in the footer. Standard Helvetica
 * only (no font files to ship), so text is reduced to the characters WinAnsi can encode.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | {
      kind: "table";
      columns: { header: string; width: number }[];
      rows: string[][];
    };

export interface PdfDocumentSpec {
  title: string;
  subtitle: string;
  footer: string;
  blocks: Block[];
}

const PAGE = { width: 612, height: 792, margin: 40 };
const replacements: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "→": "->",
  "←": "<-",
  "−": "-",
  "…": "...",
};

/** Helvetica's WinAnsi encoding has no arrows or maths signs; swap those, drop anything else. */
export function winAnsi(text: string): string {
  return [...text]
    .map((ch) => replacements[ch] ?? ch)
    .join("")
    .replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\n]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsi(text).split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word wider than the column is cut rather than overflowing into the next one.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(spec.title));
  doc.setProducer("Centerline");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const contentWidth = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;

  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.margin;
  };
  const ensure = (height: number) => {
    if (y - height < PAGE.margin + 20) newPage();
  };
  const text = (s: string, x: number, size: number, font: PDFFont) => {
    page.drawText(s, { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
  };

  for (const line of wrap(spec.title, bold, 16, contentWidth)) {
    text(line, PAGE.margin, 16, bold);
    y -= 20;
  }
  for (const line of wrap(spec.subtitle, regular, 9, contentWidth)) {
    text(line, PAGE.margin, 9, regular);
    y -= 12;
  }
  y -= 8;

  for (const block of spec.blocks) {
    if (block.kind === "heading") {
      ensure(30);
      y -= 6;
      text(winAnsi(block.text), PAGE.margin, 12, bold);
      y -= 16;
    } else if (block.kind === "paragraph") {
      for (const line of wrap(block.text, regular, 9, contentWidth)) {
        ensure(12);
        text(line, PAGE.margin, 9, regular);
        y -= 12;
      }
      y -= 4;
    } else {
      const total = block.columns.reduce((s, c) => s + c.width, 0);
      const widths = block.columns.map((c) => (c.width / total) * contentWidth);
      const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
        const wrapped = cells.map((cell, i) => wrap(cell, font, 8, widths[i]! - 6));
        const height = Math.max(...wrapped.map((w) => w.length)) * 10 + 4;
        ensure(height);
        if (shade) {
          page.drawRectangle({
            x: PAGE.margin,
            y: y - height + 8,
            width: contentWidth,
            height,
            color: rgb(0.93, 0.94, 0.96),
          });
        }
        let x = PAGE.margin;
        wrapped.forEach((lines, i) => {
          lines.forEach((line, j) => {
            page.drawText(line, {
              x: x + 3,
              y: y - j * 10,
              size: 8,
              font,
              color: rgb(0.1, 0.1, 0.12),
            });
          });
          x += widths[i]!;
        });
        y -= height;
      };
      drawRow(
        block.columns.map((c) => c.header),
        bold,
        true,
      );
      if (block.rows.length === 0)
        drawRow(["(none)", ...block.columns.slice(1).map(() => "")], regular, false);
      for (const row of block.rows) drawRow(row, regular, false);
      y -= 8;
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(winAnsi(`${spec.footer} — page ${i + 1} of ${pages.length}`), {
      x: PAGE.margin,
      y: PAGE.margin - 16,
      size: 7,
      font: regular,
      color: rgb(0.4, 0.4, 0.45),
    });
  });
  return doc.save();
}
