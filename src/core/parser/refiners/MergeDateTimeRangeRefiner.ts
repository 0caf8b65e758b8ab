/** "Saturday 10am to Sunday 6pm": a date and time, a joiner, then another date and time become one range. */
import { makeDateTimeRange } from "../extractors/mention.js";
import type { DateMention, Mention, Refiner, TimeMention } from "../types.js";

const JOIN = /^\s*(?:-|–|—|to|through|thru|until|till|til)\s*$/i;
const GLUE = /^\s*(?:,|at|@|from)?\s*$/i;

export function mergeDateTimeRangeRefiner(): Refiner {
  return {
    name: "MergeDateTimeRangeRefiner",
    refine(ctx, mentions) {
      // A merge needs two dates and two times: most lists have fewer, and are returned as they are.
      let dates = 0;
      let times = 0;
      for (const m of mentions) {
        if (m.kind === "date") dates++;
        else if (m.kind === "time") times++;
      }
      if (dates < 2 || times < 2) return mentions;
      const out: Mention[] = [];
      for (let i = 0; i < mentions.length; i++) {
        const d1 = mentions[i];
        const t1 = mentions[i + 1];
        const d2 = mentions[i + 2];
        const t2 = mentions[i + 3];
        if (d1?.kind === "date" && t1?.kind === "time" && d2?.kind === "date" && t2?.kind === "time" && !t1.endTime && !t2.endTime &&
          GLUE.test(ctx.text.slice(d1.end, t1.start)) && JOIN.test(ctx.text.slice(t1.end, d2.start)) && GLUE.test(ctx.text.slice(d2.end, t2.start))) {
          out.push(range(ctx.text, d1, t1, d2, t2));
          i += 3;
          continue;
        }
        out.push(mentions[i]);
      }
      return out;
    },
  };
}

function range(text: string, d1: DateMention, t1: TimeMention, d2: DateMention, t2: TimeMention): Mention {
  return makeDateTimeRange("MergeDateTimeRangeRefiner", { start: d1.start, end: t2.end, text: text.slice(d1.start, t2.end) }, Math.min(d1.confidence, t1.confidence, d2.confidence, t2.confidence), {
    startDate: d1.date, startTime: t1.time, endDate: d2.date, endTime: t2.time, lead: d1.lead, leadStart: d1.leadStart,
  });
}
