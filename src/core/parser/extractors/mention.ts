/**
 * Constructors for mentions. Every mention, of any kind, is built by `blank` with the fields of all kinds in
 * one order (those of other kinds undefined), so all mentions share one object shape: the refiners and the
 * assembler read mentions of mixed kinds at the same places (start, end, kind, lead…), and with one shape
 * those reads stay monomorphic instead of going through V8's megamorphic lookup. Copies are made with
 * `copyMention`, not `{ ...m }`: a spread copy gets a shape of its own. A field of another kind reads as
 * undefined, as it did when it was absent.
 */
import type { DateMention, DateTimeRangeMention, DurationMention, InstantMention, Mention, ParsingContext, RecurrenceMention, RecurrenceSpec, TimeMention, ZoneMention } from "../types.js";

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

/** The fields of one kind that are not shared by all kinds, as optional fields. */
type Own<M extends Mention> = Partial<Omit<M, keyof Mention>>;

/** Every field of every mention kind (the kind-specific ones optional): what `blank` builds. */
type AnyMention = Pick<Mention, "kind" | "start" | "end" | "text" | "confidence" | "source" | "lead" | "leadStart" | "followedByWord"> &
  Own<DateMention> & Own<TimeMention> & Own<DateTimeRangeMention> & Own<DurationMention> & Own<ZoneMention> & Own<RecurrenceMention> & Own<InstantMention>;

/** A mention with every field of every kind, in one order: see the file comment. */
function blank(kind: Mention["kind"], span: Span, confidence: number, source: string): AnyMention {
  return {
    kind, start: span.start, end: span.end, text: span.text, confidence, source, lead: undefined, leadStart: undefined, followedByWord: undefined,
    date: undefined, explicit: undefined, soft: undefined, daypart: undefined, weekday: undefined, dayOfMonth: undefined, time: undefined,
    endTime: undefined, endDate: undefined, past: undefined, weak: undefined, startDate: undefined, startTime: undefined, minutes: undefined,
    unit: undefined, amount: undefined, zone: undefined, rule: undefined, adjectival: undefined, epoch: undefined,
  };
}

/**
 * A copy of `m` with `changes` applied: what `{ ...m, ...changes }` gives (every mention holds exactly the
 * fields `blank` makes, and `changes` only names such fields), but keeping the one shape of all mentions.
 */
export function copyMention<M extends Mention>(m: M, changes: Partial<M>): M {
  const from = m as AnyMention;
  const c = blank(from.kind, from, from.confidence, from.source);
  c.lead = from.lead;
  c.leadStart = from.leadStart;
  c.date = from.date;
  c.explicit = from.explicit;
  c.soft = from.soft;
  c.daypart = from.daypart;
  c.weekday = from.weekday;
  c.dayOfMonth = from.dayOfMonth;
  c.time = from.time;
  c.endTime = from.endTime;
  c.endDate = from.endDate;
  c.past = from.past;
  c.weak = from.weak;
  c.startDate = from.startDate;
  c.startTime = from.startTime;
  c.minutes = from.minutes;
  c.unit = from.unit;
  c.amount = from.amount;
  c.zone = from.zone;
  c.rule = from.rule;
  c.adjectival = from.adjectival;
  c.epoch = from.epoch;
  return Object.assign(c, changes) as M;
}

type DateFields = Pick<DateMention, "date" | "explicit"> & Partial<Pick<DateMention, "soft" | "daypart" | "weekday" | "dayOfMonth" | "time" | "endTime" | "endDate" | "past">>;

export function makeDate(source: string, span: Span, confidence: number, f: DateFields): DateMention {
  const m = blank("date", span, confidence, source);
  m.date = f.date;
  m.explicit = f.explicit;
  m.soft = f.soft ?? false;
  m.daypart = f.daypart;
  m.weekday = f.weekday;
  m.dayOfMonth = f.dayOfMonth;
  m.time = f.time;
  m.endTime = f.endTime;
  m.endDate = f.endDate;
  m.past = f.past ?? false;
  return m as DateMention;
}

export function dateMention(source: string, match: RegExpExecArray, confidence: number, fields: DateFields): DateMention {
  return makeDate(source, spanOf(match), confidence, fields);
}

type TimeFields = Pick<TimeMention, "time"> & Partial<Pick<TimeMention, "endTime" | "weak" | "soft">>;

export function makeTime(source: string, span: Span, confidence: number, f: TimeFields): TimeMention {
  const m = blank("time", span, confidence, source);
  m.time = f.time;
  m.endTime = f.endTime;
  m.weak = f.weak ?? false;
  m.soft = f.soft ?? false;
  return m as TimeMention;
}

/** "Saturday 10am to Sunday 6pm" read as one range (built by the date-time range refiner). */
export function makeDateTimeRange(source: string, span: Span, confidence: number, f: Pick<DateTimeRangeMention, "startDate" | "startTime" | "endDate" | "endTime" | "lead" | "leadStart">): DateTimeRangeMention {
  const m = blank("dateTimeRange", span, confidence, source);
  m.lead = f.lead;
  m.leadStart = f.leadStart;
  m.startDate = f.startDate;
  m.startTime = f.startTime;
  m.endDate = f.endDate;
  m.endTime = f.endTime;
  return m as DateTimeRangeMention;
}

export function makeInstant(source: string, span: Span, confidence: number, epoch: number): InstantMention {
  const m = blank("instant", span, confidence, source);
  m.epoch = epoch;
  return m as InstantMention;
}

export function makeDuration(source: string, span: Span, confidence: number, f: Pick<DurationMention, "minutes" | "unit" | "amount">): DurationMention {
  const m = blank("duration", span, confidence, source);
  m.minutes = f.minutes;
  m.unit = f.unit;
  m.amount = f.amount;
  return m as DurationMention;
}

export function makeZone(source: string, span: Span, confidence: number, zone: ZoneMention["zone"]): ZoneMention {
  const m = blank("zone", span, confidence, source);
  m.zone = zone;
  return m as ZoneMention;
}

export function makeRecurrence(source: string, span: Span, confidence: number, rule: RecurrenceMention["rule"], adjectival = false): RecurrenceMention {
  const m = blank("recurrence", span, confidence, source);
  m.rule = rule;
  m.adjectival = adjectival;
  return m as RecurrenceMention;
}

/**
 * A rule with every field of RecurrenceSpec, in one order (undefined where not given), for the reason mentions
 * share one shape: rules are read field by field when they are merged, resolved and formatted, and reads of
 * rules of a dozen shapes were megamorphic, each field a shape lacks a slow lookup (a recurring text's parse
 * took twice as long). Rules are made here only (and changed by plain stores), never as literals or spreads
 * elsewhere: each spread site (`{ ...newRule("WEEKLY"), byDay }`) gave its rules a shape of its own (nine
 * among the golden texts), and a field stored after a spread was a megamorphic store that missed V8's cache
 * on every parse.
 */
export function newRule(freq: RecurrenceSpec["freq"]): RecurrenceSpec {
  return { freq, interval: undefined, byDay: undefined, byMonthDay: undefined, byMonthDays: undefined, byMonth: undefined, count: undefined, open: undefined };
}

/** A copy of a rule, for the assembler to change (what `{ ...rule }` gives, in the one shape). */
export function copyRule(rule: RecurrenceSpec): RecurrenceSpec {
  return { freq: rule.freq, interval: rule.interval, byDay: rule.byDay, byMonthDay: rule.byMonthDay, byMonthDays: rule.byMonthDays, byMonth: rule.byMonth, count: rule.count, open: rule.open };
}

/** A weekly rule on the given RRULE days. */
export function weeklyOn(byDay: string[]): RecurrenceSpec {
  const rule = newRule("WEEKLY");
  rule.byDay = byDay;
  return rule;
}

/** A bare frequency that waits for a day from another mention ("weekly", "every month"). */
export function openRule(freq: RecurrenceSpec["freq"]): RecurrenceSpec {
  const rule = newRule(freq);
  rule.open = true;
  return rule;
}

/** Up to `length` characters before `index`: what end-anchored checks look at (they cost per character). */
export function textBefore(ctx: ParsingContext, index: number, length = 32): string {
  return ctx.text.slice(Math.max(0, index - length), index);
}

/** True when the character before `index` lets a word start there (not inside another word or number). */
export function startsWord(ctx: ParsingContext, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}]/u.test(ctx.text[index - 1]);
}
