/** The parser's internal vocabulary: mentions found in the text, the context they are read in, pipeline units. */
import type { CivilDate } from "../time/civil.js";
import type { LocaleConstants } from "./locales/types.js";
import type { ParseTraceStep } from "./options.js";

/** What must be in a text for an extractor to have a chance: any of these words, or any digit. */
export interface Trigger {
  words?: ReadonlySet<string>;
  digits?: boolean;
  /** Any of these characters. */
  chars?: string;
}

/** Everything a unit needs to read text: the text, "now" and the zone. Immutable during a parse. */
export interface ParsingContext {
  readonly text: string;
  /** Reference instant (epoch ms). */
  readonly reference: number;
  /** Reference wall-clock date and minutes since midnight in `zone`. */
  readonly today: CivilDate;
  readonly nowMinutes: number;
  readonly zone: string;
  readonly locale: LocaleConstants;
  readonly debug?: (step: ParseTraceStep) => void;
  readonly stopwatch?: () => number;
}

export type Meridiem = "am" | "pm";
export type Daypart = "morning" | "afternoon" | "evening" | "night";

/** A time of day as written, before the bare-hour and range rules decide its meridiem. */
export interface TimeSpec {
  hour: number;
  minute: number;
  second: number;
  meridiem: Meridiem | null;
  /** Written unambiguously on a 24-hour clock (18:30, 09:00, 15h, 19 Uhr). */
  is24h: boolean;
  /** "midnight" is the midnight that ends the day. */
  midnight?: boolean;
  approx?: boolean;
  /** Daypart stated with the time ("3 in the morning"). */
  daypart?: Daypart;
}

/** A fixed offset (minutes east of UTC) or an IANA zone named in the text. */
export interface ZoneSpec {
  offset?: number;
  iana?: string;
}

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface RecurrenceSpec {
  freq: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
  interval?: number;
  /** RRULE BYDAY entries ("MO", "1SU", "-1TH"). */
  byDay?: string[];
  byMonthDay?: number;
  /** Several days of the month ("the 1st and 15th"); byMonthDay holds the first of them. */
  byMonthDays?: number[];
  byMonth?: number;
  count?: number;
  /** A bare frequency word ("weekly") that waits for a day from another mention. */
  open?: boolean;
}

interface MentionBase {
  start: number;
  end: number;
  text: string;
  confidence: number;
  /** Name of the extractor or refiner that produced it (for the explain trace). */
  source: string;
  /** The connector word just before the mention ("at", "until", "starting"), lower-cased. */
  lead?: string;
  /** Start of the lead word, when there is one. */
  leadStart?: number;
  /**
   * Whether a word that is not a connector follows the mention (`isAdjectival`), remembered on the mention
   * the first time the assembler asks; unset before. A copy does not carry it (its end may differ).
   */
  followedByWord?: boolean;
}

/** A day. `soft` days (a weekday alone, a holiday name, noon used as a word) yield to explicit dates. */
export interface DateMention extends MentionBase {
  kind: "date";
  date: CivilDate;
  /** Month and day were written (Dec 3, 12/8, 2026-12-10): outranks soft readings. */
  explicit: boolean;
  soft?: boolean;
  daypart?: Daypart;
  /** The weekday it names, when it was read from one (used as BYDAY by recurrences). */
  weekday?: number;
  /** Day of month written without a month ("the 15th"): usable as BYMONTHDAY. */
  dayOfMonth?: number;
  /** A time given with the date (ISO date-times, timed holidays such as Earth Hour). */
  time?: TimeSpec;
  endTime?: TimeSpec;
  /** Exclusive end for multi-day values (holiday spans, date ranges). */
  endDate?: CivilDate;
  /** The date is a day in the past the text points back to ("yesterday"). */
  past?: boolean;
}

export interface TimeMention extends MentionBase {
  kind: "time";
  time: TimeSpec;
  /** Range end, when the mention is a range ("2-4pm", "from 10 to 2"). */
  endTime?: TimeSpec;
  /** A bare-number range ("5-7") that only counts beside a date. */
  weak?: boolean;
  soft?: boolean;
}

/** "Saturday 10am to Sunday 6pm": both ends carry a day. */
export interface DateTimeRangeMention extends MentionBase {
  kind: "dateTimeRange";
  startDate: CivilDate;
  startTime: TimeSpec;
  endDate: CivilDate;
  endTime: TimeSpec;
}

export interface DurationMention extends MentionBase {
  kind: "duration";
  minutes: number;
  /** Weeks / months / sessions as written ("for 8 weeks"), for recurrence counts. */
  unit: "minute" | "day" | "week" | "month" | "times";
  amount: number;
}

export interface ZoneMention extends MentionBase {
  kind: "zone";
  zone: ZoneSpec;
}

export interface RecurrenceMention extends MentionBase {
  kind: "recurrence";
  rule: RecurrenceSpec;
  /** An adjective in front of a noun ("Weekly sync"): may stay in the title. */
  adjectival?: boolean;
}

/** An exact instant ("in 2 hours", "now"). */
export interface InstantMention extends MentionBase {
  kind: "instant";
  epoch: number;
}

export type Mention = DateMention | TimeMention | DateTimeRangeMention | DurationMention | ZoneMention | RecurrenceMention | InstantMention;

/** A pattern and what to make of each match; `null` means "not a reading here", never an exception. */
export interface Extractor {
  readonly name: string;
  readonly pattern: RegExp;
  /**
   * A cheap test that says the pattern can match at all (a word it needs, a digit); when it says no, the
   * pattern is not run. Absent: always run.
   */
  readonly trigger?: Trigger;
  /** What a match can begin with (its first word, a digit, a symbol); other positions are not tried. */
  readonly startsWith?: Trigger;
  /**
   * Lower-case strings one of which every match holds after its first character (the joiner of a range): the
   * pipeline does not try starts after the last of them in the text. Absent: no such filter.
   */
  readonly holdsLater?: readonly string[];
  /**
   * The same for the matches that begin with a digit only (the other forms may need none of them): digit
   * starts at or after the last of these strings in the text are not tried.
   */
  readonly digitsHoldLater?: readonly string[];
  /**
   * A cheap look at the lower-cased text at a start that says false only where no match can begin there (a
   * necessary condition, never a reading): the pattern is not run where it says false. Absent: always run.
   */
  readonly mayStartAt?: (lower: string, at: number) => boolean;
  extract(ctx: ParsingContext, match: RegExpExecArray): Mention | null;
}

/** Rewrites the mention list (merging, dropping, annotating). Must not mutate its input. */
export interface Refiner {
  readonly name: string;
  refine(ctx: ParsingContext, mentions: Mention[]): Mention[];
}
