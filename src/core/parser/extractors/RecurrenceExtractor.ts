/**
 * Repetition by weekday and interval: "every Friday", "every other Thursday", "every 2 weeks", "every day",
 * "every weekday", "every weekend", "every day except Sunday", "every Monday, Wednesday and Friday",
 * "Tuesdays", "on Mondays and Wednesdays", "Tue/Thu", "Mon & Thu" (days joined by a slash, "&" or "+" read as a schedule).
 */
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { startsFor, triggerFor, weekdayWords, wordsOfSource } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor, RecurrenceSpec } from "../types.js";
import { makeRecurrence, newRule, openRule, spanOf, weeklyOn } from "./mention.js";
import { DAY_CODES, weekdayCodes, weekdayListSource } from "./weekdayList.js";

const WORKWEEK = ["MO", "TU", "WE", "TH", "FR"];

export function recurrenceExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const day = `${g.weekdayPlural}|${g.weekday}`;
  const list = weekdayListSource(day, locale.words.and);
  const every = locale.words.every;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:` +
      `(?:${every})\\s+(?:(${locale.words.other}|\\d+|${g.numberWord})\\s+)?(?:(days?|weeks?|months?|years?)(?:\\s+except\\s+(?:on\\s+)?(${list}))?|(weekdays?|week\\s*days?|weekends?|week-ends?)|(${list}))` +
      `|(?:on\\s+)?((?:${g.weekdayPlural})(?:\\s*(?:,\\s*(?:${locale.words.and})|,|${locale.words.and}|&|/)\\s*(?:${g.weekdayPlural}))*)` +
      `|((?:${g.weekday})(?:\\s*[/&+]\\s*(?:${g.weekday}))+)` +
      `|(${g.weekday})\\s*(?:-|–|—|thru|through)\\s*(${g.weekday})` +
      `)(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "RecurrenceExtractor",
    startsWith: startsFor(locale, "recurrence", () => ["on", ...wordsOfSource(locale.words.every), ...weekdayWords(locale)]),
    trigger: triggerFor(locale, "recurrence", () => [...locale.words.every.split("|"), ...Object.keys(locale.weekdayPlurals)], false, "/&+-–—"),
    pattern,
    extract(_ctx, m) {
      const intervalText = m[1]?.toLowerCase();
      let interval = 1;
      if (intervalText) {
        interval = /^(other|alternate|second)$/.test(intervalText) ? 2 : readNumber(locale, intervalText) ?? NaN;
        if (!Number.isFinite(interval) || interval < 1 || interval > 52) return null;
      }
      let rule: RecurrenceSpec | null = null;
      const unit = m[2]?.toLowerCase();
      if (unit) {
        if (unit.startsWith("day")) {
          rule = m[3] ? weeklyOn(DAY_CODES.filter((c) => !weekdayCodes(locale, m[3]).includes(c)).sort(mondayFirst)) : newRule("DAILY");
        } else if (unit.startsWith("week")) rule = openRule("WEEKLY");
        else if (unit.startsWith("month")) rule = openRule("MONTHLY");
        else rule = openRule("YEARLY");
      } else if (m[4]) {
        rule = /end/i.test(m[4]) ? weeklyOn(["SA", "SU"]) : weeklyOn(WORKWEEK);
      } else if (m[8]) {
        // "Mon-Fri": every day from the first to the second, wrapping over the weekend ("Fri-Mon").
        const from = lookup(locale.weekdays, m[8]);
        const to = lookup(locale.weekdays, m[9]);
        if (from === null || to === null || from === to) return null;
        const days: string[] = [];
        for (let d = from; ; d = (d + 1) % 7) {
          days.push(DAY_CODES[d]);
          if (d === to) break;
        }
        rule = weeklyOn(days.sort(mondayFirst));
      } else {
        const listText = m[5] ?? m[6] ?? m[7];
        const codes = weekdayCodes(locale, listText);
        if (codes.length === 0) return null;
        // "Tue/Thu" and plural lists need real weekday words; lower-case "sun"/"sat" alone are not enough.
        if (!m[5] && codes.length === 1 && m[6] && /^(suns|sats|mons|tues|weds|thurs|fris)$/i.test(m[6].trim())) return null;
        rule = weeklyOn(codes);
      }
      if (interval > 1) rule.interval = interval;
      const explicitEvery = m[1] !== undefined || m[2] !== undefined || m[4] !== undefined || m[5] !== undefined;
      return makeRecurrence("RecurrenceExtractor", spanOf(m), explicitEvery ? 0.95 : 0.85, rule);
    },
  };
}

const mondayFirst = (a: string, b: string): number => ((DAY_CODES.indexOf(a as never) + 6) % 7) - ((DAY_CODES.indexOf(b as never) + 6) % 7);
