/**
 * @module reports/pdf
 * A small document renderer over pdf-lib: a title, paragraphs and tables that wrap and break
 * across Letter pages, with the generation time and page numbers in the footer. Text is set in
 * Noto Sans (embedded, subset), so Vietnamese, Polish and other Latin, Greek and Cyrillic names
 * print as written. Characters Noto Sans has no glyph for (Chinese, Japanese, Korean) are set in a
 * CJK font found on the system — `PDF_CJK_FONT` (a font file, `path#PostScriptName` for a
 * collection), else Debian's `fonts-droid-fallback` or `fonts-noto-cjk` — embedded only when a
 * document needs it. With no
 * such font a character is printed as its code point (`U+738B`) and the document says so: a name
 * is never silently turned into "?".
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

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

/** Kept for callers that need plain Latin-1 text (file names, headers): not used for PDF text. */
export function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7E\u00A0-\u00FF\n]/g, "?");
}

const require = createRequire(import.meta.url);
const notoPath = (weight: "400Regular" | "700Bold") =>
  require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);

/**
 * Where a CJK font is looked for when `PDF_CJK_FONT` is not set. Debian's fonts-droid-fallback
 * first: pdf-lib's subsetter writes glyphs poppler cannot draw for it, and for Noto Sans CJK
 * (a 20 MB collection), so a single-file font is embedded whole (about 2 MB, only in documents
 * with such a name) and a collection is subset (its text extracts; some viewers draw it blank).
 */
export const cjkFontCandidates = [
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular",
];

interface FontFile {
  bytes: Uint8Array;
  /** Subset when embedding (collections only: see `cjkFontCandidates`). */
  subset: boolean;
  /** The font inside a collection (.ttc). */
  postscriptName: string | undefined;
  covers(codePoint: number): boolean;
}

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean };
type Fontkit = { create(bytes: Uint8Array, postscriptName?: string): FontkitFont };
const kit = fontkit as unknown as Fontkit;

const cache = new Map<string, FontFile | null>();

/** A font file (`path` or `path#PostScriptName`), read once per process; null if unreadable. */
function fontFile(spec: string): FontFile | null {
  const cached = cache.get(spec);
  if (cached !== undefined) return cached;
  const [path = "", postscriptName] = spec.split("#");
  let file: FontFile | null = null;
  try {
    const bytes = new Uint8Array(readFileSync(path));
    const font = kit.create(bytes, postscriptName);
    const known = new Map<number, boolean>();
    const covers = (cp: number) => {
      let has = known.get(cp);
      if (has === undefined) {
        has = font.hasGlyphForCodePoint(cp);
        known.set(cp, has);
      }
      return has;
    };
    file = { bytes, postscriptName, subset: postscriptName !== undefined, covers };
  } catch {
    file = null;
  }
  cache.set(spec, file);
  return file;
}

/** The CJK fallback font: `PDF_CJK_FONT` if set (`off` for none), else the first candidate found. */
export function cjkFont(env: string | undefined = process.env.PDF_CJK_FONT): FontFile | null {
  if (env === "off") return null;
  if (env) return fontFile(env);
  for (const candidate of cjkFontCandidates) {
    const file = fontFile(candidate);
    if (file) return file;
  }
  return null;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Embedded on first use: most documents never need it. */
  cjk(): Promise<PDFFont | null>;
  noto: FontFile;
  cjkFile: FontFile | null;
}

/** One stretch of text in one font. */
interface Run {
  text: string;
  font: PDFFont;
}

/** The characters of a document no font could set, printed as code points. */
const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const noto = fontFile(notoPath("400Regular"));
  const notoBold = fontFile(notoPath("700Bold"));
  if (!noto || !notoBold) throw new Error("Noto Sans is missing from node_modules");
  // Collections hold several fonts: pdf-lib reads the first unless fontkit is told which.
  const named = new Map<Uint8Array, string | undefined>();
  doc.registerFontkit({
    create: (bytes: Uint8Array) => kit.create(bytes, named.get(bytes)),
  } as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  // Whole: @pdf-lib/fontkit's subset of Noto Sans draws most glyphs blank (about 300 KB each).
  const regular = await doc.embedFont(noto.bytes, { subset: false });
  const bold = await doc.embedFont(notoBold.bytes, { subset: false });
  const cjkFile = cjkFont();
  let cjk: Promise<PDFFont | null> | undefined;
  return {
    regular,
    bold,
    noto,
    cjkFile,
    cjk: () => {
      if (!cjkFile) return Promise.resolve(null);
      named.set(cjkFile.bytes, cjkFile.postscriptName);
      cjk ??= doc.embedFont(cjkFile.bytes, { subset: cjkFile.subset });
      return cjk;
    },
  };
}

/**
 * Splits text into runs by which font has each character: Noto Sans, else the CJK font, else the
 * code point in Noto Sans (recorded in `missing`).
 */
function runsOf(
  text: string,
  font: PDFFont,
  fonts: Fonts,
  cjk: PDFFont | null,
  missing: Set<number>,
): Run[] {
  const runs: Run[] = [];
  const push = (t: string, f: PDFFont) => {
    const last = runs.at(-1);
    if (last && last.font === f) last.text += t;
    else runs.push({ text: t, font: f });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (fonts.noto.covers(cp) || cp < 0x20) push(ch, font);
    else if (cjk && fonts.cjkFile?.covers(cp)) push(ch, cjk);
    else {
      missing.add(cp);
      push(codePoint(cp), font);
    }
  }
  return runs;
}
/** Wraps text to `width` points as measured by `measure`. */
function wrap(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word wider than the column is cut rather than overflowing into the next one.
      let rest = word;
      while (measure(rest) > width && [...rest].length > 1) {
        const chars = [...rest];
        let cut = chars.length - 1;
        while (cut > 1 && measure(chars.slice(0, cut).join("")) > width) cut--;
        lines.push(chars.slice(0, cut).join(""));
        rest = chars.slice(cut).join("");
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Every string a document will print, to know before the first page whether CJK is needed. */
function textsOf(spec: PdfDocumentSpec): string[] {
  return [
    spec.title,
    spec.subtitle,
    spec.footer,
    ...spec.blocks.flatMap((b) =>
      b.kind === "table" ? [...b.columns.map((c) => c.header), ...b.rows.flat()] : [b.text],
    ),
  ];
}

/**
 * Column widths in points: proportional to the spec, but never narrower than a header's longest
 * word, so "Acknowledged" is not split in two; the room comes from the widest columns.
 */
export function columnWidths(weights: number[], minimums: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * total);
  for (let pass = 0; pass < weights.length; pass++) {
    const short = widths.map((w, i) => Math.max(0, (minimums[i] ?? 0) - w));
    const deficit = short.reduce((a, b) => a + b, 0);
    if (deficit < 0.01) break;
    const spare = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - (minimums[i] ?? 0))));
    const spareSum = spare.reduce((a, b) => a + b, 0);
    if (spareSum <= 0) break;
    const take = Math.min(deficit, spareSum);
    for (let i = 0; i < widths.length; i++) {
      widths[i] =
        widths[i]! +
        (short[i]! > 0 ? (short[i]! / deficit) * take : -(spare[i]! / spareSum) * take);
    }
  }
  return widths;
}

export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(spec.title);
  doc.setProducer("Centerline");
  const fonts = await embedFonts(doc);
  const needsCjk = textsOf(spec).some((t) =>
    [...t].some((ch) => !fonts.noto.covers(ch.codePointAt(0) ?? 0x20) && ch >= " "),
  );
  const cjk = needsCjk ? await fonts.cjk() : null;
  const missing = new Set<number>();
  const runs = (s: string, font: PDFFont) => runsOf(s, font, fonts, cjk, missing);
  const measure = (font: PDFFont, size: number) => (s: string) =>
    runs(s, font).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);

  const { regular, bold } = fonts;
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
  const draw = (
    target: PDFPage,
    s: string,
    x: number,
    at: number,
    size: number,
    font: PDFFont,
    grey = false,
  ) => {
    let cursor = x;
    for (const r of runs(s, font)) {
      target.drawText(r.text, {
        x: cursor,
        y: at,
        size,
        font: r.font,
        color: grey ? rgb(0.4, 0.4, 0.45) : rgb(0.1, 0.1, 0.12),
      });
      cursor += r.font.widthOfTextAtSize(r.text, size);
    }
  };
  const text = (s: string, x: number, size: number, font: PDFFont) =>
    draw(page, s, x, y, size, font);

  for (const line of wrap(spec.title, measure(bold, 16), contentWidth)) {
    text(line, PAGE.margin, 16, bold);
    y -= 20;
  }
  for (const line of wrap(spec.subtitle, measure(regular, 9), contentWidth)) {
    text(line, PAGE.margin, 9, regular);
    y -= 12;
  }
  y -= 8;

  for (const block of spec.blocks) {
    if (block.kind === "heading") {
      ensure(30);
      y -= 6;
      text(block.text, PAGE.margin, 12, bold);
      y -= 16;
    } else if (block.kind === "paragraph") {
      for (const line of wrap(block.text, measure(regular, 9), contentWidth)) {
        ensure(12);
        text(line, PAGE.margin, 9, regular);
        y -= 12;
      }
      y -= 4;
    } else {
      const headerWord = (h: string) =>
        Math.max(...h.split(/\s+/).map((w) => measure(bold, 8)(w))) + 6;
      const widths = columnWidths(
        block.columns.map((c) => c.width),
        block.columns.map((c) => headerWord(c.header)),
        contentWidth,
      );
      const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
        const wrapped = cells.map((cell, i) => wrap(cell, measure(font, 8), widths[i]! - 6));
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
            draw(page, line, x + 3, y - j * 10, 8, font);
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

  if (missing.size > 0) {
    // Said on the page, not hidden: an inspector must know a name is shown by its code points.
    const list = [...missing].map(codePoint).join(", ");
    for (const line of wrap(
      `Some characters have no font on this server and are shown as code points (${list}). Set PDF_CJK_FONT to a font that has them, e.g. install fonts-noto-cjk.`,
      measure(regular, 8),
      contentWidth,
    )) {
      ensure(12);
      text(line, PAGE.margin, 8, regular);
      y -= 11;
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    draw(
      p,
      `${spec.footer} — page ${i + 1} of ${pages.length}`,
      PAGE.margin,
      PAGE.margin - 16,
      7,
      regular,
      true,
    );
  });
  return doc.save();
}
