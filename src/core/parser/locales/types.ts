/** The shape every locale's vocabulary has: data only, read by the extractors of its configuration. */
import type { HolidayNames } from "../../holidays/holidays.js";

export interface LocaleConstants {
  readonly code: string;
  /** Weekday names and abbreviations → 0 (Sunday) … 6 (Saturday). */
  readonly weekdays: Readonly<Record<string, number>>;
  /** Plural weekday forms that mean "every such day" (Tuesdays, mittwochs). */
  readonly weekdayPlurals: Readonly<Record<string, number>>;
  /** Lower-case abbreviations that are also common words: only dates when written with a capital or beside a date. */
  readonly ambiguousWeekdays: ReadonlySet<string>;
  readonly months: Readonly<Record<string, number>>;
  readonly ambiguousMonths: ReadonlySet<string>;
  /** Cardinal number words → value. */
  readonly numbers: Readonly<Record<string, number>>;
  /** Ordinal words and numeric ordinals → value ("first", "third", "last" = -1 where it applies). */
  readonly ordinals: Readonly<Record<string, number>>;
  /** Relative day words → days from today. */
  readonly relativeDays: Readonly<Record<string, number>>;
  readonly dayparts: Readonly<Record<string, "morning" | "afternoon" | "evening" | "night">>;
  /** Words that make a bare 7–11 an evening hour (dinner, drinks, party…). */
  readonly eveningWords: ReadonlySet<string>;
  /** Words that join a date/time phrase to the rest and go with it out of the title. */
  readonly connectors: ReadonlySet<string>;
  /** Phrases opening a message that are not part of the title ("Reminder:", "Join us for"). */
  readonly noisePrefixes: readonly string[];
  /** Words that put the day after them in the past ("last Tuesday", "earlier today"): no event. */
  readonly pastWords: ReadonlySet<string>;
  /**
   * Sentence framing around the event's name, as regex sources: lead-ins dropped with everything before
   * them ("are we still on for", "confirm your"), verb phrases dropped with everything after them
   * ("will take place", "will be held").
   */
  readonly titleLeadIns: readonly string[];
  readonly titleTails: readonly string[];
  /** Determiners dropped from a title read out of a sentence ("Our Spring Concert will be held"). */
  readonly titleDeterminers: ReadonlySet<string>;
  /** Words that say the text looks back ("went", "was"): a weekday or time with them is no future event. */
  readonly pastVerbs: ReadonlySet<string>;
  /** Words that say a past-sounding text is about a change to come ("moved", "rescheduled"). */
  readonly changeWords: ReadonlySet<string>;
  /** Words that say a multi-day span ends (until, through). */
  readonly untilWords: ReadonlySet<string>;
  /** Words that say a recurrence starts (starting, from, beginning). */
  readonly startingWords: ReadonlySet<string>;
  /** Location markers: the location follows them. */
  readonly locationMarkers: readonly string[];
  /** Street words that make "on Main Street" a location. */
  readonly streetWords: ReadonlySet<string>;
  /** Time zone abbreviations → fixed offset in minutes, or an IANA name. */
  readonly zones: Readonly<Record<string, number | string>>;
  readonly holidays: readonly HolidayNames[];
  /** Words that, when present, say a text is in this locale (used to pick a locale automatically). */
  readonly signatureWords: readonly string[];
  /** Regex sources for the locale's function words, used by the grammar. */
  readonly words: {
    every: string;
    /** Joiners in lists ("and", "or"). */
    and: string;
    other: string;
    to: string;
    from: string;
    next: string;
    /** Words for the nearest such day ("this coming", "upcoming"). */
    nearest: string;
    this: string;
    at: string;
    on: string;
    week: string;
    month: string;
    year: string;
    day: string;
    oclock: string;
  };
}
