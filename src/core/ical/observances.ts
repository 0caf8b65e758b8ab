/** A file's own VTIMEZONE read as offsets over time: for matching it to an IANA zone or reading times in it. */
import { expandRRule } from "../recurrence/expand.js";
import { parseRRule } from "../recurrence/rrule.js";
import { type CivilDate, type WallTime, daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from "../time/civil.js";
import { type Component, param, properties, property } from "./components.js";
import { parseIcalTime, parseUtcOffset, wallMs } from "./values.js";

/** One onset of a STANDARD or DAYLIGHT observance. */
export interface Onset {
  at: number;
  from: number;
  to: number;
}

/** A zone defined by a VTIMEZONE: its onsets over the years read, and the arithmetic on them. */
export interface CustomZone {
  /** Sorted by instant. */
  onsets: Onset[];
  /** Offset east of UTC in minutes at an instant (before the first onset: that onset's TZOFFSETFROM). */
  offsetAt(epochMs: number): number;
  /** The instant of a wall-clock time (RFC 5545: a gap moves forward, an overlap takes the earlier instant). */
  toInstant(date: CivilDate, time: WallTime): number;
}

/**
 * Reads the observances of `vtimezone` for the years `fromYear`–`toYear` (RRULE, RDATE or just DTSTART).
 * Observances missing DTSTART or an offset are passed over; null when none can be read.
 */
export function readVTimezone(vtimezone: Component, fromYear: number, toYear: number): CustomZone | null {
  const fromMs = daysFromCivil(fromYear, 1, 1) * MS_PER_DAY;
  const toMs = daysFromCivil(toYear + 1, 1, 1) * MS_PER_DAY;
  const onsets: Onset[] = [];
  for (const observance of vtimezone.components.filter((c) => c.name === "STANDARD" || c.name === "DAYLIGHT")) {
    const start = parseIcalTime(property(observance, "DTSTART")?.value ?? "");
    const from = parseUtcOffset(property(observance, "TZOFFSETFROM")?.value ?? "");
    const to = parseUtcOffset(property(observance, "TZOFFSETTO")?.value ?? "");
    if (!start || start.kind === "date" || from === null || to === null) continue;
    // Onset wall-clock times are read in the offset before them; the rule runs on wall-clock time too.
    const walls = [wallMs(start.date, start.time)];
    const rule = parseRRule(property(observance, "RRULE")?.value ?? "");
    if (rule) {
      const window = { zone: "UTC", from: fromMs - MS_PER_DAY, to: toMs + MS_PER_DAY, limit: 1_000 };
      for (const o of expandRRule(rule, { date: start.date, time: start.time }, window)) walls.push(o.instant as number);
    }
    for (const rdate of properties(observance, "RDATE").filter((p) => param(p, "VALUE") !== "PERIOD")) {
      for (const value of rdate.value.split(",")) {
        const t = parseIcalTime(value);
        if (t && t.kind !== "date") walls.push(wallMs(t.date, t.time));
      }
    }
    for (const wall of new Set(walls)) onsets.push({ at: wall - from * MS_PER_MINUTE, from, to });
  }
  if (onsets.length === 0) return null;
  onsets.sort((a, b) => a.at - b.at);
  return customZone(onsets);
}

function customZone(onsets: Onset[]): CustomZone {
  const offsetAt = (epochMs: number): number => {
    let lo = 0;
    let hi = onsets.length - 1;
    if (epochMs < onsets[0].at) return onsets[0].from;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (onsets[mid].at <= epochMs) lo = mid;
      else hi = mid - 1;
    }
    return onsets[lo].to;
  };
  const offsets = [...new Set(onsets.flatMap((o) => [o.from, o.to]))];
  const toInstant = (date: CivilDate, time: WallTime): number => {
    const local = wallMs(date, time);
    const valid = offsets.map((o) => local - o * MS_PER_MINUTE).filter((t) => offsetAt(t) * MS_PER_MINUTE === local - t);
    // No valid reading means a gap: the offset before it moves the time forward by the gap's length.
    return valid.length > 0 ? Math.min(...valid) : local - offsetAt(local - MS_PER_DAY) * MS_PER_MINUTE;
  };
  return { onsets, offsetAt, toInstant };
}
