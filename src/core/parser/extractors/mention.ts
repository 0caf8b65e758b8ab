/**
 * Constructors for mentions. Each kind is always built with the same fields in the same order (absent ones
 * as undefined), so every mention of a kind shares one object shape and the hot paths that read them stay
 * monomorphic; refiners copy them with `{ ...m, field }` over existing fields only.
 */
import type { DateMention, DurationMention, InstantMention, ParsingContext, RecurrenceMention, TimeMention, ZoneMention } from "../types.js";

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The span of a match, with leading/trailing whitespace trimmed. */
export function spanOf(match: RegExpExecArray): Span {
  const full = match[0];
  const lead = full.length - full.trimStart().length;
  const text = full.trim();
  return { start: match.index + lead, end: match.index + lead + text.length, text };
}

type DateFields = Pick<DateMention, "date" | "explicit"> & Partial<Pick<DateMention, "soft" | "daypart" | "weekday" | "dayOfMonth" | "time" | "endTime" | "endDate" | "past">>;

export function makeDate(source: string, span: Span, confidence: number, f: DateFields): DateMention {
  return {
    kind: "date", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined,
    date: f.date, explicit: f.explicit, soft: f.soft ?? false, daypart: f.daypart, weekday: f.weekday, dayOfMonth: f.dayOfMonth,
    time: f.time, endTime: f.endTime, endDate: f.endDate, past: f.past ?? false,
  };
}

export function dateMention(source: string, match: RegExpExecArray, confidence: number, fields: DateFields): DateMention {
  return makeDate(source, spanOf(match), confidence, fields);
}

type TimeFields = Pick<TimeMention, "time"> & Partial<Pick<TimeMention, "endTime" | "weak" | "soft">>;

export function makeTime(source: string, span: Span, confidence: number, f: TimeFields): TimeMention {
  return {
    kind: "time", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined,
    time: f.time, endTime: f.endTime, weak: f.weak ?? false, soft: f.soft ?? false,
  };
}

export function makeInstant(source: string, span: Span, confidence: number, epoch: number): InstantMention {
  return { kind: "instant", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined, epoch };
}

export function makeDuration(source: string, span: Span, confidence: number, f: Pick<DurationMention, "minutes" | "unit" | "amount">): DurationMention {
  return { kind: "duration", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined, minutes: f.minutes, unit: f.unit, amount: f.amount };
}

export function makeZone(source: string, span: Span, confidence: number, zone: ZoneMention["zone"]): ZoneMention {
  return { kind: "zone", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined, zone };
}

export function makeRecurrence(source: string, span: Span, confidence: number, rule: RecurrenceMention["rule"], adjectival = false): RecurrenceMention {
  return { kind: "recurrence", start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined, rule, adjectival };
}

/** Up to `length` characters before `index`: what end-anchored checks look at (they cost per character). */
export function textBefore(ctx: ParsingContext, index: number, length = 32): string {
  return ctx.text.slice(Math.max(0, index - length), index);
}

/** True when the character before `index` lets a word start there (not inside another word or number). */
export function startsWord(ctx: ParsingContext, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}]/u.test(ctx.text[index - 1]);
}
