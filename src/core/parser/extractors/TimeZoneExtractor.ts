/**
 * Time zones written after a time: abbreviations ("PST", "CET", "(BST)"), "UTC+2", "GMT-05:00", "+01:00",
 * "Eastern Time". Lower-case abbreviations only count right after a time ("8am pst").
 */
import { alternation } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor, ZoneSpec } from "../types.js";
import { makeZone, textBefore } from "./mention.js";

const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;

export function timeZoneExtractor(locale: LocaleConstants): Extractor {
  const names = alternation(Object.keys(locale.zones));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])\\(?(?:(${names})(?:\\s?([+-]\\d{1,2}(?::?\\d{2})?))?|([+-]\\d{2}:?\\d{2}))\\)?(?![\\p{L}\\p{N}])`, "giu");
  return {
    name: "TimeZoneExtractor",
    startsWith: startsFor(locale, "zone", () => Object.keys(locale.zones), false, "(+-"),
    trigger: triggerFor(locale, "zone", () => Object.keys(locale.zones), false, "+-"),
    pattern,
    // At a sign only an offset can begin, and it goes on with two digits ("-05:00", "+0100").
    mayStartAt: (lower, at) => (lower[at] !== "+" && lower[at] !== "-") || (isDigitAt(lower, at + 1) && isDigitAt(lower, at + 2)),
    extract(ctx, m) {
      const name = m[1];
      const before = textBefore(ctx, m.index, 12);
      const afterTime = /(?:\d|[ap]\.?m\.?|\bnoon|\bmidnight|h|uhr)\s*$/i.test(before);
      if (name) {
        const upper = name === name.toUpperCase();
        if (!afterTime && !(upper && name.length >= 3)) return null;
        if (!upper && !afterTime) return null;
        // A bare Z or a lone "ET"/"CT" also spell ordinary words; only after a time.
        if (name.length <= 2 && !afterTime) return null;
      } else if (!afterTime) return null;
      const zone: ZoneSpec = {};
      if (name) {
        const value = locale.zones[name.toLowerCase().replace(/\s+/g, " ")];
        if (value === undefined) return null;
        if (typeof value === "string") zone.iana = value;
        else zone.offset = value;
        if (m[2]) zone.offset = (zone.offset ?? 0) + readOffset(m[2]);
      } else zone.offset = readOffset(m[3]);
      const text = m[0];
      const start = m.index + (text.startsWith("(") ? 1 : 0);
      const end = m.index + text.length - (text.endsWith(")") && text.startsWith("(") ? 1 : 0);
      return makeZone("TimeZoneExtractor", { start, end, text: ctx.text.slice(start, end) }, 0.95, zone);
    },
  };
}

function readOffset(text: string): number {
  const t = text.replace(/\s+/g, "");
  const sign = t.startsWith("-") ? -1 : 1;
  const digits = t.slice(1).replace(":", "");
  const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, digits.length - 2));
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  return sign * (hours * 60 + minutes);
}
