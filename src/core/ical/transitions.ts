/** A zone's UTC-offset transitions found through Intl alone (no tz database file), for VTIMEZONE output. */
import { MS_PER_DAY, MS_PER_MINUTE } from "../time/civil.js";
import { offsetAt } from "../time/zone.js";

/** One change of offset. */
export interface ZoneTransition {
  /** First instant (epoch ms, on a whole minute) the new offset is in force. */
  at: number;
  /** Offsets east of UTC in minutes, before and after. */
  from: number;
  to: number;
  /** True for the onset of daylight-saving time (see {@link zoneTransitions}). */
  daylight: boolean;
}

/** Two transitions this close apart belong to one DST season (366 days covers a southern summer too). */
const SEASON_MS = 366 * MS_PER_DAY;

/**
 * The transitions of `zone` in `[fromMs, toMs)`, in order. Offsets are sampled daily and each change is
 * bisected to the minute, so two changes inside one day cancel out (tzdata has none in modern times).
 * A transition counts as daylight when it raises the offset and a fall back to the old offset lies within
 * a season before or after it; a lone raise (a zone moving to a new standard offset) stays standard.
 */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const raw: Array<Omit<ZoneTransition, "daylight">> = [];
  let t = fromMs;
  let offset = offsetAt(t, zone);
  while (t < toMs) {
    const next = Math.min(t + MS_PER_DAY, toMs);
    const nextOffset = offsetAt(next, zone);
    if (nextOffset !== offset) raw.push({ at: bisect(zone, t, next, offset), from: offset, to: nextOffset });
    t = next;
    offset = nextOffset;
  }
  return raw.map((tr, i) => {
    if (tr.to <= tr.from) return { ...tr, daylight: false };
    const fallsBack = (other: Omit<ZoneTransition, "daylight"> | undefined): boolean =>
      other !== undefined && Math.abs(other.at - tr.at) <= SEASON_MS && other.from === tr.to && other.to === tr.from;
    return { ...tr, daylight: fallsBack(raw[i + 1]) || fallsBack(raw[i - 1]) };
  });
}

// `lo` has offset `before`, `hi` does not; narrows to the first whole minute with the new offset.
function bisect(zone: string, lo: number, hi: number, before: number): number {
  let a = Math.floor(lo / MS_PER_MINUTE);
  let b = Math.ceil(hi / MS_PER_MINUTE);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(mid * MS_PER_MINUTE, zone) === before) a = mid;
    else b = mid;
  }
  return b * MS_PER_MINUTE;
}

// Locales tried in order for a zone abbreviation; each knows the short names of its own region only.
const NAME_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-ZA", "en-CA"];
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's short name at `epochMs` ("EST", "CEST", "AEDT") from Intl, or null when no locale has an
 * abbreviation and only a "GMT+5:30" form exists (RFC 5545 makes TZNAME optional).
 */
export function zoneAbbreviation(zone: string, epochMs: number): string | null {
  for (const locale of NAME_LOCALES) {
    const key = `${locale}|${zone}`;
    let formatter = nameFormatters.get(key);
    if (!formatter) nameFormatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })));
    const name = formatter.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value ?? "";
    if (/^[A-Z]{2,6}$/.test(name)) return name;
  }
  return null;
}
