/** ISO 8601 dates and date-times: 2026-12-10, 2026-12-10T14:00, 2026-12-10 14:00:00. */
import { isValidDate } from "../../time/civil.js";
import type { Extractor } from "../types.js";
import { timeSpec } from "../timeGrammar.js";
import { dateMention } from "./mention.js";

/** True when lower[from, to) are all ASCII digits. */
function isDigits(lower: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lower.charCodeAt(i) < 48 || lower.charCodeAt(i) > 57) return false;
  return true;
}

export function isoDateExtractor(): Extractor {
  return {
    name: "IsoDateExtractor",
    startsWith: { digits: true },
    trigger: { chars: "-" },
    pattern: /\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?\b/g,
    // Four digits and a dash, or no ISO date begins here (most digit starts are times and other dates).
    mayStartAt: (lower, at) => lower.charCodeAt(at + 4) === 45 && isDigits(lower, at, at + 4),
    extract(_ctx, m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!isValidDate(y, mo, d)) return null;
      const time = m[4] ? timeSpec(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), null, true) : undefined;
      if (time && (time.hour > 23 || time.minute > 59)) return null;
      return dateMention("IsoDateExtractor", m, 0.98, { date: { y, m: mo, d }, explicit: true, time });
    },
  };
}
