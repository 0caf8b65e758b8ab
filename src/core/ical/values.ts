/** RFC 5545 value types in their basic format: DATE, DATE-TIME, DURATION and UTC-OFFSET, both ways. */
import { type CivilDate, type WallTime, civilFromDays, daysFromCivil, formatDate, isValidDate, MS_PER_DAY } from "../time/civil.js";

/**
 * A DATE or DATE-TIME value. `floating` is a wall-clock time with no zone of its own (read in the TZID
 * parameter's zone when there is one); `utc` ends in `Z`.
 */
export type IcalTime =
  | { kind: "date"; date: CivilDate }
  | { kind: "floating"; date: CivilDate; time: WallTime }
  | { kind: "utc"; date: CivilDate; time: WallTime };

/** Reads `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`; null when malformed or not a real date. A leap second (60) reads as 59. */
export function parseIcalTime(value: string): IcalTime | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(value.trim());
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (!isValidDate(date.y, date.m, date.d)) return null;
  if (m[4] === undefined) return { kind: "date", date };
  const time = { h: Number(m[4]), mi: Number(m[5]), s: Math.min(Number(m[6]), 59) };
  if (time.h > 23 || time.mi > 59 || Number(m[6]) > 60) return null;
  return { kind: m[7] ? "utc" : "floating", date, time };
}

/**
 * A DURATION: `days` are nominal (a day is a calendar day, 23 or 25 hours across a DST change) and
 * `ms` exact, as RFC 5545 §3.3.6 says; both carry the sign.
 */
export interface IcalDuration {
  days: number;
  ms: number;
}

/** Reads `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`; null when malformed or empty (`P`, `PT`). */
export function parseDuration(value: string): IcalDuration | null {
  const text = value.trim();
  const m = /^([+-])?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/i.exec(text);
  if (!m || /T$/i.test(text) || m.slice(2).every((part) => part === undefined)) return null;
  const n = (part: string | undefined): number => (part === undefined ? 0 : parseInt(part, 10));
  const sign = m[1] === "-" ? -1 : 1;
  const days = m[2] !== undefined ? n(m[2]) * 7 : n(m[3]);
  const ms = ((n(m[4]) * 60 + n(m[5])) * 60 + n(m[6])) * 1000;
  return { days: sign * days, ms: sign * ms };
}

/** Reads `+HHMM[SS]` / `-HHMM[SS]` into minutes east of UTC (seconds rounded); null when malformed. */
export function parseUtcOffset(value: string): number | null {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim());
  if (!m || Number(m[3]) > 59) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Math.round(Number(m[4] ?? 0) / 60);
  return m[1] === "-" ? -minutes : minutes;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** `YYYYMMDD`. */
export function formatIcalDate(date: CivilDate): string {
  return formatDate(date).replace(/-/g, "");
}

/** `YYYYMMDDTHHMMSS`: a wall-clock time, to be read in a TZID. */
export function formatIcalLocal(date: CivilDate, time: WallTime): string {
  return `${formatIcalDate(date)}T${pad2(time.h)}${pad2(time.mi)}${pad2(time.s)}`;
}

/** `YYYYMMDDTHHMMSSZ` for an instant (milliseconds dropped). */
export function formatIcalUtc(epochMs: number): string {
  const days = Math.floor(epochMs / MS_PER_DAY);
  const secs = Math.floor((epochMs - days * MS_PER_DAY) / 1000);
  return `${formatIcalLocal(civilFromDays(days), { h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 })}Z`;
}

/** `+HHMM` / `-HHMM` for minutes east of UTC. */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

/** Wall-clock date and time as if it were UTC, in epoch ms: the arithmetic form of a local time. */
export function wallMs(date: CivilDate, time: WallTime): number {
  return daysFromCivil(date.y, date.m, date.d) * MS_PER_DAY + ((time.h * 60 + time.mi) * 60 + time.s) * 1000;
}

/** The reverse of {@link wallMs}. */
export function splitWallMs(ms: number): { date: CivilDate; time: WallTime } {
  const days = Math.floor(ms / MS_PER_DAY);
  const secs = Math.floor((ms - days * MS_PER_DAY) / 1000);
  return { date: civilFromDays(days), time: { h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 } };
}
