/**
 * TZID parameters to IANA zones. In order: an IANA name is used as is; an IANA name at the end of a
 * path-like TZID (`/mozilla.org/…/Europe/Berlin`) is taken from there; a Windows name (Outlook's
 * "Eastern Standard Time") is mapped through CLDR when the file's VTIMEZONE agrees with that zone; a
 * custom VTIMEZONE is matched to the IANA zone with the same offsets; anything else reads in the default
 * zone, with a warning (times still at the right instants when the VTIMEZONE can be read).
 */
import { type CivilDate, type WallTime, daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from "../time/civil.js";
import { isValidZone, offsetAt, zonedToEpoch } from "../time/zone.js";
import type { Component } from "./components.js";
import { type CustomZone, readVTimezone } from "./observances.js";
import { WINDOWS_ZONES, windowsToIana } from "./windowsZones.js";

/** How times with one TZID are read. */
export interface ZoneReading {
  /** The IANA zone events with this TZID are stored in. */
  zone: string;
  /** The instant of a wall-clock time given with this TZID. */
  instantOf(date: CivilDate, time: WallTime): number;
}

export interface TzidResolverOptions {
  /** VTIMEZONE components of the file by their TZID. */
  vtimezones: ReadonlyMap<string, Component>;
  defaultTimezone: string;
  warn(message: string): void;
}

/** A resolver that settles each TZID once, on the year of the first time it is asked for. */
export function tzidResolver(options: TzidResolverOptions): (tzid: string, year: number) => ZoneReading {
  const settled = new Map<string, ZoneReading>();
  return (tzid, year) => {
    let reading = settled.get(tzid);
    if (!reading) settled.set(tzid, (reading = resolve(tzid, year, options)));
    return reading;
  };
}

const iana = (zone: string): ZoneReading => ({ zone, instantOf: (date, time) => zonedToEpoch(date, time, zone) });

function resolve(tzid: string, year: number, options: TzidResolverOptions): ZoneReading {
  const name = tzid.trim();
  if (isValidZone(name)) return iana(name);
  const embedded = embeddedIana(name);
  if (embedded) return iana(embedded);
  const vtimezone = options.vtimezones.get(tzid);
  const custom = vtimezone ? readVTimezone(vtimezone, year - 1, year + 1) : null;
  const windows = windowsToIana(name);
  if (windows && (!custom || sameOffsets(custom, windows, year))) return iana(windows);
  const matched = custom ? candidateZones().find((zone) => sameOffsets(custom, zone, year)) : undefined;
  if (matched) {
    options.warn(`TZID ${JSON.stringify(tzid)} is not an IANA zone; its VTIMEZONE has the offsets of ${matched}, which is used`);
    return iana(matched);
  }
  const fallback = options.defaultTimezone;
  options.warn(
    custom
      ? `TZID ${JSON.stringify(tzid)} matches no IANA zone; its times are kept at the instants its VTIMEZONE gives and stored in ${fallback}`
      : `TZID ${JSON.stringify(tzid)} is unknown and has no VTIMEZONE; its times are read in ${fallback}`,
  );
  return custom ? { zone: fallback, instantOf: custom.toInstant } : iana(fallback);
}

// `/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires` → the longest valid tail.
function embeddedIana(tzid: string): string | null {
  const parts = tzid.split("/").filter((p) => p.length > 0);
  for (let n = Math.min(3, parts.length); n >= 2; n--) {
    const tail = parts.slice(-n).join("/");
    if (isValidZone(tail)) return tail;
  }
  return null;
}

let candidates: string[] | null = null;

// Windows-mapped zones first (they are each region's main zone), then every zone the runtime knows.
function candidateZones(): string[] {
  candidates ??= [...new Set([...WINDOWS_ZONES.map(([, zone]) => zone), ...Intl.supportedValuesOf("timeZone")])].filter(isValidZone);
  return candidates;
}

/**
 * True when `zone` has the custom zone's offsets through `year`: on the 1st and 15th of every month, and
 * an hour either side of each of the custom zone's onsets that year (so a transition on another day fails).
 */
function sameOffsets(custom: CustomZone, zone: string, year: number): boolean {
  const start = daysFromCivil(year, 1, 1) * MS_PER_DAY;
  const end = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
  const quick = [start + 14 * MS_PER_DAY, start + 195 * MS_PER_DAY];
  if (quick.some((t) => custom.offsetAt(t) !== offsetAt(t, zone))) return false;
  const samples: number[] = [];
  for (let m = 1; m <= 12; m++) for (const d of [1, 15]) samples.push((daysFromCivil(year, m, d) + 0.5) * MS_PER_DAY);
  for (const onset of custom.onsets) if (onset.at >= start && onset.at < end) samples.push(onset.at - 60 * MS_PER_MINUTE, onset.at + 60 * MS_PER_MINUTE);
  return samples.every((t) => custom.offsetAt(t) === offsetAt(t, zone));
}
