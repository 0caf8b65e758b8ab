/**
 * How a time of day is written, as one regex source per form, and `readTime`, which turns the matched text
 * into a TimeSpec. Shared by the time and time-range extractors so both read times the same way.
 */
import { grammarFor } from "./grammar.js";
import { isJsSpace, isLetterAt, skipSpace, wordEnd, wordThen } from "./textScan.js";
import type { LocaleConstants } from "./locales/types.js";
import type { Daypart, Meridiem, TimeSpec } from "./types.js";

export interface TimeGrammar {
  /** A time that stands on its own: 3pm, 4:30p, 18:30, 15h, noon, 8ish, half past 3, seven thirty pm. */
  explicit: string;
  /** A bare hour or h:mm that is only a time beside a connector or in a range: 8, 3:15, 1030, eight. */
  bare: string;
}

const cache = new Map<string, TimeGrammar>();

/** What stands before the four digits of a 24-hour time ("tmrw 1730", "Fri 0900", "3rd, 0900"), as a regex source. */
const BEFORE_24H = "(?:today|tonight|tomorrow|tmrw|tmr|mon|tue|tues|wed|weds|thu|thurs|fri|sat|sun|day|\\d(?:st|nd|rd|th)?)\\.?,?\\s";

const HOUR_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const MINUTE_WORDS: Record<string, number> = { "o'clock": 0, oclock: 0, "oh five": 5, ten: 10, fifteen: 15, twenty: 20, "twenty five": 25, "twenty-five": 25, thirty: 30, "thirty five": 35, forty: 40, "forty five": 45, "forty-five": 45, fifty: 50 };
const HOUR_WORD = Object.keys(HOUR_WORDS).sort((a, b) => b.length - a.length).join("|");
const MINUTE_WORD = Object.keys(MINUTE_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, "\\s+")).join("|");

/** The time grammar of a locale (cached). */
export function timeGrammarFor(locale: LocaleConstants): TimeGrammar {
  const hit = cache.get(locale.code);
  if (hit) return hit;
  const g = grammarFor(locale);
  const mer = `\\s?${g.meridiem}`;
  const daypart = `(?:\\s+in\\s+the\\s+(?:morning|afternoon|evening|am|pm)|\\s+at\\s+night|\\s+sharp)?`;
  const oclock = `(?:\\s*(?:${locale.words.oclock}))`;
  const clock = `\\d{1,2}:[0-5]\\d(?::[0-5]\\d)?(?:${mer})?`;
  const special = "(?:the\\s+)?(?:noon|midday|mid-day|midnight|mid-night)";
  const hourMer = `\\d{1,2}(?:[.][0-5]\\d)?${oclock}?(?:ish)?${mer}`;
  const french = "\\d{1,2}h(?:[0-5]\\d)?(?![a-z])";
  const ish = "\\d{1,2}(?::[0-5]\\d)?ish";
  const uhr = "\\d{1,2}(?:[:.][0-5]\\d)?\\s*uhr";
  const oclockOnly = `\\d{1,2}${oclock}`;
  const words = `(?:${HOUR_WORD})(?:\\s+(?:${MINUTE_WORD}))?(?:${oclock}|${mer})`;
  const unit = `(?:${clock}|${hourMer}|${french}|${special}|\\d{1,2}|${HOUR_WORD})`;
  // "10 from 2pm" is not a time; "15 minutes from 1pm" is: with "from" the unit must be written.
  const relation = `(?:(?:(?:a\\s+)?(?:quarter|half)|\\d{1,2}|twenty|ten|five|twenty-five)(?:\\s+(?:minutes?|mins?))?\\s+(?:past|after|to|till|before|of)|(?:\\d{1,2}|twenty|ten|five|twenty-five)\\s+(?:minutes?|mins?)\\s+from)\\s+${unit}`;
  const halfHour = `half\\s+(?:${HOUR_WORD}|\\d{1,2})(?![:\\d])`;
  const withDaypart = `(?:\\d{1,2}(?::[0-5]\\d)?|${HOUR_WORD})(?=\\s+in\\s+the\\s+(?:morning|afternoon|evening|am|pm)|\\s+at\\s+night)`;
  const beforeDay = `\\d{1,2}(?::[0-5]\\d)?(?=\\s+(?:this\\s+(?:morning|afternoon|evening)|tonight|tomorrow|today)\\b)`;
  // "tmrw 1730", "Fri 0900": four digits straight after a day word read as a 24-hour time.
  const military = `(?<=${BEFORE_24H})(?:[01]\\d|2[0-3])[0-5]\\d(?!\\d)`;
  const explicit = `(?:${relation}|${uhr}|${clock}|${hourMer}|${french}|${special}|${ish}|${oclockOnly}|${words}|${halfHour}|${withDaypart}|${beforeDay}|${military})${daypart}`;
  const bare = `(?:\\d{1,2}:[0-5]\\d|[01]?\\d[0-5]\\d(?!\\d)|\\d{1,2}\\s[0-5]\\d(?!\\d)|\\d{1,2}|${HOUR_WORD})${daypart}`;
  const grammar = { explicit, bare };
  cache.set(locale.code, grammar);
  return grammar;
}

/**
 * ASCII code units that may follow the one or two hour digits of a time written with digits: ":" (18:30),
 * "." (9.30pm), "h" (15h), "u" (19 uhr), "o" (8o'clock), "i" (8ish), "a"/"p" (3pm); white space is
 * also allowed (3 pm, "10 past 2", "9 tomorrow"). Each form of `explicit` that starts with a digit goes on so.
 */
export const AFTER_HOUR: ReadonlySet<number> = new Set([":", ".", "h", "u", "o", "i", "a", "p"].map((c) => c.charCodeAt(0)));

/** What a time pattern's start check knows of the pattern's forms (see `timeMayStartAt`). */
export interface TimeStarts {
  /** Code units that may follow the hour digits directly (`AFTER_HOUR`, and joiners for ranges). */
  after: ReadonlySet<number>;
  /** How a run of letters right after the hour digits may begin ("pm", "h", "uhr", "ish"; "to" for ranges). */
  lettersAfter: readonly string[];
  /**
   * Words that may follow the hour digits and white space ("pm", "o", "past", "tonight", "to"…), each with
   * the words one of which must come next where only some can ("at" only before "night"), else null.
   */
  wordsAfterSpace: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** Code units that may follow the hour digits and white space ("-" in "9 - 11"). */
  symbolsAfterSpace: ReadonlySet<number>;
  /** Words that come before a time in the pattern ("at", "around", "from"…). */
  leads: ReadonlySet<string>;
}

/** How a run of letters right after the hour digits of a time may begin: "9pm", "15h30", "19uhr", "8ish", "7o'clock". */
export const TIME_LETTERS_AFTER = ["h", "u", "o", "i", "a", "p"];

const RELATIONS = new Set(["past", "after", "to", "till", "before", "of", "from"]);

/**
 * The words after "9 " that can go on to a time in the time grammar: a meridiem ("9 pm", "9 a.m."), o'clock,
 * "uhr", a relation ("10 past", "15 minutes to"), a daypart ("9 in the morning", "9 at night") or a day
 * ("9 tonight", "9 this morning").
 */
export const TIME_WORDS_AFTER_SPACE: ReadonlyMap<string, ReadonlySet<string> | null> = new Map<string, ReadonlySet<string> | null>([
  ...["a", "am", "p", "pm", "o", "oclock", "uhr", "past", "after", "to", "till", "before", "of", "tonight", "tomorrow", "today"].map((w): [string, null] => [w, null]),
  ...["min", "mins", "minute", "minutes"].map((w): [string, ReadonlySet<string>] => [w, RELATIONS]),
  ["in", new Set(["the"])],
  ["at", new Set(["night"])],
  ["this", new Set(["morning", "afternoon", "evening"])],
]);

/** The words a time of the grammar can begin with ("the noon", "half past", "a quarter to", "seven thirty"). */
const TIME_START_WORDS: ReadonlySet<string> = new Set(["the", "noon", "midday", "mid", "midnight", "half", "quarter", "a", "twenty", "ten", "five", ...Object.keys(HOUR_WORDS)]);

/** What "a" begins a time with ("a quarter to 7", "a half past 7"). */
const AFTER_A: ReadonlySet<string> = new Set(["quarter", "half"]);

/** Approximations that may stand between a connector and a time ("at about 7", "around approx. 7"). */
const APPROX_WORDS: ReadonlySet<string> = new Set(["about", "around", "approx", "approximately"]);

/** The 24-hour form's lookbehind as a test of what ends right before the digits (read on the lower-cased text). */
const BEFORE_MILITARY = new RegExp(`${BEFORE_24H}$`);

/** The word after white space after `end` ("" when something else comes). */
function nextWord(lower: string, end: number): string {
  const i = skipSpace(lower, end);
  return i > end ? lower.slice(i, wordEnd(lower, i)) : "";
}

/**
 * Whether the word at `i` (ending at `end`) can begin a time: a time word, with what must follow "the"
 * ("the noon", "the midnight") and "a" ("a quarter", "a half").
 */
function timeWordBegins(lower: string, i: number, end: number): boolean {
  const word = lower.slice(i, end);
  if (word === "the") return wordThen(lower, i, "the", "nm") && skipSpace(lower, end) > end;
  if (word === "a") return AFTER_A.has(nextWord(lower, end));
  return TIME_START_WORDS.has(word);
}

/**
 * Whether a time of the grammar can begin at `i` (after a connector and white space): a digit, "~", or a
 * word a time begins with, possibly after an approximation ("about 7", "approx. 7", even "abouthalf past 7").
 */
function timeCanBeginAt(lower: string, i: number, approxAllowed = true): boolean {
  if (i >= lower.length) return false;
  const c = lower.charCodeAt(i);
  if ((c >= 48 && c <= 57) || c === 126 /* ~ */) return true;
  const end = wordEnd(lower, i);
  if (timeWordBegins(lower, i, end)) return true;
  if (!approxAllowed) return false;
  const word = lower.slice(i, end);
  for (const approx of APPROX_WORDS) {
    if (!word.startsWith(approx)) continue;
    const after = i + approx.length;
    if (timeCanBeginAt(lower, skipSpace(lower, lower.charCodeAt(after) === 46 /* . */ ? after + 1 : after), false)) return true;
  }
  return false;
}

/**
 * Whether a time pattern can match at `at`, read on the lower-cased text: a necessary condition, for
 * `Extractor.mayStartAt` (most starts of the time patterns fail, and a failing try of these large patterns
 * costs about as much as a match, more where their code has gone cold):
 * - at digits (dates, counts, years, prices): one or two digits followed by one of `after` (":" and "."
 *   only before minutes, a letter only as `lettersAfter` says), or by white space and then one of
 *   `symbolsAfterSpace` or of `wordsAfterSpace`; or the four digits of a 24-hour time after a day word
 *   ("Fri 0900");
 * - at "the" or "a": "the noon", "a quarter"…;
 * - at a connector ("at", "@", "around", "from"…) or "~": a time can begin after it ("at 7", "at noon",
 *   not "at The Loft"; "later" needs its "than");
 * - at any other start (a time word): yes.
 */
export function timeMayStartAt(lower: string, at: number, starts: TimeStarts): boolean {
  const first = lower.charCodeAt(at);
  if (first === 64 /* @ */ || first === 126 /* ~ */) return timeCanBeginAt(lower, skipSpace(lower, at + 1));
  if (first < 48 || first > 57) {
    const end = wordEnd(lower, at);
    const word = lower.slice(at, end);
    if (word === "the" || word === "a") return timeWordBegins(lower, at, end);
    // An approximation may itself begin the match ("approx. 7"), with or without a connector before it.
    if (APPROX_WORDS.has(word) && timeCanBeginAt(lower, at)) return true;
    if (!starts.leads.has(word)) return !APPROX_WORDS.has(word);
    let next = skipSpace(lower, end);
    if (word === "later") {
      if (!lower.startsWith("than", next)) return false;
      next = skipSpace(lower, next + 4);
    }
    return timeCanBeginAt(lower, next);
  }
  let end = at + 1;
  while (end < lower.length && lower.charCodeAt(end) >= 48 && lower.charCodeAt(end) <= 57) end++;
  if (end - at === 4) return BEFORE_MILITARY.test(lower.slice(Math.max(0, at - 12), at));
  if (end - at > 2 || end === lower.length) return false;
  const next = lower.charCodeAt(end);
  if (next === 58 /* : */ || next === 46 /* . */) {
    const tens = lower.charCodeAt(end + 1);
    const ones = lower.charCodeAt(end + 2);
    return tens >= 48 && tens <= 53 && ones >= 48 && ones <= 57;
  }
  if (starts.after.has(next)) {
    if (!isLetterAt(lower, end)) return true;
    const run = lower.slice(end, wordEnd(lower, end));
    return starts.lettersAfter.some((prefix) => run.startsWith(prefix));
  }
  if (!isJsSpace(next)) return false;
  const i = skipSpace(lower, end);
  if (i >= lower.length) return false;
  if (starts.symbolsAfterSpace.has(lower.charCodeAt(i))) return true;
  const wordAfterEnd = wordEnd(lower, i);
  const wordAfter = lower.slice(i, wordAfterEnd);
  if (!starts.wordsAfterSpace.has(wordAfter)) return false;
  const then = starts.wordsAfterSpace.get(wordAfter);
  return !then || then.has(nextWord(lower, wordAfterEnd));
}

function readMeridiem(text: string): { rest: string; meridiem: Meridiem | null } {
  const m = /\s?(a|p)(?:\.\s?m\.?|\s?m\b|\b\.?)$/i.exec(text);
  if (!m || m.index === 0) return { rest: text, meridiem: null };
  const before = text.slice(0, m.index);
  if (!/[\dk]|noon|o'?clock|ish|\bone|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|fifteen|twenty|forty|fifty|\bh$/i.test(before.slice(-9))) {
    return { rest: text, meridiem: null };
  }
  return { rest: before.trim(), meridiem: m[1].toLowerCase() === "a" ? "am" : "pm" };
}

function hourValue(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return HOUR_WORDS[text] ?? null;
}

// The common shapes "7", "07", "7:30", "7pm", "7:30 p.m." read straight from their digits: the general reading
// below runs some twenty regular expressions per time and gives the same answer for them.
const PLAIN_TIME = /^(\d{1,2})(?::([0-5]\d))?(?: ?([ap])(?:m|\.m\.))?$/i;

// Four more shapes the general reading gives a fixed answer for, without a meridiem, a daypart or "ish":
// "15h30"/"9h" (read by its `h` rule: 24-hour), "1030"/"2013" (its three-or-four-digit rule), "noon"/"midday"
// and "midnight". Checked once here instead of through the general reading's chain of expressions.
const SHORT_TIME = /^(?:(\d{1,2})h(\d{2})?|(\d{1,2})(\d{2})|(noon|midday|mid-day)|(midnight|mid-night))$/i;

/** "19 Uhr", "19:30 Uhr", "8.15uhr": what the general reading's `uhr` rule reads (24-hour), checked here first. */
const UHR_TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*uhr$/i;

/** Reads the text one of the time grammar's forms matched. Null when it is not a valid time. */
export function readTime(raw: string): TimeSpec | null {
  const plain = PLAIN_TIME.exec(raw);
  if (plain) {
    const meridiem = plain[3] === undefined ? null : plain[3].toLowerCase() === "a" ? "am" : "pm";
    return make(Number(plain[1]), plain[2] === undefined ? 0 : Number(plain[2]), meridiem, plain[1].length === 2 && plain[1][0] === "0");
  }
  const short = SHORT_TIME.exec(raw);
  if (short) {
    if (short[1] !== undefined) return make(Number(short[1]), short[2] === undefined ? 0 : Number(short[2]), null, true);
    if (short[3] !== undefined) return make(Number(short[3]), Number(short[4]), null, short[3].length === 2 && short[3][0] === "0");
    if (short[5] !== undefined) return make(12, 0, "pm", false);
    return midnightSpec();
  }
  const uhr = UHR_TIME.exec(raw);
  if (uhr) return make(Number(uhr[1]), Number(uhr[2] ?? 0), null, true);
  let text = raw.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, " ").trim();
  let daypart: Daypart | undefined;
  text = text.replace(/ sharp$/, "");
  const dp = / (?:in the (morning|afternoon|evening|am|pm)|at (night))$/.exec(text);
  if (dp) {
    const word = dp[1] ?? dp[2];
    daypart = word === "am" ? "morning" : word === "pm" ? "afternoon" : (word as Daypart);
    text = text.slice(0, dp.index).trim();
  }
  const spec = readCore(text);
  if (!spec) return null;
  if (daypart) {
    spec.daypart = daypart;
    if (!spec.meridiem && !spec.is24h && !spec.midnight) spec.meridiem = daypart === "morning" ? "am" : "pm";
  }
  return spec;
}

/**
 * A time of day with every field of TimeSpec, in one order (undefined where not set), so that all times share
 * one object shape: times are read field by field all through timing, and times of several shapes make those
 * reads megamorphic, where reading a field a shape lacks is a slow lookup (the reason mentions and rules share
 * one shape too). Copies made with a spread keep the shape.
 */
export function timeSpec(hour: number, minute: number, second: number, meridiem: Meridiem | null, is24h: boolean, midnight?: boolean): TimeSpec {
  return { hour, minute, second, meridiem, is24h, midnight, approx: undefined, daypart: undefined };
}

/** The time "midnight" (the midnight that ends the day). */
const midnightSpec = (): TimeSpec => timeSpec(0, 0, 0, null, true, true);

function make(hour: number, minute: number, meridiem: Meridiem | null, is24h: boolean, approx = false): TimeSpec | null {
  if (minute > 59 || hour > 24) return null;
  let spec: TimeSpec;
  if (meridiem && (hour === 0 || hour > 12)) {
    if (hour > 12 && hour <= 23) spec = timeSpec(hour, minute, 0, null, true);
    else if (hour === 0 && meridiem === "am") spec = timeSpec(0, minute, 0, null, true);
    else return null;
  } else {
    if (hour === 24 && minute > 0) return null;
    spec = timeSpec(hour, minute, 0, meridiem, meridiem ? false : is24h || hour > 12 || hour === 0);
  }
  if (approx) spec.approx = true;
  return spec;
}

function readCore(input: string): TimeSpec | null {
  let text = input.replace(/^the /, "");
  if (/^(noon|midday|mid-day)$/.test(text)) return make(12, 0, "pm", false);
  if (/^(midnight|mid-night)$/.test(text)) return midnightSpec();
  const uhr = UHR_TIME.exec(text);
  if (uhr) return make(Number(uhr[1]), Number(uhr[2] ?? 0), null, true);
  const rel = /^(?:a )?(quarter|half|\d{1,2}|twenty-five|twenty|ten|five)(?: (?:minutes?|mins?))? (past|after|from|to|till|before|of) (.+)$/.exec(text);
  if (rel) {
    const base = readCore(rel[3]) ?? readMeridiemCore(rel[3]);
    if (!base || base.midnight) {
      if (!base) return null;
    }
    const amount = rel[1] === "quarter" ? 15 : rel[1] === "half" ? 30 : ({ "twenty-five": 25, twenty: 20, ten: 10, five: 5 } as Record<string, number>)[rel[1]] ?? Number(rel[1]);
    if (amount >= 60) return null;
    const forward = rel[2] === "past" || rel[2] === "after" || rel[2] === "from";
    if (forward) return { ...base, minute: base.minute + amount, midnight: false, hour: base.midnight ? 0 : base.hour };
    let hour = base.midnight ? 24 : base.hour;
    let minute = base.minute - amount;
    if (minute < 0) {
      minute += 60;
      hour -= 1;
    }
    if (base.meridiem === "pm" && base.hour === 12 && hour === 11) return make(11, minute, "am", false);
    return { ...base, hour: hour === 0 && base.meridiem ? 12 : hour, minute, midnight: false };
  }
  const halfHour = /^half (\w+)$/.exec(text);
  if (halfHour) {
    const h = hourValue(halfHour[1]);
    return h === null ? null : make(h, 30, null, false);
  }
  return readMeridiemCore(text);
}

function readMeridiemCore(input: string): TimeSpec | null {
  const approx = /ish\b/.test(input);
  const { rest, meridiem } = readMeridiem(input.replace(/ish\b/, "").trim());
  let text = rest.replace(/\s*(?:o'clock|oclock|o clock)$/, "").trim();
  if (/^(noon|midday)$/.test(text)) return make(12, 0, "pm", false, approx);
  if (/^midnight$/.test(text)) return midnightSpec();
  let m = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/.exec(text);
  if (m) {
    const spec = make(Number(m[1]), Number(m[2]), meridiem, m[1].length === 2 && m[1].startsWith("0"), approx);
    if (spec && m[3]) spec.second = Number(m[3]);
    return spec;
  }
  m = /^(\d{1,2})h(\d{2})?$/.exec(text);
  if (m) return make(Number(m[1]), Number(m[2] ?? 0), meridiem, meridiem === null, approx);
  m = /^(\d{1,2}) (\d{2})$/.exec(text);
  if (m) return make(Number(m[1]), Number(m[2]), meridiem, false, approx);
  m = /^(\d{3,4})$/.exec(text);
  if (m) return make(Number(m[1].slice(0, -2)), Number(m[1].slice(-2)), meridiem, m[1].length === 4 && m[1].startsWith("0"), approx);
  m = /^(\d{1,2})$/.exec(text);
  if (m) return make(Number(m[1]), 0, meridiem, meridiem === null && m[1].length === 2 && m[1].startsWith("0"), approx);
  m = /^([a-z]+)(?: (.+))?$/.exec(text);
  if (m) {
    const h = HOUR_WORDS[m[1]];
    if (h === undefined) return null;
    const minute = m[2] === undefined ? 0 : MINUTE_WORDS[m[2]];
    if (minute === undefined) return null;
    return make(h, minute, meridiem, false, approx);
  }
  return null;
}
