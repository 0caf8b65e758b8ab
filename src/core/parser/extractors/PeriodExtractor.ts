/**
 * Parts of a month or week as all-day spans: "early March" (1st–10th), "mid March" (11th–20th), "late March"
 * and "the end of the month" (21st–last), "the beginning of January" (1st–10th), "the beginning of next
 * week" (Monday–Wednesday), "the end of this week" (Friday–Sunday), "the next 3 days", "the rest of the week",
 * "this weekend" (Saturday–Sunday).
 */
import { addDays, addMonths, type CivilDate, compareDates, daysInMonth, startOfWeek } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor, ParsingContext } from "../types.js";
import { dateMention } from "./mention.js";
import { wordThen } from "../textScan.js";

type Portion = "early" | "mid" | "late";

function portionOf(word: string): Portion {
  const w = word.toLowerCase();
  if (/^(early|beginning|start)$/.test(w)) return "early";
  if (/^(mid|middle)$/.test(w)) return "mid";
  return "late";
}

/** The month span a portion covers: 1–10, 11–20, 21–end; [start, exclusive end). */
function monthPortion(y: number, m: number, portion: Portion): [CivilDate, CivilDate] {
  if (portion === "early") return [{ y, m, d: 1 }, { y, m, d: 11 }];
  if (portion === "mid") return [{ y, m, d: 11 }, { y, m, d: 21 }];
  return [{ y, m, d: 21 }, addDays({ y, m, d: daysInMonth(y, m) }, 1)];
}

/** The week span a portion covers: Monday–Wednesday, Wednesday–Thursday, Friday–Sunday. */
function weekPortion(monday: CivilDate, portion: Portion): [CivilDate, CivilDate] {
  if (portion === "early") return [monday, addDays(monday, 3)];
  if (portion === "mid") return [addDays(monday, 2), addDays(monday, 4)];
  return [addDays(monday, 4), addDays(monday, 7)];
}

function weeksAhead(qualifier: string | undefined): number {
  return qualifier && /next|coming|following/i.test(qualifier) ? 1 : 0;
}

/** Northern seasons by their usual fixed dates: [first day, exclusive end) as month/day pairs. */
const SEASONS: Record<string, [number, number, number, number]> = {
  spring: [3, 20, 6, 21],
  summer: [6, 21, 9, 24],
  fall: [9, 24, 12, 21],
  autumn: [9, 24, 12, 21],
  winter: [12, 21, 3, 20],
};

/** The season running now or next ("this summer" said in February is the coming one); `next` skips a running one. */
function season(today: CivilDate, name: string, next: boolean): [CivilDate, CivilDate] {
  const [sm, sd, em, ed] = SEASONS[name];
  for (let y = today.y - 1; y <= today.y + 2; y++) {
    const start = { y, m: sm, d: sd };
    const end = { y: em < sm ? y + 1 : y, m: em, d: ed };
    if (compareDates(end, today) <= 0) continue;
    if (next && compareDates(start, today) <= 0) continue;
    return [start, end];
  }
  return [today, today];
}

export function periodExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:` +
      `(early|mid|late)[-\\s]+(${g.month})(?:\\s+((?:19|20)\\d{2}))?` +
      `|(?:at\\s+)?(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+(?:the\\s+)?(?:around\\s+)?(?:(${g.month})(?:\\s+((?:19|20)\\d{2}))?|(this|current|next|coming|following)?\\s*(month|week))` +
      `|(?:the\\s+)?(eom|eow)` +
      `|(?:the\\s+)?next\\s+(${g.count}|few|couple\\s+of)\\s+days` +
      `|(?:the\\s+)?rest\\s+of\\s+(?:the|this)\\s+week` +
      `|(this|next|the)\\s+week-?end` +
      `|(this|current|next|coming)\\s+(spring|summer|fall|autumn|winter))(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "PeriodExtractor",
    startsWith: startsFor(locale, "period", () => ["early", "mid", "late", "at", "the", "beginning", "start", "middle", "end", "eom", "eow", "next", "rest", "this", "current", "coming"]),
    trigger: triggerFor(locale, "period", () => ["early", "mid", "late", "beginning", "start", "middle", "end", "eom", "eow", "next", "rest", "this", "current", "coming", "the"]),
    pattern,
    // Every form that begins with "the" goes on with beginning/start/middle/end, eom/eow, next, rest or week;
    // every form that begins with "at" with "the" or beginning/start/middle/end.
    mayStartAt: (lower, at) => wordThen(lower, at, "the", "bsmenrw") && wordThen(lower, at, "at", "tbsme"),
    extract(ctx, m) {
      const span = read(ctx, locale, m);
      if (!span) return null;
      return dateMention("PeriodExtractor", m, 0.75, { date: span[0], explicit: true, endDate: span[1] });
    },
  };
}

function read(ctx: ParsingContext, locale: LocaleConstants, m: RegExpExecArray): [CivilDate, CivilDate] | null {
  const today = ctx.today;
  const monthSpan = (monthText: string, yearText: string | undefined, portion: Portion): [CivilDate, CivilDate] | null => {
    const month = lookup(locale.months, monthText);
    if (month === null) return null;
    if (yearText) return monthPortion(Number(yearText), month, portion);
    for (let y = today.y; y <= today.y + 1; y++) {
      const span = monthPortion(y, month, portion);
      if (compareDates(span[1], today) > 0) return span;
    }
    return null;
  };
  if (m[1]) return monthSpan(m[2], m[3], portionOf(m[1]));
  if (m[4]) {
    const portion = portionOf(m[4]);
    if (m[5]) return monthSpan(m[5], m[6], portion);
    if (m[8]?.toLowerCase() === "month") {
      const first = addMonths({ y: today.y, m: today.m, d: 1 }, weeksAhead(m[7]));
      return monthPortion(first.y, first.m, portion);
    }
    return weekPortion(addDays(startOfWeek(today), 7 * weeksAhead(m[7])), portion);
  }
  if (m[9]) {
    if (m[9].toLowerCase() === "eom") return monthPortion(today.y, today.m, "late");
    return weekPortion(startOfWeek(today), "late");
  }
  if (m[10]) {
    const n = /few/i.test(m[10]) ? 3 : /couple/i.test(m[10]) ? 2 : readNumber(locale, m[10]);
    if (n === null || n < 1 || n > 366) return null;
    return [addDays(today, 1), addDays(today, n + 1)];
  }
  if (m[11]) {
    const saturday = addDays(startOfWeek(today), 5 + (/next/i.test(m[11]) ? 7 : 0));
    return [compareDates(saturday, today) < 0 ? today : saturday, addDays(saturday, 2)];
  }
  if (m[13]) return season(today, m[13].toLowerCase(), /next|coming/i.test(m[12]));
  // "the rest of the week": today through Sunday.
  return [today, addDays(startOfWeek(today), 7)];
}

