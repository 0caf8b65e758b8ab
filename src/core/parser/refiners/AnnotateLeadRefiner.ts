/**
 * Records the connector word right before each mention ("at", "on", "until", "starting"): the assembler
 * uses it to tell a recurrence's end from its start and drops it from the title with the mention.
 */
import { isLeadWord } from "../leadWords.js";
import { previousWord } from "../textScan.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Refiner } from "../types.js";
import { copyMention } from "../extractors/mention.js";

const enders = new Map<string, Set<string>>();

/** Second words of the locale's two-word leads ("of" for "as of", "to" for "up to"); built once per locale. */
function pairEnders(locale: LocaleConstants): Set<string> {
  let set = enders.get(locale.code);
  if (!set) {
    const pairs = [...locale.startingWords, ...locale.untilWords].map((w) => w.split(" ")).filter((words) => words.length === 2);
    set = new Set(pairs.map((words) => words[1]));
    enders.set(locale.code, set);
  }
  return set;
}

export function annotateLeadRefiner(): Refiner {
  return {
    name: "AnnotateLeadRefiner",
    refine(ctx, mentions) {
      let previousEnd = 0;
      return mentions.map((m) => {
        const floor = previousEnd;
        previousEnd = m.end;
        const word = previousWord(ctx.text, m.start, floor);
        if (!word) return m;
        let lead = ctx.text.slice(word[0], word[1]).toLowerCase();
        let leadStart = word[0];
        // Two-word leads: "as of", "up to". Only a word that ends one is worth pairing with the word before it.
        const before = pairEnders(ctx.locale).has(lead) ? previousWord(ctx.text, word[0], floor) : null;
        if (before) {
          const pair = `${ctx.text.slice(before[0], before[1]).toLowerCase()} ${lead}`;
          if (ctx.locale.startingWords.has(pair) || ctx.locale.untilWords.has(pair)) [lead, leadStart] = [pair, before[0]];
        }
        if (!isLeadWord(ctx.locale, lead)) return m;
        return copyMention(m, { lead, leadStart });
      });
    },
  };
}
