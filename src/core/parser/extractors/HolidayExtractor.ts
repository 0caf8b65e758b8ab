/**
 * Holidays by name: "Thanksgiving", "Christmas Eve", "next halloween", "easter 2027", "thanksgiving of next
 * year", "thanksgiving in 3 years", "MLK day". A holiday name is a soft date: an explicit date beside it wins,
 * and before a noun ("Christmas market") it also stays in the title.
 */
import { nextHoliday, holidayInYear } from "../../holidays/holidays.js";
import { addMonths, type CivilDate } from "../../time/civil.js";
import { alternation, collapseSpaces, readNumber } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { isDigitCode, isLetterAt, skipSpace, wordEnd } from "../textScan.js";
import type { Extractor } from "../types.js";
import { timeSpec } from "../timeGrammar.js";
import { dateMention } from "./mention.js";

type HolidayKey = Parameters<typeof nextHoliday>[0];
type Span = ReturnType<typeof nextHoliday>;

// Holiday rules (Easter, lunar and lunisolar calendars) cost far more than a lookup, and a service asks for
// the same few holidays from the same "today" all day: spans are remembered per holiday and day (or year).
// Spans are never modified, so sharing them between mentions is safe.
// Keyed by holiday, then by a number (a day as yyyymmdd, or a year), so a look-up builds no key string.
type SpanStore = Map<HolidayKey, Map<number, Span>>;
const nextSpans: SpanStore = new Map();
const yearSpans: SpanStore = new Map();
/** Spans remembered in both stores; past the bound both are emptied (they are only a cache). */
let rememberedCount = 0;

function remembered(store: SpanStore, key: HolidayKey, at: number, compute: () => Span): Span {
  let perKey = store.get(key);
  if (!perKey) store.set(key, (perKey = new Map()));
  let span = perKey.get(at);
  if (span === undefined) {
    span = compute();
    if (++rememberedCount > 5_000) {
      nextSpans.clear();
      yearSpans.clear();
      rememberedCount = 1;
      store.set(key, (perKey = new Map()));
    }
    perKey.set(at, span);
  }
  return span;
}

const nextSpan = (key: HolidayKey, from: CivilDate): Span => remembered(nextSpans, key, from.y * 10_000 + from.m * 100 + from.d, () => nextHoliday(key, from));
const spanInYear = (key: HolidayKey, year: number): Span => remembered(yearSpans, key, year, () => holidayInYear(key, year));

/**
 * Only a name that begins with a digit ("4th of july", "2. weihnachtstag") makes a match begin with one, and
 * such a name ends in letters that are then in the text: its trailing letters, for `digitsHoldLater`.
 * Undefined (no filter) if such a name ends otherwise.
 */
function digitNameEndings(locale: LocaleConstants): string[] | undefined {
  const endings = locale.holidays.flatMap((h) => h.names).filter((n) => /^\d/.test(n)).map((n) => /[a-z]+$/.exec(n.toLowerCase())?.[0]);
  return endings.every((e) => e !== undefined) ? [...new Set(endings as string[])] : undefined;
}

/** A name as it may be written: each apostrophe straight, curly or left out ("new year's" → also "new year’s", "new years"). */
function apostropheForms(name: string): string[] {
  const at = name.indexOf("'");
  if (at < 0) return [name];
  return apostropheForms(name.slice(at + 1)).flatMap((rest) => ["'", "’", ""].map((mark) => name.slice(0, at) + mark + rest));
}

/** The words of a name as runs of letters ("st. patrick's day" → st, patrick, s, day). */
function wordsOf(name: string): string[] {
  return name.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * For `mayStartAt`: per first word of a name, the words that can come second, or true where the first word
 * is a whole name. Built from every written form of every name ("new years" as well as "new year's").
 */
function nameBeginnings(names: Iterable<string>): Map<string, Set<string> | true> {
  const table = new Map<string, Set<string> | true>();
  for (const name of names) {
    for (const form of apostropheForms(name)) {
      const [first, second] = wordsOf(form);
      if (first === undefined) continue;
      const seconds = table.get(first);
      if (second === undefined) table.set(first, true);
      else if (seconds === undefined) table.set(first, new Set([second]));
      else if (seconds !== true) seconds.add(second);
    }
  }
  return table;
}

/**
 * Whether a name can begin at `i` of the lower-cased text: its first word is a name's first word, and the
 * next word (past anything that is not a letter) a second word of such a name, unless the first is a name.
 */
function nameCanBeginAt(lower: string, i: number, beginnings: Map<string, Set<string> | true>): boolean {
  const end = wordEnd(lower, i);
  const seconds = beginnings.get(lower.slice(i, end));
  if (seconds === undefined) return false;
  if (seconds === true) return true;
  let j = end;
  while (j < lower.length && !isLetterAt(lower, j)) j++;
  return seconds.has(lower.slice(j, wordEnd(lower, j)));
}

/** Words that may stand before a name ("next christmas"). */
const PREFIX_WORDS = ["this", "next", "upcoming", "coming"];
const PREFIXES = new Set(PREFIX_WORDS);

export function holidayExtractor(locale: LocaleConstants): Extractor {
  const byName = new Map<string, (typeof locale.holidays)[number]["key"]>();
  for (const entry of locale.holidays) for (const name of entry.names) byName.set(name, entry.key);
  const names = alternation([...byName.keys()].flatMap(apostropheForms));
  const beginnings = nameBeginnings([...byName.keys()].flatMap((n) => [n, n.replace(/^the\s+/, "")]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${PREFIX_WORDS.join("|")})\\s+)?(${names})(?:\\s+(?:in\\s+)?((?:19|20)\\d{2})(?!\\d)|\\s+of\\s+(next|this)\\s+year|\\s+in\\s+(\\d+|\\w+)\\s+(years?|months?))?(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "HolidayExtractor",
    startsWith: startsFor(locale, "holiday", () => [...PREFIX_WORDS, ...locale.holidays.flatMap((h) => h.names.map((n) => n.replace(/^the\s+/, "")))], locale.holidays.some((h) => h.names.some((n) => /^\d/.test(n)))),
    trigger: triggerFor(locale, "holiday", () => locale.holidays.flatMap((h) => h.names)),
    digitsHoldLater: digitNameEndings(locale),
    pattern,
    // Most places where a name's first word stands hold no name ("Monday at 9", "New York", "St. Mark's"):
    // the second word tells. A digit may begin a name ("4th of july"), and "next" may stand before one.
    mayStartAt(lower, at) {
      if (isDigitCode(lower.charCodeAt(at))) return true;
      if (nameCanBeginAt(lower, at, beginnings)) return true;
      const end = wordEnd(lower, at);
      if (!PREFIXES.has(lower.slice(at, end))) return false;
      const j = skipSpace(lower, end);
      return j > end && nameCanBeginAt(lower, j, beginnings);
    },
    extract(ctx, m) {
      const lower = m[2].toLowerCase();
      const key = byName.get(collapseSpaces(lower.includes("’") ? lower.replace(/[’]/g, "'") : lower)) ?? byName.get(m[2].toLowerCase().replace(/[’']/g, "").replace(/\s+/g, " "));
      if (!key) return null;
      let span;
      if (m[3]) span = spanInYear(key, Number(m[3]));
      else if (m[4]) span = m[4].toLowerCase() === "next" ? spanInYear(key, ctx.today.y + 1) : spanInYear(key, ctx.today.y);
      else if (m[5]) {
        const years = readNumber(locale, m[5]);
        if (years === null) return null;
        span = /^month/i.test(m[6]) ? nextSpan(key, addMonths(ctx.today, years)) : spanInYear(key, ctx.today.y + years);
      } else span = nextSpan(key, ctx.today);
      if (!span) return null;
      // A lone capitalised "Easter"/"Christmas" before a noun reads as part of a name ("Christmas market").
      const explicit = Boolean(m[3] || m[4] || m[5] || m[1]);
      const time = span.time ? timeSpec(span.time.start.h, span.time.start.mi, 0, null, true) : undefined;
      const endTime = span.time ? timeSpec(span.time.end.h, span.time.end.mi, 0, null, true) : undefined;
      return dateMention("HolidayExtractor", m, 0.9, { date: span.start, explicit: false, soft: !explicit, endDate: span.end ?? undefined, time, endTime });
    },
  };
}
