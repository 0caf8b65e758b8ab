/** One extractor per source kind, and the dispatch from a detected kind to its extractor. */
import { htmlExtractor } from "./html/extractHtml.js";
import { icsExtractor } from "./ics.js";
import { pdfExtractor } from "./pdf.js";
import { textExtractor } from "./text.js";
import type { ExtractContext, ExtractResult, SourceExtractor, SourceKind } from "./types.js";

const EXTRACTORS: Readonly<Record<SourceKind, SourceExtractor>> = {
  ics: icsExtractor,
  html: htmlExtractor,
  pdf: pdfExtractor,
  text: textExtractor,
};

/** The extractor that reads documents of `kind`. */
export function extractorFor(kind: SourceKind): SourceExtractor {
  return EXTRACTORS[kind];
}

/**
 * Events of a document of a known kind (see detectKind). Throws SourceFormatError (code INVALID_SOURCE)
 * when the document is corrupt; a CalendarError when the context's zone or reference is invalid.
 */
export function extractDocument(kind: SourceKind, body: Buffer, ctx: ExtractContext): Promise<ExtractResult> {
  return extractorFor(kind).extract(body, ctx);
}
