/** The plain-text extractor: blank-line separated blocks, each run through the parser (see parseBlocks). */
import { decodeText } from "./decode.js";
import { eventsFromBlocks, type TextBlock } from "./parseBlocks.js";
import type { ExtractContext, ExtractResult, SourceExtractor } from "./types.js";

/** Splits text into blocks on blank lines (whitespace-only lines count as blank); CRLF and CR are accepted. */
export function textBlocks(text: string): TextBlock[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\f\v]*\n/)
    .map((block) => block.replace(/[ \t\f\v]+/g, " ").trim())
    .filter((block) => block !== "")
    .map((block) => ({ text: block }));
}

/** Reads UTF-8 (or BOM-marked UTF-16) text; never throws on content, only on a bad context. */
export const textExtractor: SourceExtractor = {
  kind: "text",
  async extract(body: Buffer, ctx: ExtractContext): Promise<ExtractResult> {
    return eventsFromBlocks(textBlocks(decodeText(body)), ctx);
  },
};
