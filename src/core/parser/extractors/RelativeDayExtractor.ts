/** Days named relative to today: today, tonight, tomorrow (morning), the day after tomorrow, this evening. */
import { addDays } from "../../time/civil.js";
import { alternation } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Daypart, Extractor } from "../types.js";
import { dateMention } from "./mention.js";
import { wordThen } from "../textScan.js";

export function relativeDayExtractor(locale: LocaleConstants): Extractor {
  const days = alternation(Object.keys(locale.relativeDays));
  const parts = alternation(Object.keys(locale.dayparts).filter((w) => !/^(am|pm)$/.test(w)));
  const afterThe = Object.keys(locale.relativeDays).filter((k) => k.startsWith("the ")).map((k) => k.slice(4).trimStart()[0]).join("");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${days})(?:\\s+(?:(?:in\\s+the|at)\\s+)?(${parts}))?(?![\\p{L}\\p{N}])`, "giu");
  return {
    name: "RelativeDayExtractor",
    startsWith: startsFor(locale, "relativeDay", () => Object.keys(locale.relativeDays)),
    trigger: triggerFor(locale, "relativeDay", () => Object.keys(locale.relativeDays)),
    pattern,
    // At "the", only the names that begin with it can follow ("the day after tomorrow").
    mayStartAt: (lower, at) => wordThen(lower, at, "the", afterThe),
    extract(ctx, m) {
      const key = m[1].toLowerCase().replace(/\s+/g, " ");
      const offset = locale.relativeDays[key];
      if (offset === undefined) return null;
      const own = /\b(morning|afternoon|evening|night|tonight|tonite)\b/.exec(key)?.[1];
      const word = (m[2]?.toLowerCase() ?? own) as string | undefined;
      const daypart: Daypart | undefined = word ? locale.dayparts[word] : undefined;
      return dateMention("RelativeDayExtractor", m, 0.95, { date: addDays(ctx.today, offset), explicit: true, daypart });
    },
  };
}
