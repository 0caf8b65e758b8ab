/**
 * The HTML extractor: structured data first (JSON-LD, then microdata, then h-event; an event found by two of
 * them is kept once, from the first), and the page's text blocks through the parser only when no
 * structured extractor found any event.
 */
import type { Document } from "domhandler";
import { decodeText } from "../decode.js";
import { eventsFromBlocks } from "../parseBlocks.js";
import type { ExtractContext, ExtractedEvent, ExtractResult, SourceExtractor } from "../types.js";
import { documentBase, parseHtml } from "./dom.js";
import { extractHEvents } from "./hEvent.js";
import { extractJsonLd } from "./jsonLd.js";
import { extractMicrodata } from "./microdata.js";
import { htmlTextBlocks } from "./textBlocks.js";

/** In order of trust: JSON-LD is the richest and most often right, microformats the least maintained. */
const STRUCTURED: ReadonlyArray<(doc: Document, ctx: ExtractContext) => ExtractResult> = [extractJsonLd, extractMicrodata, extractHEvents];

/** Events of an HTML page; links resolve against the page's `<base href>`, else `ctx.baseUrl`. */
export function extractHtml(html: string, ctx: ExtractContext): ExtractResult {
  const doc = parseHtml(html);
  const pageCtx: ExtractContext = { ...ctx, baseUrl: documentBase(doc, ctx.baseUrl) };
  const events: ExtractedEvent[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const extract of STRUCTURED) {
    const result = extract(doc, pageCtx);
    warnings.push(...result.warnings);
    for (const event of result.events) {
      const key = `${event.title.toLowerCase()}\u0000${event.start}\u0000${event.recurrence ?? ""}`;
      if (!seen.has(key)) {
        seen.add(key);
        events.push(event);
      }
    }
  }
  if (events.length > 0) return { events, warnings };
  const fallback = eventsFromBlocks(htmlTextBlocks(doc), pageCtx);
  return { events: fallback.events, warnings: [...warnings, ...fallback.warnings] };
}

/** Reads the page's bytes (BOM, then `<meta charset>`, else UTF-8); never throws on content. */
export const htmlExtractor: SourceExtractor = {
  kind: "html",
  async extract(body: Buffer, ctx: ExtractContext): Promise<ExtractResult> {
    return extractHtml(decodeText(body, true), ctx);
  },
};
