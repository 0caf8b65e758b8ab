/**
 * Records the connector word right before each mention ("at", "on", "until", "starting"): the assembler
 * uses it to tell a recurrence's end from its start and drops it from the title with the mention.
 */
import type { Mention, Refiner } from "../types.js";

const LEAD = /(?:^|[^\p{L}\p{N}@])(as\s+of|up\s+to|[\p{L}]+|@)\s*$/u;

export function annotateLeadRefiner(): Refiner {
  return {
    name: "AnnotateLeadRefiner",
    refine(ctx, mentions) {
      let previousEnd = 0;
      return mentions.map((m) => {
        const before = ctx.text.slice(previousEnd, m.start);
        previousEnd = m.end;
        const found = LEAD.exec(before);
        if (!found || !ctx.locale.connectors.has(found[1].toLowerCase().replace(/\s+/g, " ")) && !ctx.locale.untilWords.has(found[1].toLowerCase()) && !ctx.locale.startingWords.has(found[1].toLowerCase().replace(/\s+/g, " "))) return m;
        const leadStart = m.start - (before.length - before.lastIndexOf(found[1]));
        return { ...m, lead: found[1].toLowerCase().replace(/\s+/g, " "), leadStart };
      });
    },
  };
}
