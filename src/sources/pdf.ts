/**
 * The PDF extractor: the text of every page (pdfjs-dist 4, legacy build for Node 20, no worker thread),
 * rebuilt into lines and blocks (see pdfLines) and read by the parser block by block (`via` "text").
 * Scanned PDFs without a text layer give no events and a warning; there is no OCR.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { eventsFromBlocks, type TextBlock } from "./parseBlocks.js";
import { blocksOf, linesOf, type TextPiece } from "./pdfLines.js";
import { type ExtractContext, type ExtractResult, type SourceExtractor, SourceFormatError } from "./types.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjs: Promise<PdfJs> | null = null;

// Loaded on first use: importing the sources must not pay for a PDF engine that may never run.
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** Pages read at most; a longer document is read up to here, with a warning. */
export const MAX_PAGES = 200;

// The standard 14 fonts' metrics ship with pdfjs-dist; without them text widths (and so spacing) are guessed.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** Text blocks of a PDF, page by page; throws SourceFormatError when the file cannot be opened. */
export async function pdfTextBlocks(body: Buffer, warn: (message: string) => void): Promise<TextBlock[]> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // In Node the legacy build runs its "fake worker" in this thread (GlobalWorkerOptions needs no workerSrc).
  // Eval and font faces are off: only text is read, and nothing in a document may compile code.
  const task = getDocument({
    data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw new SourceFormatError("pdf", describe(error), { cause: error });
  }
  try {
    const blocks: TextBlock[] = [];
    const pages = Math.min(doc.numPages, MAX_PAGES);
    if (doc.numPages > MAX_PAGES) warn(`the PDF has ${doc.numPages} pages; only the first ${MAX_PAGES} were read`);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        pieces.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
      }
      page.cleanup();
      // Blocks never run across a page break.
      blocksOf(linesOf(pieces)).forEach((text, i) => blocks.push({ text, heading: i === 0 }));
    }
    if (blocks.length === 0) warn("the PDF has no text layer (a scan?); nothing was read");
    return blocks;
  } catch (error) {
    throw new SourceFormatError("pdf", `the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await doc.destroy();
  }
}

function describe(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return "the PDF is encrypted with a password and cannot be read";
  if (name === "InvalidPDFException") return `not a readable PDF: ${message}`;
  return `the PDF cannot be opened: ${message}`;
}

/** Reads a PDF's text layer; a corrupt or password-protected file throws SourceFormatError. */
export const pdfExtractor: SourceExtractor = {
  kind: "pdf",
  async extract(body: Buffer, ctx: ExtractContext): Promise<ExtractResult> {
    const warnings: string[] = [];
    const blocks = await pdfTextBlocks(body, (m) => warnings.push(m));
    const result = eventsFromBlocks(blocks, ctx);
    return { events: result.events, warnings: [...warnings, ...result.warnings] };
  },
};
