/** Small constructors shared by the extractors, so each extractor file holds only its pattern and reading. */
import type { DateMention, Mention, ParsingContext } from "../types.js";

/** The span of a match, with leading/trailing whitespace trimmed and an optional group offset. */
export function spanOf(match: RegExpExecArray): { start: number; end: number; text: string } {
  const full = match[0];
  const lead = full.length - full.trimStart().length;
  const text = full.trim();
  return { start: match.index + lead, end: match.index + lead + text.length, text };
}

type DateFields = Omit<DateMention, "kind" | "start" | "end" | "text" | "source" | "confidence">;

export function dateMention(source: string, match: RegExpExecArray, confidence: number, fields: DateFields): DateMention {
  return { kind: "date", source, confidence, ...spanOf(match), ...fields };
}

/** True when the character before `index` lets a word start there (not inside another word or number). */
export function startsWord(ctx: ParsingContext, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}]/u.test(ctx.text[index - 1]);
}

export type { Mention };
