/**
 * Days the text points back to are not events: "last Tuesday", "earlier today", "yesterday", "3 days ago".
 * Drops such day mentions (and any time read with them is left without a day, so it goes too).
 */
import { compareDates } from "../../time/civil.js";
import { isJsSpace, previousWord } from "../textScan.js";
import type { Mention, ParsingContext, Refiner } from "../types.js";

const AGO = /^\s+ago\b/iu;

const pastHints = new Map<string, RegExp>();

/** A quick substring test for any past-tense word, so most texts skip the word split. */
function mayBePast(ctx: ParsingContext): boolean {
  let hint = pastHints.get(ctx.locale.code);
  if (!hint) {
    hint = new RegExp([...ctx.locale.pastVerbs].join("|"), "i");
    pastHints.set(ctx.locale.code, hint);
  }
  return hint.test(ctx.text);
}

const LAST_TIME = /^\s*last\s+time\b/i;

/**
 * Whether a text told in the past tense drops this mention: a day without month and day written, a time
 * without a meridiem or a 24-hour clock, or a time followed by "last time".
 */
function mayTellThePast(ctx: ParsingContext, m: Mention): boolean {
  if (m.kind === "date") return !m.explicit;
  if (m.kind !== "time") return false;
  return (!m.time.meridiem && !m.time.is24h) || LAST_TIME.test(ctx.text.slice(m.end));
}

export function dropPastRefiner(): Refiner {
  return {
    name: "DropPastRefiner",
    refine(ctx, mentions) {
      // Made on the first past mention only: most texts have none, and then no set is allocated.
      let past: Set<Mention> | undefined;
      for (const m of mentions) {
        if (m.kind !== "date") continue;
        const word = previousWord(ctx.text, m.start);
        const before = word ? ctx.text.slice(word[0], word[1]).toLowerCase() : "";
        // "ago" needs white space right after the mention: without it the pattern is not run.
        if (ctx.locale.pastWords.has(before) || (isJsSpace(ctx.text.charCodeAt(m.end)) && AGO.test(ctx.text.slice(m.end, m.end + 6))) || (compareDates(m.date, ctx.today) < 0 && !m.endDate && m.source === "RelativeDayExtractor")) (past ??= new Set()).add(m);
      }
      // A date with a year that is already over ("born on July 4th, 1990").
      for (const m of mentions) {
        if (m.kind === "date" && !past?.has(m) && (m.text.includes("19") || m.text.includes("20")) && /\b(?:19|20)\d{2}\b/.test(m.text) && compareDates(m.endDate ?? m.date, ctx.today) < 0) (past ??= new Set()).add(m);
      }
      // A text told in the past tense ("The meeting on Monday went well", "We met at 5 last time"): its
      // weekdays and bare times are what happened, unless it speaks of a change or of what is to come.
      // Only mentions of those kinds can be dropped so: without any, the text is not read for its tense.
      const words = mentions.some((m) => mayTellThePast(ctx, m)) && mayBePast(ctx) ? ctx.text.toLowerCase().split(/[^\p{L}']+/u) : [];
      if (words.some((w) => ctx.locale.pastVerbs.has(w)) && !words.some((w) => ctx.locale.changeWords.has(w) || w.endsWith("'ll"))) {
        for (const m of mentions) if (mayTellThePast(ctx, m)) (past ??= new Set()).add(m);
      }
      if (past === undefined) return mentions;
      const gone = past;
      // A text that only speaks of the past has no event: its times go with its days.
      const onlyPast = mentions.every((m) => gone.has(m) || m.kind === "time" || m.kind === "zone" || m.kind === "duration");
      return mentions.filter((m) => !gone.has(m) && !(onlyPast && m.kind === "time"));
    },
  };
}
